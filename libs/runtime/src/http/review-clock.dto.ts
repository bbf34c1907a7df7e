/**
 * A review's clock as the coordinator and the agency adapters both answer it
 * (one class, one schema of the same name in every document). Documented by
 * the Swagger plugin from the types and JSDoc (ADR 23); `@ApiProperty` only
 * for what it cannot read.
 */
import { ApiProperty } from '@nestjs/swagger';

const ISO = { type: String, format: 'date-time', example: '2026-03-02T14:30:00.000Z' } as const;

/** An open hold: the review's clock is stopped. */
export class ReviewHoldDto {
  reason: string;

  @ApiProperty(ISO)
  placedAt: string;
}

/** The extension granted to a review. */
export class ReviewExtensionDto {
  @ApiProperty({ type: 'integer' })
  days: number;

  reason: string;

  @ApiProperty(ISO)
  grantedAt: string;
}
