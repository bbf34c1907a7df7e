import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { DeadLettersController } from './dead-letters.controller';

@Module({ imports: [EventsModule], controllers: [DeadLettersController] })
export class DeadLettersModule {}
