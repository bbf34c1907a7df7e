import { randomUUID } from 'node:crypto';
import type {
  AdapterBucket,
  AdapterVerdicts,
  CoordinatorClient,
  CoordinatorConsultation,
  SentMessage,
} from '@icb/agency-adapter';
import type { Envelope } from '@icb/contracts';
import { holdKey, TechnicalReviewService } from './technical-review.service';

/**
 * The service's orchestration with its collaborators faked: a coordinator
 * whose view lags (it never shows DoD's hold), a publisher that records (and
 * whose every message is accepted), and a bucket in memory.
 */
function setUp() {
  const id = randomUUID();
  const consultation = {
    id,
    revision: 1,
    classification: 'UNCLASSIFIED',
    precedence: 'ROUTINE',
    clearers: ['dod', 'nsc'],
    reviews: [{ agency: 'dod', revision: 1, state: 'pending' }],
  } as unknown as CoordinatorConsultation;
  const coordinator = { consultation: () => Promise.resolve(consultation) };
  const published: string[] = [];
  const verdicts = {
    send: (name: string) => {
      published.push(name);
      const eventId = randomUUID();
      return Promise.resolve({
        eventId,
        message: name,
        consultationId: id,
        envelope: { id: eventId } as Envelope,
        duplicate: false,
      } as SentMessage);
    },
    abandon: () => undefined,
    judge: (sent: SentMessage[]) =>
      Promise.resolve(
        sent.map((m) => ({
          outcome: 'accepted',
          eventId: m.eventId,
          message: m.message,
          consultationId: id,
          statusUrl: `/messages/${m.eventId}/verdict`,
        })),
      ),
  };
  const store = new Map<string, unknown>();
  const bucket = {
    get: (key: string) =>
      Promise.resolve(store.has(key) ? { key, value: store.get(key), revision: 1 } : undefined),
    put: (key: string, value: unknown) => {
      store.set(key, value);
      return Promise.resolve(1);
    },
    remove: (key: string) => {
      store.delete(key);
      return Promise.resolve();
    },
  };
  const service = new TechnicalReviewService(
    coordinator as unknown as CoordinatorClient,
    verdicts as unknown as AdapterVerdicts,
    bucket as unknown as AdapterBucket,
  );
  return { id, service, published, store };
}

const officer = { name: 'J. Smith', title: 'DSCA' };

describe('TechnicalReviewService: the hold DoD placed itself', () => {
  it('is released before the answer even when the coordinator has not recorded it yet', async () => {
    const { id, service, published, store } = setUp();
    await service.submit(
      id,
      {
        revision: 1,
        findings: [{ area: 'technical', finding: 'incomplete', reason: 'Test data pending' }],
      } as never,
      officer,
    );
    expect(published).toEqual(['review.hold-placed']);
    expect(store.get(holdKey(id))).toMatchObject({ revision: 1 });

    await service.submit(
      id,
      {
        revision: 1,
        findings: [
          { area: 'technical', finding: 'releasable' },
          { area: 'releasability', finding: 'releasable' },
          { area: 'technology-security', finding: 'releasable' },
        ],
      } as never,
      officer,
    );
    expect(published).toEqual(['review.hold-placed', 'review.hold-released', 'signoff.submitted']);
    expect(store.has(holdKey(id))).toBe(false);
  });

  it('places a hold once, however many incomplete forms come', async () => {
    const { id, service, published } = setUp();
    const incomplete = {
      revision: 1,
      findings: [{ area: 'technical', finding: 'incomplete', reason: 'Pending' }],
    } as never;
    await service.submit(id, incomplete, officer);
    await service.submit(id, incomplete, officer);
    expect(published).toEqual(['review.hold-placed']);
  });
});
