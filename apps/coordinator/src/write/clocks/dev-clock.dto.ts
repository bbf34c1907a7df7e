import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class AdvanceClockDto {
  /** @example 30 */
  @ApiPropertyOptional({ minimum: 0, maximum: 3650 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  days?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 87600 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(87_600)
  hours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 525600 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(525_600)
  minutes?: number;
}

export class DevClockDto {
  /**
   * The coordinator's current time
   * @example "2026-03-02T14:00:00.000Z"
   */
  now: string;

  /** How far ahead of the system clock it runs (ms) */
  offsetMs: number;

  /** Consultations changed by the clocks that fell due */
  fired?: number;
}
