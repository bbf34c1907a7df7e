import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  Delete,
  ExceptionFilter,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequireScopes } from '../auth/agency-caller';
import { ADAPTER_SCOPES } from '../auth/scopes';
import { QueryInteger } from '@icb/runtime';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AdapterErrorFilter } from '../reviews/reviews.filter';
import { InvalidWebhookSubscriptionError } from './webhook.errors';
import {
  CreateWebhookBodyDto,
  CreatedWebhookDto,
  DeliveryAttemptDto,
  WebhookSubscriptionDto,
} from './webhook-subscription.dto';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

class DeliveriesQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 50 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * An invalid subscription is a 400 listing each problem, like any invalid
 * body; everything else as every adapter answers it (a 503 with Retry-After
 * when the adapter's KV bucket does not answer in time).
 */
@Catch()
class WebhookErrorFilter implements ExceptionFilter {
  private readonly adapterErrors = new AdapterErrorFilter();

  catch(error: unknown, host: ArgumentsHost): void {
    if (!(error instanceof InvalidWebhookSubscriptionError)) {
      this.adapterErrors.catch(error, host);
      return;
    }
    host.switchToHttp().getResponse<JsonResponse>().status(HttpStatus.BAD_REQUEST).json({
      statusCode: HttpStatus.BAD_REQUEST,
      error: 'Bad Request',
      message: error.problems,
    });
  }
}

const ID = new ParseUUIDPipe({ version: undefined });
const ID_PARAM = { name: 'id', description: 'Subscription id (UUID).', format: 'uuid' };

/**
 * `/webhooks`: the agency's systems subscribe an endpoint to messages
 * (`review.requested`) on the adapter's allow-list (WEBHOOK_ALLOWED_TARGETS);
 * each is POSTed there signed the Standard Webhooks way (`webhook-signature`) and
 * retried with backoff. Subscriptions and the delivery log are kept in the
 * adapter's KV bucket: they survive a restart; settled deliveries leave the
 * log after a retention period (7 days by default).
 */
@ApiTags('webhooks')
@UseFilters(WebhookErrorFilter)
@Controller('webhooks')
export class WebhookSubscriptionsController {
  constructor(private readonly subscriptions: WebhookSubscriptionsService) {}

  @Post()
  @RequireScopes(ADAPTER_SCOPES.webhooksManage)
  @ApiOperation({ summary: 'Subscribe an endpoint; the answer carries its secret, shown once' })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiUnprocessableEntityResponse({
    description:
      'The url is not on the adapter’s allow-list (`code` WEBHOOK_TARGET_NOT_ALLOWED; none configured: ' +
      'WEBHOOK_TARGETS_NOT_CONFIGURED), its host resolves to a link-local or metadata address ' +
      '(WEBHOOK_TARGET_FORBIDDEN_ADDRESS) or does not resolve (WEBHOOK_TARGET_UNRESOLVABLE).',
  })
  create(@Body() body: CreateWebhookBodyDto): Promise<CreatedWebhookDto> {
    return this.subscriptions.create({ url: body.url, events: body.events });
  }

  @Get()
  @RequireScopes(ADAPTER_SCOPES.webhooksRead)
  @ApiOperation({ summary: 'This agency’s subscriptions, oldest first (without secrets)' })
  @ApiOkResponse({ type: [WebhookSubscriptionDto] })
  list(): Promise<WebhookSubscriptionDto[]> {
    return this.subscriptions.list();
  }

  @Delete(':id')
  @RequireScopes(ADAPTER_SCOPES.webhooksManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a subscription' })
  @ApiParam(ID_PARAM)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@Param('id', ID) id: string): Promise<void> {
    await this.subscriptions.remove(id);
  }

  @Get(':id/deliveries')
  @RequireScopes(ADAPTER_SCOPES.webhooksRead)
  @ApiOperation({ summary: 'A subscription’s delivery attempts, newest first' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: [DeliveryAttemptDto] })
  @ApiNotFoundResponse()
  deliveries(
    @Param('id', ID) id: string,
    @Query() query: DeliveriesQueryDto,
  ): Promise<DeliveryAttemptDto[]> {
    return this.subscriptions.deliveries(id, query.limit);
  }
}
