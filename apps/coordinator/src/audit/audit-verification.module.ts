import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { AuditController } from './audit.controller';
import { AuditModule } from './audit.module';
import { AuditService } from './audit.service';

/**
 * Verification of the event log over HTTP. Kept apart from AuditModule (the
 * log's storage) because it needs the consultations, whose module already
 * imports AuditModule.
 */
@Module({
  imports: [AuditModule, ConsultationsModule],
  controllers: [AuditController],
  providers: [AuditService],
})
export class AuditVerificationModule {}
