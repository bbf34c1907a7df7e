import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../../write/consultations/consultations.module';
import { EventLogModule } from '../../write/event-log/event-log.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** Verification of a consultation's event log over HTTP: reads the consultations, never the reverse. */
@Module({
  imports: [EventLogModule, ConsultationsModule],
  controllers: [AuditController],
  providers: [AuditService],
})
export class AuditModule {}
