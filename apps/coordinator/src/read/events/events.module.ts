import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../../write/consultations/consultations.module';
import { ChangeFeed } from './change-feed';
import { ConsultationMarkings } from './consultation-markings';
import { EventsController } from './events.controller';

/** `GET /events`: the bus, live, for dashboards and operators. */
@Module({
  imports: [ConsultationsModule],
  controllers: [EventsController],
  providers: [ChangeFeed, ConsultationMarkings],
  exports: [ChangeFeed, ConsultationMarkings],
})
export class EventsModule {}
