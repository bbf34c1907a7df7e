/**
 * The webhook subscriptions API's bodies. The shape is checked here, and the
 * rules again by the engine's createWebhookSubscription (URL scheme, no
 * credentials, message-name prefixes); the URL pattern here is narrower (what
 * the OpenAPI document can state), so what the document allows, the engine
 * accepts.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { AGENCIES, Agency } from '@icb/contracts';
import type { DeliveryAttemptOutcome, DeliveryLogEntry } from './webhook-delivery-log';
import {
  EVENT_PREFIX,
  WEBHOOK_URL_PATTERN,
  type WebhookSubscription,
} from './webhook-subscription';

const ISO = { type: String, format: 'date-time', example: '2026-03-02T14:30:00.000Z' } as const;
const OUTCOMES: readonly DeliveryAttemptOutcome[] = ['delivered', 'retry', 'failed', 'deactivated'];

export class CreateWebhookBodyDto {
  /**
   * http or https, no credentials, no fragment, on the adapter’s allow-list (WEBHOOK_ALLOWED_TARGETS). Redirects are not followed.
   * @example "https://reviews.example.mil/icb"
   */
  @ApiProperty({ format: 'uri', maxLength: 2048 })
  @IsString()
  @MaxLength(2048)
  @Matches(WEBHOOK_URL_PATTERN, {
    message:
      'url must be an http or https URL with a host name or IPv4 address, without credentials or fragment',
  })
  url: string;

  /** Message-name prefixes to receive (`review.requested`, or `review` for all). */
  @ApiProperty({ example: ['review.requested'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @IsString({ each: true })
  @Matches(EVENT_PREFIX, {
    each: true,
    message: 'each value in events must be a message-name prefix like "review.requested"',
  })
  events: string[];
}

export class WebhookSubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ format: 'uri' })
  url: string;

  events: string[];

  /** False once retired (410 Gone from the endpoint). */
  active: boolean;

  @ApiProperty(ISO)
  createdAt: string;

  @ApiPropertyOptional(ISO)
  deactivatedAt?: string;

  deactivatedReason?: string;
}

export class CreatedWebhookDto extends WebhookSubscriptionDto {
  /**
   * The Standard Webhooks signing secret (`whsec_` + base64 key of the `webhook-signature` HMAC-SHA256), shown this once: store it.
   * @example "whsec_…"
   */
  secret: string;
}

export class DeliveryAttemptDto {
  /** The same on every attempt. */
  @ApiProperty({ format: 'uuid' })
  deliveryId: string;

  eventId: string;

  /** @example "gov.icb.review.requested.v1" */
  eventType: string;

  @ApiProperty({ type: 'integer' })
  attempt: number;

  @ApiProperty(ISO)
  at: string;

  @ApiProperty({ enum: OUTCOMES })
  outcome: DeliveryAttemptOutcome;

  @ApiPropertyOptional({ type: 'integer' })
  httpStatus?: number;

  error?: string;

  @ApiProperty({ type: 'integer' })
  durationMs: number;

  /** When a redelivery is expected (outcome `retry`). */
  @ApiPropertyOptional(ISO)
  nextAttemptAt?: string;
}

export function toSubscriptionDto(s: WebhookSubscription): WebhookSubscriptionDto {
  return {
    id: s.id,
    agency: s.agency,
    url: s.url,
    events: s.events,
    active: s.active,
    createdAt: s.createdAt.toISOString(),
    ...(s.deactivatedAt && { deactivatedAt: s.deactivatedAt.toISOString() }),
    ...(s.deactivatedReason !== undefined && { deactivatedReason: s.deactivatedReason }),
  };
}

export function toDeliveryAttemptDto(e: DeliveryLogEntry): DeliveryAttemptDto {
  return {
    deliveryId: e.deliveryId,
    eventId: e.eventId,
    eventType: e.eventType,
    attempt: e.attempt,
    at: e.at.toISOString(),
    outcome: e.outcome,
    ...(e.httpStatus !== undefined && { httpStatus: e.httpStatus }),
    ...(e.error !== undefined && { error: e.error }),
    durationMs: e.durationMs,
    ...(e.nextAttemptAt && { nextAttemptAt: e.nextAttemptAt.toISOString() }),
  };
}
