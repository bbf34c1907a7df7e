import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from './coordinator.client';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { SIGN_OFF_RULE, type SignOffRule } from '../sign-off-rule';

/** `/reviews`: the agency's pending reviews (from the coordinator) and its answers (to the bus). */
@Module({})
export class ReviewsModule {
  static forAgency(agency: Agency, signOffRule?: SignOffRule): DynamicModule {
    return {
      module: ReviewsModule,
      controllers: [ReviewsController],
      providers: [
        { provide: ADAPTER_AGENCY, useValue: agency },
        { provide: SIGN_OFF_RULE, useValue: signOffRule ?? null },
        CoordinatorClient,
        ReviewsService,
      ],
    };
  }
}
