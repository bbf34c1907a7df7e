import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { ClockScheduler } from '../clocks/clock-scheduler';
import { DevClockController } from '../clocks/dev-clock.controller';
import { InboxModule } from '../inbox/inbox.module';
import { ConsultationRepository } from './consultation.repository';
import {
  CONSULTATION_COLLECTION,
  CONSULTATION_VERSION_COLLECTION,
  ConsultationSchema,
  ConsultationVersionSchema,
} from './consultation.schema';
import { ConsultationsController } from './consultations.controller';
import { ConsultationHandlers } from './consultations.handlers';
import { ConsultationsService } from './consultations.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CONSULTATION_COLLECTION, schema: ConsultationSchema },
      { name: CONSULTATION_VERSION_COLLECTION, schema: ConsultationVersionSchema },
    ]),
    AuditModule,
    InboxModule,
  ],
  controllers: [ConsultationsController, DevClockController],
  providers: [ConsultationRepository, ConsultationsService, ConsultationHandlers, ClockScheduler],
  exports: [ConsultationRepository, ConsultationsService, ClockScheduler],
})
export class ConsultationsModule {}
