import { Module } from '@nestjs/common';
import { CoordinatorClient } from '@icb/agency-adapter';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';

/**
 * CIA's own interface: sharing intelligence assessments on consultations with
 * their dissemination controls. Needs AgencyAdapterModule (config, bus).
 */
@Module({
  controllers: [AssessmentsController],
  providers: [CoordinatorClient, AssessmentsService],
})
export class CiaModule {}
