import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInteger } from '@icb/runtime';
import type { LogEntry, LoggedSignature } from '../event-log/hash-chain';

export const MAX_LOG_PAGE = 1000;
export const DEFAULT_LOG_PAGE = 500;

/** Which part of a consultation's log to export. */
export class AuditLogQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    default: 0,
    description:
      'Entries after this sequence number (the last of the previous page; 0 from the start).',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_LOG_PAGE,
    default: DEFAULT_LOG_PAGE,
    description: 'Most entries in the page.',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_LOG_PAGE)
  limit?: number;
}

/** An agency's signature as logged: enough to check it with the agency's public key alone. */
export class LoggedSignatureDto implements LoggedSignature {
  @ApiProperty({ type: String, description: 'The agency key that signed the message.' })
  kid: string;

  @ApiProperty({
    type: String,
    description: 'The detached compact JWS (RFC 7515 Appendix F, alg EdDSA) the message carried.',
  })
  jws: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'When the bus stored the message.',
  })
  receivedAt: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The envelope’s attributes without `data` and `jws`: with the entry’s `data` and this `jws` put back, ' +
      'its RFC 8785 canonical form without `jws` is what the JWS signs.',
  })
  envelope: Record<string, unknown>;
}

/** One entry of the hash-chained log, exactly as stored and hashed. */
export class AuditLogEntryDto implements LogEntry {
  @ApiProperty({ type: String, format: 'uuid' })
  consultationId: string;

  @ApiProperty({ type: 'integer', description: '1, 2, 3, … with no gaps.' })
  seq: number;

  @ApiProperty({ type: String })
  eventId: string;

  @ApiProperty({ type: String })
  type: string;

  @ApiProperty({ type: String })
  actor: string;

  @ApiProperty({ type: String })
  summary: string;

  @ApiProperty({ type: String })
  at: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  data?: Record<string, unknown>;

  @ApiPropertyOptional({ type: () => LoggedSignatureDto })
  signature?: LoggedSignatureDto;

  @ApiProperty({ type: String, description: 'The previous entry’s hash (64 zeros for the first).' })
  prevHash: string;

  @ApiProperty({
    type: String,
    description: 'SHA-256 over `prevHash` and the canonical JSON of the rest of the entry.',
  })
  hash: string;
}

/** One page of a consultation's log, with the head the consultation records. */
export class AuditLogPageDto {
  @ApiProperty({ type: String, format: 'uuid' })
  consultationId: string;

  @ApiProperty({
    type: 'object',
    properties: { seq: { type: 'integer' }, hash: { type: 'string' } },
    required: ['seq', 'hash'],
    description: 'The last entry the consultation records: the log must end there.',
  })
  head: { seq: number; hash: string };

  @ApiProperty({ type: () => [AuditLogEntryDto] })
  entries: AuditLogEntryDto[];

  @ApiPropertyOptional({
    type: 'integer',
    description: 'When more entries follow: the `after` of the next page.',
  })
  next?: number;
}
