import type { Envelope } from '@icb/contracts';
import type { EventPublisher } from '@icb/messaging';
import type { EventLogRepository } from '../event-log/event-log.repository';
import { FakeClock } from '../../time/clock';
import { openConsultation } from './consultation.aggregate';
import type { Consultation } from './consultation.model';
import type { ConsultationRepository, StoredConsultation } from './consultation.repository';
import type { ConsultationView } from './consultation-view';
import { ConsultationsService } from './consultations.service';
import { OutboxRelay } from './outbox-relay';

/**
 * The order of a change's steps, with the database, the bus and the read
 * model as recording fakes: what the clock scheduler and the reads can see
 * while a change is still being relayed.
 */
function setUp() {
  const steps: string[] = [];
  let stored: StoredConsultation | undefined;
  let releaseSend!: () => void;
  const sendBlocked = new Promise<void>((resolve) => (releaseSend = resolve));
  const repository = {
    commit: (next: StoredConsultation) => {
      steps.push(`commit v${next.consultation.version}`);
      stored = structuredClone(next);
      return Promise.resolve(true);
    },
    getForUpdate: () => Promise.resolve(stored && structuredClone(stored)),
    get: () => Promise.resolve(stored && structuredClone(stored)),
  } as unknown as ConsultationRepository;
  const eventLog = {
    present: () => Promise.resolve(new Set<string>()),
    appendAll: () => Promise.resolve(),
  } as unknown as EventLogRepository;
  const publisher = {
    envelope: (name: string, data: unknown, opts: { id: string }) => ({
      subject: `icb.evt.coordinator.${name}.v1`,
      envelope: { id: opts.id, type: `gov.icb.${name}.v1`, data } as unknown as Envelope,
    }),
    send: async () => {
      steps.push('send');
      await sendBlocked;
      return { seq: 1, duplicate: false };
    },
  } as unknown as EventPublisher;
  const view = {
    show: (c: Consultation) => steps.push(`show v${c.version}`),
    publish: (c: Consultation) => {
      steps.push(`publish v${c.version}`);
      return Promise.resolve();
    },
  } as unknown as ConsultationView;
  const clock = new FakeClock('2025-03-03T14:00:00.000Z');
  const outbox = new OutboxRelay(repository, eventLog, publisher, view);
  const service = new ConsultationsService(repository, eventLog, publisher, clock, view, outbox);
  return { service, steps, releaseSend };
}

const opened = {
  consultationId: '6f1c2a7e-3b4d-4c5e-8f90-1a2b3c4d5e6f',
  kind: 'technology-transfer' as const,
  actionOffice: 'PM/DDTC',
  title: 'Export license: radar software',
  summary: 'Referral',
  attributes: { country: 'GBR', values: [], items: [], parties: [] },
  classification: 'CUI' as const,
  precedence: 'ROUTINE' as const,
  clearingParties: ['dod' as const],
};

describe('a committed change is visible to the clocks before it is relayed', () => {
  it('the read model of this instance shows a new consultation before its events are published', async () => {
    const { service, steps, releaseSend } = setUp();
    const creating = service.create(
      opened.consultationId,
      { eventId: 'evt-1', type: 'consultation.opened', actor: 'state-pm' },
      (ctx) => openConsultation(opened, ctx),
    );
    // The relay is stuck publishing: the scheduler must already know the clocks.
    await new Promise<void>((resolve) => {
      const poll = () => (steps.includes('send') ? resolve() : setImmediate(poll));
      poll();
    });
    expect(steps.slice(0, 3)).toEqual(['commit v1', 'show v1', 'send']);
    releaseSend();
    await creating;
    expect(steps.at(-1)).toBe('publish v1');
  });
});
