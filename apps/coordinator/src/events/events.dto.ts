import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { UUID_PATTERN } from '@icb/contracts';

export class EventsQueryDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'Only events about this consultation.',
  })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'consultationId must be a UUID' })
  consultationId?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 100,
    example: 'signoff.',
    description:
      'Only messages whose name starts with this (`signoff.`, `consultation.status-changed`).',
  })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[a-z-]+(\.[a-z-]*)*$/, {
    message: 'type must be a message name or its beginning, e.g. signoff.',
  })
  type?: string;
}
