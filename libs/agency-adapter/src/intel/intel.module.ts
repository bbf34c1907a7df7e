import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from '../reviews/coordinator.client';
import { assessmentReleaseHandlerFor } from './assessment-release.handlers';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { AdapterStateModule } from '../state/adapter-state.module';
import { KvReleasedAssessmentStore } from './released-assessment.repository';
import { RELEASED_ASSESSMENT_STORE } from './released-assessments.store';

/**
 * Intelligence for one agency: keeps each `intel.assessment-released`
 * addressed to it in the adapter's KV bucket (KvReleasedAssessmentStore,
 * written before the event is acked) and serves `GET /reviews/{id}/assessments`.
 */
@Module({})
export class IntelModule {
  static forAgency(agency: Agency): DynamicModule {
    return {
      module: IntelModule,
      imports: [AdapterStateModule.forAgency(agency)],
      controllers: [AssessmentsController, assessmentReleaseHandlerFor(agency)],
      providers: [
        { provide: ADAPTER_AGENCY, useValue: agency },
        KvReleasedAssessmentStore,
        { provide: RELEASED_ASSESSMENT_STORE, useExisting: KvReleasedAssessmentStore },
        CoordinatorClient,
        AssessmentsService,
      ],
      exports: [RELEASED_ASSESSMENT_STORE],
    };
  }
}
