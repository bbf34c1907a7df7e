import { Module } from '@nestjs/common';
import { CoordinatorClient } from '@icb/agency-adapter';
import { EscalationsController } from './escalations.controller';
import { EscalationsService } from './escalations.service';

/** NSC's own interface: the escalations it chairs. Needs AgencyAdapterModule (config, bus). */
@Module({
  controllers: [EscalationsController],
  providers: [CoordinatorClient, EscalationsService],
})
export class NscModule {}
