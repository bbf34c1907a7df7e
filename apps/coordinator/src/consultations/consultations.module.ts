import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventLogModule } from '../event-log/event-log.module';
import { EventsModule } from '../events/events.module';
import { InboxModule } from '../inbox/inbox.module';
import { VerdictsModule } from '../verdicts/verdicts.module';
import { ConsultationRepository } from './consultation.repository';
import { ConsultationView } from './consultation-view';
import { CONSULTATION_VERSION_COLLECTION, ConsultationVersionSchema } from './consultation.schema';
import { ConsultationsController } from './consultations.controller';
import { ConsultationHandlers } from './consultations.handlers';
import { ConsultationsService } from './consultations.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CONSULTATION_VERSION_COLLECTION, schema: ConsultationVersionSchema },
    ]),
    EventLogModule,
    EventsModule,
    InboxModule,
    VerdictsModule,
  ],
  controllers: [ConsultationsController],
  providers: [ConsultationView, ConsultationRepository, ConsultationsService, ConsultationHandlers],
  exports: [ConsultationView, ConsultationRepository, ConsultationsService],
})
export class ConsultationsModule {}
