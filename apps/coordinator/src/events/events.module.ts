import { Module } from '@nestjs/common';
import { ChangeFeed } from './change-feed';
import { EventsController } from './events.controller';

/** `GET /events`: the bus, live, for dashboards and operators. */
@Module({
  controllers: [EventsController],
  providers: [ChangeFeed],
  exports: [ChangeFeed],
})
export class EventsModule {}
