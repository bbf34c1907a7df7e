import { Module } from '@nestjs/common';
import { AdapterStateModule, CoordinatorClient } from '@icb/agency-adapter';
import { TechnicalReviewController } from './technical-review.controller';
import { TechnicalReviewService } from './technical-review.service';

/**
 * DoD's own interface: the technical and releasability review form. Needs
 * AgencyAdapterModule (config, bus); its rule on the generic sign-off is
 * given to AgencyAdapterModule (see app.module.ts).
 */
@Module({
  imports: [AdapterStateModule.forAgency('dod')],
  controllers: [TechnicalReviewController],
  providers: [CoordinatorClient, TechnicalReviewService],
})
export class DodModule {}
