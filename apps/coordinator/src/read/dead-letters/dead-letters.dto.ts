import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QueryInteger } from '@icb/runtime';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { DeadLetterEntry, DeadLetterRecord } from '@icb/messaging';

export class DeadLetterQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  /** Only entries of this durable consumer (e.g. coordinator) */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  consumer?: string;
}

export class DeadLetterRecordDto implements DeadLetterRecord {
  /**
   * Why: INVALID_MESSAGE, MALFORMED_JSON, INVALID_UTF8, TOO_DEEP, CONTROL_CHARACTER, UNKNOWN_SUBJECT, PUBLISHER_NOT_ALLOWED, SOURCE_MISMATCH, IMPLAUSIBLE_TIME, AGENCY_MISMATCH, EVENT_ID_CONFLICT, MAX_DELIVERIES, ...; UNREADABLE_RECORD for an entry that is no record
   * @example "INVALID_MESSAGE"
   */
  code: string;
  reason: string;
  /** Validation errors, path and message */
  errors?: string[];
  /** Subject the message was published on */
  subject: string;
  consumer: string;
  stream: string;
  streamSequence: number;
  deliveryCount: number;
  /** Envelope id, when the body could be read */
  eventId?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  headers: Record<string, string[]>;
  /** The original body; `[withheld]` (and so are `reason` and `errors`, which may quote it) when it is meant for its addressee alone, when its marking or its consultation’s is above your clearance, or when it is unmarked or unreadable and you are not cleared TOP SECRET */
  data: string;
  /** True when `data`, `reason` and `errors` are withheld */
  withheld?: boolean;
  @ApiProperty({ enum: ['utf8', 'base64'] }) encoding: 'utf8' | 'base64';
  deadLetteredAt: string;
}

export class DeadLetterEntryDto implements DeadLetterEntry {
  /** Sequence in the dead-letter stream: the id to replay or discard it by */
  seq: number;
  record: DeadLetterRecordDto;
  /** True when the stored entry is not a dead-letter record: `record` describes it and holds its raw body; discard it, it cannot be replayed */
  unreadable?: boolean;
}

export class DeadLetterListDto {
  /** Entries in the dead-letter stream */
  total: number;
  items: DeadLetterEntryDto[];
}

export class ReplayResultDto {
  seq: number;
  /** Subject it was published on again */
  subject: string;
  /** Its new sequence in the events stream */
  streamSequence: number;
}
