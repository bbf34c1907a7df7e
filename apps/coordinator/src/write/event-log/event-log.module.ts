import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventLogRepository } from './event-log.repository';
import { EVENT_LOG_COLLECTION, EventLogSchema } from './event-log.schema';

/** The consultations' append-only, hash-chained event log: its storage. */
@Module({
  imports: [MongooseModule.forFeature([{ name: EVENT_LOG_COLLECTION, schema: EventLogSchema }])],
  providers: [EventLogRepository],
  exports: [EventLogRepository],
})
export class EventLogModule {}
