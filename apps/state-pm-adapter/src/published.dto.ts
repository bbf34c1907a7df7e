import { ApiProperty } from '@nestjs/swagger';
import { VerdictDto } from '@icb/agency-adapter';

const UUID = { type: String, format: 'uuid' } as const;

/**
 * What State/PM's requests answer with: the message put on the bus and the
 * coordinator's verdict on it (ADR 11).
 */
export class AcceptedDto {
  /** The consultation. */
  @ApiProperty(UUID)
  consultationId: string;

  /** The id of the event published on the bus. */
  @ApiProperty(UUID)
  eventId: string;

  /** The coordinator’s verdict: `accepted` (with the consultation’s new status, revision and version) or, when it did not come in time, `pending` with its `statusUrl`. */
  verdict: VerdictDto;
}
