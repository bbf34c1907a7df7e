import { ApiProperty } from '@nestjs/swagger';

const UUID = { type: String, format: 'uuid' } as const;

/** What State/PM's requests answer with (202): the message was put on the bus. */
export class AcceptedDto {
  @ApiProperty({ ...UUID, description: 'The consultation.' })
  consultationId: string;

  @ApiProperty({ ...UUID, description: 'The id of the event published on the bus.' })
  eventId: string;
}
