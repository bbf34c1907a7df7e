import { Module } from '@nestjs/common';
import { EventLogModule } from '../../write/event-log/event-log.module';
import { ConsultationsModule } from '../../write/consultations/consultations.module';
import { ConsultationQueries } from './consultation-queries';
import { ConsultationsController } from './consultations.controller';

/** The operators' queries over the consultations: reads the write side, never the reverse. */
@Module({
  imports: [ConsultationsModule, EventLogModule],
  controllers: [ConsultationsController],
  providers: [ConsultationQueries],
})
export class ConsultationQueriesModule {}
