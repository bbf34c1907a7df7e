import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { ApiErrorDto, RateLimited } from '@icb/runtime';

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 0, example: 60 },
  },
};
import { CurrentOperator, HttpRequest, Public } from './auth.decorators';
import { cookieValue, SESSION_COOKIE } from './auth.guard';
import { AuthService } from './auth.service';
import { signInRefusal } from './sign-in-refusal';
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
      'After 10 failed attempts in 15 minutes (counted across every coordinator instance) a ' +
      'username is refused with 429 for the rest of the window; a client address is also ' +
      'limited to SIGN_IN_RATE_LIMIT_PER_MINUTE attempts (default 20).',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'Wrong username or password.' })
  @ApiTooManyRequestsResponse({
    type: ApiErrorDto,
    description:
      'The username is locked out (10 failures in 15 minutes, on any coordinator instance), ' +
      'or this client address sent more sign-ins than SIGN_IN_RATE_LIMIT_PER_MINUTE. ' +
      'Retry-After says when to try again.',
    headers: RETRY_AFTER,
  })
  @ApiServiceUnavailableResponse({
    type: ApiErrorDto,
    description:
      'The shared table of failed sign-ins (NATS KV) cannot be reached: sign-in fails closed.',
    headers: RETRY_AFTER,
  })
  @RateLimited()
  async login(
    @Body() body: LoginDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SessionDto> {
    let session;
    try {
      session = await this.auth.signIn(body.username, body.password);
    } catch (error) {
      throw signInRefusal(error, response);
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
