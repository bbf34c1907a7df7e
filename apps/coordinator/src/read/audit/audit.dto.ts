import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInteger } from '@icb/runtime';
import type { LogEntry, LoggedSignature } from '../../write/event-log/hash-chain';

export const MAX_LOG_PAGE = 1000;
export const DEFAULT_LOG_PAGE = 500;

/** Which part of a consultation's log to export. */
export class AuditLogQueryDto {
  /** Entries after this sequence number (the last of the previous page; 0 from the start). */
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    default: 0,
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  /** Most entries in the page. */
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_LOG_PAGE,
    default: DEFAULT_LOG_PAGE,
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
  /** The agency key that signed the message. */
  kid: string;

  /** The detached compact JWS (RFC 7515 Appendix F, alg EdDSA) the message carried. */
  jws: string;

  /** When the bus stored the message. */
  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  /** The envelope’s attributes without `data` and `jws`: with the entry’s `data` and this `jws` put back, its RFC 8785 canonical form without `jws` is what the JWS signs. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  envelope: Record<string, unknown>;
}

/** One entry of the hash-chained log, exactly as stored and hashed. */
export class AuditLogEntryDto implements LogEntry {
  @ApiProperty({ format: 'uuid' })
  consultationId: string;

  /** 1, 2, 3, … with no gaps. */
  @ApiProperty({ type: 'integer' })
  seq: number;

  eventId: string;

  type: string;

  actor: string;

  summary: string;

  at: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  data?: Record<string, unknown>;

  signature?: LoggedSignatureDto;

  /** The previous entry’s hash (64 zeros for the first). */
  prevHash: string;

  /** SHA-256 over `prevHash` and the canonical JSON of the rest of the entry. */
  hash: string;
}

/** One page of a consultation's log, with the head the consultation records. */
export class AuditLogPageDto {
  @ApiProperty({ format: 'uuid' })
  consultationId: string;

  /** The last entry the consultation records: the log must end there. */
  @ApiProperty({
    type: 'object',
    properties: { seq: { type: 'integer' }, hash: { type: 'string' } },
    required: ['seq', 'hash'],
  })
  head: { seq: number; hash: string };

  entries: AuditLogEntryDto[];

  /** When more entries follow: the `after` of the next page. */
  @ApiPropertyOptional({ type: 'integer' })
  next?: number;
}
