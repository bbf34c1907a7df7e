import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from '../reviews/coordinator.client';
import { assessmentReleaseHandlerFor } from './assessment-release.handlers';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import {
  InMemoryReleasedAssessmentStore,
  RELEASED_ASSESSMENT_STORE,
} from './released-assessments.store';

/**
 * Intelligence for one agency: keeps each `intel.assessment-released`
 * addressed to it (in memory: InMemoryReleasedAssessmentStore; override
 * RELEASED_ASSESSMENT_STORE to persist) and serves
 * `GET /reviews/{id}/assessments`.
 */
@Module({})
export class IntelModule {
  static forAgency(agency: Agency): DynamicModule {
    return {
      module: IntelModule,
      controllers: [AssessmentsController],
      providers: [
        { provide: ADAPTER_AGENCY, useValue: agency },
        {
          provide: RELEASED_ASSESSMENT_STORE,
          useFactory: () => new InMemoryReleasedAssessmentStore(),
        },
        CoordinatorClient,
        AssessmentsService,
        assessmentReleaseHandlerFor(agency),
      ],
      exports: [RELEASED_ASSESSMENT_STORE],
    };
  }
}
