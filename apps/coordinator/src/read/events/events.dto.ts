import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { UUID_PATTERN } from '@icb/contracts';

export class EventsQueryDto {
  /** Only events about this consultation. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'consultationId must be a UUID' })
  consultationId?: string;

  /**
   * Only messages whose name starts with this (`signoff.`, `consultation.status-changed`).
   * @example "signoff."
   */
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[a-z-]+(\.[a-z-]*)*$/, {
    message: 'type must be a message name or its beginning, e.g. signoff.',
  })
  type?: string;
}
