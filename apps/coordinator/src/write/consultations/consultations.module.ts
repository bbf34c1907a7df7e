import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventLogModule } from '../event-log/event-log.module';
import { InboxModule } from '../inbox/inbox.module';
import { VerdictsModule } from '../verdicts/verdicts.module';
import { ConsultationRepository } from './consultation.repository';
import { ConsultationView } from './consultation-view';
import { CONSULTATION_VERSION_COLLECTION, ConsultationVersionSchema } from './consultation.schema';
import { ConsultationHandlers } from './consultations.handlers';
import { ConsultationsService } from './consultations.service';
import { OutboxRelay } from './outbox-relay';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CONSULTATION_VERSION_COLLECTION, schema: ConsultationVersionSchema },
    ]),
    EventLogModule,
    InboxModule,
    VerdictsModule,
  ],
  // A controller: Nest registers its @EventPattern handlers with JetStreamServer.
  controllers: [ConsultationHandlers],
  providers: [ConsultationView, ConsultationRepository, ConsultationsService, OutboxRelay],
  exports: [ConsultationView, ConsultationRepository, ConsultationsService],
})
export class ConsultationsModule {}
