import type { Consultation } from '../consultations/consultation.model';
import type { ConsultationRepository } from '../consultations/consultation.repository';
import type { ConsultationsService } from '../consultations/consultations.service';
import { FakeClock } from './clock';
import { ClockScheduler } from './clock-scheduler';

const T1 = '2026-03-10T12:00:00.000Z';
const T9 = '2026-03-19T12:00:00.000Z';

/**
 * The scheduler with its collaborators faked: a repository whose read of the
 * query copies is overtaken by a change relayed meanwhile.
 */
function setUp() {
  let relayed: (c: Pick<Consultation, 'id' | 'nextClockAt'>) => void = () => undefined;
  const applied: string[] = [];
  const service = {
    onRelayed: (fn: typeof relayed) => (relayed = fn),
    relayPending: () => Promise.resolve(0),
    apply: (id: string) => {
      applied.push(id);
      return Promise.resolve({ outcome: 'applied', consultation: { id, nextClockAt: undefined } });
    },
  };
  const repository = {
    clockSchedule: () => {
      // While the copies are read, a change is relayed: the clock of `a`
      // now falls due at T1; the copy read still says T9.
      relayed({ id: 'a', nextClockAt: T1 });
      return Promise.resolve([{ id: 'a', nextClockAt: T9 }]);
    },
  };
  const clock = new FakeClock(T1);
  const scheduler = new ClockScheduler(
    repository as unknown as ConsultationRepository,
    service as unknown as ConsultationsService,
    clock,
    0,
  );
  return { scheduler, applied, clock };
}

describe('ClockScheduler: a rescan does not undo a fresher note', () => {
  it('fires the clock a change noted during the rescan made due', async () => {
    const { scheduler, applied, clock } = setUp();
    clock.set(new Date(Date.parse(T1) + 1));
    await scheduler.tick({ rescan: true, sweep: false });
    expect(applied).toEqual(['a']);
  });
});
