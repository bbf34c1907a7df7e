import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { ClockScheduler } from '../clocks/clock-scheduler';
import { DevClockController } from '../clocks/dev-clock.controller';
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
    AuditModule,
    InboxModule,
    VerdictsModule,
  ],
  controllers: [ConsultationsController, DevClockController],
  providers: [
    ConsultationView,
    ConsultationRepository,
    ConsultationsService,
    ConsultationHandlers,
    ClockScheduler,
  ],
  exports: [ConsultationView, ConsultationRepository, ConsultationsService, ClockScheduler],
})
export class ConsultationsModule {}
