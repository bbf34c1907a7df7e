import type { Envelope, ReviewRequestedV1 } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import {
  CoordinatorUnavailableError,
  type CoordinatorClient,
  type CoordinatorConsultation,
} from '@icb/agency-adapter';
import {
  derivedEventId,
  JetStreamContext,
  TransientMessageError,
  type EventPublisher,
} from '@icb/messaging';
import { loadSanctionsList } from './sanctions-list.loader';
import type { SanctionsListService } from './sanctions-list.service';
import { ScreeningHandlers } from './screening.handlers';
import { ScreeningService } from './screening.service';

const { list } = loadSanctionsList({
  dir: `${__dirname}/../../data`,
  name: 'SDN',
  versionDate: '2025-03-01',
});
const lists = { list } as unknown as SanctionsListService;

const request: Envelope<ReviewRequestedV1> = {
  id: '2d7c1a4e-5b3f-4c8d-9e0a-1f2b3c4d5e6f',
  classification: 'CUI',
  precedence: 'PRIORITY',
  correlationid: '2d7c1a4e-5b3f-4c8d-9e0a-1f2b3c4d5e6f',
  data: validPayload('review.requested', { agency: 'treasury', revision: 1 }),
} as Envelope<ReviewRequestedV1>;

function aConsultation(overrides: Partial<CoordinatorConsultation> = {}): CoordinatorConsultation {
  return {
    id: request.data.consultationId,
    status: 'in-review',
    revision: 1,
    clearers: ['treasury', 'dod'],
    reviews: [{ agency: 'treasury', revision: 1, state: 'pending' }],
    signOffs: [],
    attributes: {
      parties: [
        {
          name: 'Subsidiary Co',
          role: 'consignee',
          country: 'AUS',
          ownership: [{ ownerName: 'Testland Defense Exports JSC', percent: 50 }],
        },
      ],
    },
    ...overrides,
  } as unknown as CoordinatorConsultation;
}

function setUp(consultation: () => Promise<CoordinatorConsultation>) {
  const published: { name: string; payload: unknown; id?: string }[] = [];
  const publisher = {
    publish: (name: string, payload: unknown, opts: { id?: string } = {}) => {
      published.push({ name, payload, id: opts.id });
      return Promise.resolve();
    },
  } as unknown as EventPublisher;
  const coordinator = { consultation } as unknown as CoordinatorClient;
  const service = new ScreeningService(lists, coordinator, publisher);
  return { service, published, handlers: new ScreeningHandlers(service) };
}

describe('answering a review request', () => {
  it('publishes the screening and a non-concurrence with ids derived from the request', async () => {
    const { service, published } = setUp(() => Promise.resolve(aConsultation()));
    const answer = await service.answerReviewRequest(request);
    expect(published.map((p) => [p.name, p.id])).toEqual([
      ['sanctions.screening-completed', derivedEventId(request.id, 'screening')],
      ['signoff.submitted', derivedEventId(request.id, 'signoff')],
    ]);
    expect(answer.screening).toMatchObject({
      screeningId: derivedEventId(request.id, 'screening'),
      result: 'hit',
    });
    expect(answer.signOff).toMatchObject({
      agency: 'treasury',
      revision: 1,
      decision: 'non-concur',
      rationale: expect.stringContaining('list entry uid 90007'),
    });
  });

  it('a redelivery after Treasury answered publishes the same screening and no second sign-off', async () => {
    const answered = aConsultation({
      reviews: [{ agency: 'treasury', revision: 1, state: 'answered' }] as never,
    });
    const { service, published } = setUp(() => Promise.resolve(answered));
    const answer = await service.answerReviewRequest(request);
    expect(published.map((p) => p.name)).toEqual(['sanctions.screening-completed']);
    expect(answer.skipped).toMatch(/not pending/);
  });

  it('signs off revision 2 of an amended consultation whose revision 1 it answered', async () => {
    const amended = aConsultation({
      revision: 2,
      // A coordinator that still lists revision 1's review first.
      reviews: [
        { agency: 'treasury', revision: 1, state: 'answered' },
        { agency: 'treasury', revision: 2, state: 'pending' },
      ] as never,
      signOffs: [{ agency: 'treasury', revision: 1 }] as never,
    });
    const { service, published } = setUp(() => Promise.resolve(amended));
    const requestRev2 = { ...request, data: { ...request.data, revision: 2 } };
    const answer = await service.answerReviewRequest(requestRev2);
    expect(published.map((p) => p.name)).toEqual([
      'sanctions.screening-completed',
      'signoff.submitted',
    ]);
    expect(answer.signOff).toMatchObject({ agency: 'treasury', revision: 2 });
  });

  it('does nothing for a superseded revision', async () => {
    const { service, published } = setUp(() => Promise.resolve(aConsultation({ revision: 2 })));
    expect((await service.answerReviewRequest(request)).skipped).toMatch(/revision 1/);
    expect(published).toEqual([]);
  });

  it('an unreachable coordinator is a transient error (the message is retried)', async () => {
    const { handlers, published } = setUp(() =>
      Promise.reject(new CoordinatorUnavailableError('down')),
    );
    await expect(
      handlers.onReviewRequested(
        request.data,
        new JetStreamContext([undefined as never, request, undefined as never]),
      ),
    ).rejects.toBeInstanceOf(TransientMessageError);
    expect(published).toEqual([]);
  });
});
