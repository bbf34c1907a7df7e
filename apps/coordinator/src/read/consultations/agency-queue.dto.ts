/** An agency's queue: the consultations awaiting its answer, with its own review. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCIES, Agency } from '@icb/contracts';
import type { Consultation } from '../../write/consultations/consultation.model';
import { ISO } from './consultation-dto.vocabulary';
import { daysLeft, ConsultationSummaryDto, toSummary } from './consultation-summary.dto';
import { ReviewExtensionDto, ReviewHoldDto } from '@icb/runtime';

export class AgencyReviewDto {
  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  requestedAt: string;

  /** This agency’s deadline (holds and extension included). */
  @ApiProperty(ISO)
  dueAt: string;

  /** Calendar days until `dueAt`; negative when overdue. */
  @ApiProperty({ type: 'integer' })
  daysLeft: number;

  overdue: boolean;

  @ApiPropertyOptional(ISO)
  acknowledgeBy?: string;

  @ApiPropertyOptional(ISO)
  acknowledgedAt?: string;

  /** Open hold: the clock is stopped. */
  hold?: ReviewHoldDto;

  extension?: ReviewExtensionDto;
}

export class AgencyQueueItemDto extends ConsultationSummaryDto {
  review: AgencyReviewDto;
}

export class AgencyQueueDto {
  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: 'integer' })
  offset: number;

  @ApiProperty({ type: 'integer' })
  limit: number;

  /** Closest deadline (this agency’s) first. */
  items: AgencyQueueItemDto[];
}

export function toQueueItem(c: Consultation, agency: Agency, now: string): AgencyQueueItemDto {
  const summary = toSummary(c, now);
  const review = c.reviews.find(
    (r) => r.agency === agency && r.revision === c.revision && r.state === 'pending',
  );
  if (!review) throw new Error(`consultation ${c.id} has no pending review by ${agency}`);
  return {
    ...summary,
    review: {
      revision: review.revision,
      requestedAt: review.requestedAt,
      dueAt: review.dueAt,
      daysLeft: daysLeft(review.dueAt, now),
      overdue: review.dueAt < now,
      acknowledgeBy: review.acknowledgeBy,
      acknowledgedAt: review.acknowledgedAt,
      hold: review.hold,
      extension: review.extension,
    },
  };
}
