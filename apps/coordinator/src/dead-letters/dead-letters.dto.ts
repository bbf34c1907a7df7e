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

  @ApiPropertyOptional({ description: 'Only entries of this durable consumer (e.g. coordinator)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  consumer?: string;
}

export class DeadLetterRecordDto implements DeadLetterRecord {
  @ApiProperty({
    example: 'INVALID_MESSAGE',
    description:
      'Why: INVALID_MESSAGE, MALFORMED_JSON, INVALID_UTF8, TOO_DEEP, CONTROL_CHARACTER, ' +
      'UNKNOWN_SUBJECT, PUBLISHER_NOT_ALLOWED, SOURCE_MISMATCH, IMPLAUSIBLE_TIME, AGENCY_MISMATCH, ' +
      'EVENT_ID_CONFLICT, MAX_DELIVERIES, ...; UNREADABLE_RECORD for an entry that is no record',
  })
  code: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ type: [String], description: 'Validation errors, path and message' })
  errors?: string[];
  @ApiProperty({ description: 'Subject the message was published on' }) subject: string;
  @ApiProperty() consumer: string;
  @ApiProperty() stream: string;
  @ApiProperty() streamSequence: number;
  @ApiProperty() deliveryCount: number;
  @ApiPropertyOptional({ description: 'Envelope id, when the body could be read' })
  eventId?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  headers: Record<string, string[]>;
  @ApiProperty({
    description:
      'The original body; `[withheld]` (and so are `reason` and `errors`, which may quote it) ' +
      'when it is meant for its addressee alone, when its marking or its consultation’s is above ' +
      'your clearance, or when it is unmarked or unreadable and you are not cleared TOP SECRET',
  })
  data: string;
  @ApiPropertyOptional({ description: 'True when `data`, `reason` and `errors` are withheld' })
  withheld?: boolean;
  @ApiProperty({ enum: ['utf8', 'base64'] }) encoding: 'utf8' | 'base64';
  @ApiProperty() deadLetteredAt: string;
}

export class DeadLetterEntryDto implements DeadLetterEntry {
  @ApiProperty({
    description: 'Sequence in the dead-letter stream: the id to replay or discard it by',
  })
  seq: number;
  @ApiProperty({ type: DeadLetterRecordDto }) record: DeadLetterRecordDto;
  @ApiPropertyOptional({
    description:
      'True when the stored entry is not a dead-letter record: `record` describes it and holds its raw body; discard it, it cannot be replayed',
  })
  unreadable?: boolean;
}

export class DeadLetterListDto {
  @ApiProperty({ description: 'Entries in the dead-letter stream' }) total: number;
  @ApiProperty({ type: [DeadLetterEntryDto] }) items: DeadLetterEntryDto[];
}

export class ReplayResultDto {
  @ApiProperty() seq: number;
  @ApiProperty({ description: 'Subject it was published on again' }) subject: string;
  @ApiProperty({ description: 'Its new sequence in the events stream' }) streamSequence: number;
}
