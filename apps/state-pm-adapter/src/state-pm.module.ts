import { Module } from '@nestjs/common';
import { CoordinatorClient } from '@icb/agency-adapter';
import { ConsultationsController } from './consultations/consultations.controller';
import { RequestsController } from './requests/requests.controller';
import { StatePmPublisher } from './state-pm.publisher';

/**
 * State/PM's own interface: native requests opening consultations for every
 * line of business, the action office's moves on a consultation, and
 * congressional notification. Needs AgencyAdapterModule (config, bus).
 */
@Module({
  controllers: [RequestsController, ConsultationsController],
  providers: [CoordinatorClient, StatePmPublisher],
})
export class StatePmModule {}
