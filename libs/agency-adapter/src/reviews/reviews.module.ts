import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from './coordinator.client';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

/** `/reviews`: the agency's pending reviews (from the coordinator) and its answers (to the bus). */
@Module({})
export class ReviewsModule {
  static forAgency(agency: Agency): DynamicModule {
    return {
      module: ReviewsModule,
      controllers: [ReviewsController],
      providers: [{ provide: ADAPTER_AGENCY, useValue: agency }, CoordinatorClient, ReviewsService],
    };
  }
}
