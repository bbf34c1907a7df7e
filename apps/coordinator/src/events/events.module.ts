import { Module } from '@nestjs/common';
import { ChangeFeed } from './change-feed';
import { ConsultationMarkings } from './consultation-markings';
import { EventsController } from './events.controller';

/** `GET /events`: the bus, live, for dashboards and operators. */
@Module({
  controllers: [EventsController],
  providers: [ChangeFeed, ConsultationMarkings],
  exports: [ChangeFeed, ConsultationMarkings],
})
export class EventsModule {}
