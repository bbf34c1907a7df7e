/**
 * The consultation as a verdict left it, in the coordinator's verdicts and in
 * the adapters' (ADR 11): one class, one schema in every document.
 */
import { ApiProperty } from '@nestjs/swagger';

export class VerdictConsultationDto {
  /** @example "in-review" */
  status: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  revision: number;

  /** The consultation’s version once the message was judged. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}
