import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { ApiErrorDto } from '@icb/runtime';
import { CurrentOperator, HttpRequest, Public } from './auth.decorators';
import { cookieValue, SESSION_COOKIE } from './auth.guard';
import { AuthService, TooManySignInsError } from './auth.service';
import { LoginDto, OperatorDto, SessionDto } from './auth.dto';
import type { Operator } from './operator';

function cookie(request: HttpRequest, value: string, maxAgeSeconds: number): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(request.secure ? ['Secure'] : []),
  ].join('; ');
}

/** Operators' sign-in (ADR 8). */
@ApiTags('sign-in')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with a username and password',
    description:
      'Answers a session token and sets the `icb_session` cookie (HttpOnly, SameSite=Strict). ' +
      'After 10 failed attempts in 15 minutes a username is refused with 429 for the rest of the window.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'Wrong username or password.' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto })
  login(
    @Body() body: LoginDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: ServerResponse,
  ): SessionDto {
    let session;
    try {
      session = this.auth.signIn(body.username, body.password);
    } catch (error) {
      if (error instanceof TooManySignInsError) {
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
        throw new HttpException(error.message, HttpStatus.TOO_MANY_REQUESTS);
      }
      throw error;
    }
    if (!session) throw new UnauthorizedException('wrong username or password');
    const maxAge = Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000);
    response.setHeader('Set-Cookie', cookie(request, session.token, maxAge));
    response.setHeader('Cache-Control', 'no-store');
    return { token: session.token, expiresAt: session.expiresAt, user: session.operator };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session and clears the cookie' })
  @ApiNoContentResponse()
  logout(@Req() request: HttpRequest, @Res({ passthrough: true }) response: ServerResponse): void {
    const header = request.headers.authorization;
    const token = header?.toLowerCase().startsWith('bearer ')
      ? header.slice(7).trim()
      : cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (token) this.auth.signOut(token);
    response.setHeader('Set-Cookie', cookie(request, '', 0));
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in operator' })
  @ApiOkResponse({ type: OperatorDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto })
  me(@CurrentOperator() operator: Operator): OperatorDto {
    return operator;
  }
}
