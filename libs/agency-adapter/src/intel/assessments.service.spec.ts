import type { AppConfig } from '@icb/config';
import type { CoordinatorClient } from '../reviews/coordinator.client';
import type { CoordinatorConsultation } from '../reviews/coordinator.types';
import { AssessmentsService } from './assessments.service';
import {
  InMemoryReleasedAssessmentStore,
  type ReleasedAssessment,
} from './released-assessments.store';

const CONSULTATION = '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13';
const ORCON_ID = '0b9c9c6e-1a4b-4c2d-8e3f-5a6b7c8d9e01';
const TS_ID = '1c0d0d7f-2b5c-4d3e-9f40-6b7c8d9e0f12';

/** What the coordinator records of each assessment: metadata, titles included. */
const recorded = [
  {
    assessmentId: ORCON_ID,
    title: 'GLASS diversion assessment',
    classification: 'SECRET//ORCON/NOFORN',
    originator: 'cia',
    orcon: true,
    approvedRecipients: ['nsc'],
    sharedAt: '2026-03-02T09:00:00.000Z',
  },
  {
    assessmentId: TS_ID,
    title: 'GLASS network assessment',
    classification: 'TOP SECRET//NOFORN',
    originator: 'cia',
    orcon: false,
    approvedRecipients: [],
    sharedAt: '2026-03-03T09:00:00.000Z',
  },
];

function released(assessmentId: string, classification: string): ReleasedAssessment {
  return {
    consultationId: CONSULTATION,
    assessmentId,
    originator: 'cia',
    title: `title of ${assessmentId}`,
    classification,
    orcon: classification.includes('ORCON'),
    noforn: true,
    approvedRecipients: [],
    content: `content of ${assessmentId}`,
    releasedAt: '2026-03-03T09:00:00.000Z',
    eventId: `e-${assessmentId}`,
    receivedAt: '2026-03-03T09:00:01.000Z',
  };
}

async function serviceFor(
  agency: 'dod' | 'nsc',
  clearance: AppConfig['AGENCY_CLEARANCE'],
  stored: ReleasedAssessment[],
) {
  const store = new InMemoryReleasedAssessmentStore();
  for (const a of stored) await store.put(a);
  // The coordinator's REST API is the collaborator here; what the service makes of it is tested.
  const coordinator = {
    consultation: () =>
      Promise.resolve({
        id: CONSULTATION,
        assessments: recorded,
      } as unknown as CoordinatorConsultation),
  } as unknown as CoordinatorClient;
  return new AssessmentsService(agency, store, coordinator, {
    AGENCY_CLEARANCE: clearance,
  } as AppConfig);
}

describe('the assessments an agency sees', () => {
  it('lists an ORCON product not released to the agency without its title', async () => {
    const view = await (await serviceFor('dod', 'TOP SECRET', [])).forConsultation(CONSULTATION);
    expect(view.released).toEqual([]);
    expect(view.withheld).toEqual([
      {
        assessmentId: ORCON_ID,
        originator: 'cia',
        classification: 'SECRET//ORCON/NOFORN',
        sharedAt: '2026-03-02T09:00:00.000Z',
        reason: 'not-released',
      },
      expect.objectContaining({ assessmentId: TS_ID, reason: 'not-released' }),
    ]);
    expect(JSON.stringify(view)).not.toMatch(/GLASS|title/);
  });

  it('shows what was released to it within its clearance, and withholds what is above it', async () => {
    const service = await serviceFor('nsc', 'SECRET', [
      released(ORCON_ID, 'SECRET//ORCON/NOFORN'),
      released(TS_ID, 'TOP SECRET//NOFORN'),
    ]);
    const view = await service.forConsultation(CONSULTATION);
    expect(view.released).toEqual([
      expect.objectContaining({
        assessmentId: ORCON_ID,
        title: `title of ${ORCON_ID}`,
        content: `content of ${ORCON_ID}`,
      }),
    ]);
    expect(view.withheld).toEqual([
      {
        assessmentId: TS_ID,
        originator: 'cia',
        classification: 'TOP SECRET//NOFORN',
        sharedAt: '2026-03-03T09:00:00.000Z',
        reason: 'above-clearance',
      },
    ]);
    expect(JSON.stringify(view.withheld)).not.toMatch(/title|content/);
  });
});
