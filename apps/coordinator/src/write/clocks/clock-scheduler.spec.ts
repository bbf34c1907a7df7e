import type { Consultation } from '../consultations/consultation.model';
import type { ConsultationView } from '../consultations/consultation-view';
import type { ConsultationsService } from '../consultations/consultations.service';
import { FakeClock } from '../../time/clock';
import { ClockScheduler } from './clock-scheduler';

const T1 = '2026-03-10T12:00:00.000Z';
const T2 = '2026-03-11T12:00:00.000Z';
const T9 = '2026-03-19T12:00:00.000Z';

type Row = Pick<Consultation, 'id' | 'nextClockAt'>;

/**
 * The scheduler with its collaborators faked: a read model holding `rows`,
 * whose changes (this instance's or another's) it announces, and a service
 * whose firing fails for the ids in `failing`.
 */
function setUp(rows: Row[], failing: string[] = []) {
  let changed: (c: Row) => void = () => undefined;
  const view = {
    onChange: (fn: typeof changed) => (changed = fn),
    all: () => rows.map((c) => ({ consultation: c }))[Symbol.iterator](),
  };
  const applied: string[] = [];
  const service = {
    relayPending: () => Promise.resolve(0),
    apply: (id: string) => {
      if (failing.includes(id)) return Promise.reject(new Error(`${id} is broken`));
      applied.push(id);
      return Promise.resolve({ outcome: 'applied', consultation: { id, nextClockAt: undefined } });
    },
  };
  const clock = new FakeClock(T1);
  const wall = { now: 1_000_000 };
  const scheduler = new ClockScheduler(
    view as unknown as ConsultationView,
    service as unknown as ConsultationsService,
    clock,
    0,
    undefined,
    undefined,
    () => wall.now,
  );
  return { scheduler, applied, clock, wall, announce: (c: Row) => changed(c) };
}

describe('ClockScheduler', () => {
  it('fires a clock that a change seen in the read model made due, without a rescan', async () => {
    const { scheduler, applied, clock, announce } = setUp([{ id: 'a', nextClockAt: T9 }]);
    await scheduler.tick({ rescan: true, sweep: false });
    expect(applied).toEqual([]);
    // Another instance's change reaches the read model: `a` is now due at T1.
    announce({ id: 'a', nextClockAt: T1 });
    clock.set(new Date(Date.parse(T1) + 1));
    await scheduler.tick({ rescan: false, sweep: false });
    expect(applied).toEqual(['a']);
  });

  it('one consultation whose clocks cannot fire does not stop the clocks of the others', async () => {
    const { scheduler, applied, clock } = setUp(
      [
        { id: 'broken', nextClockAt: T1 },
        { id: 'later', nextClockAt: T2 },
      ],
      ['broken'],
    );
    clock.set(new Date(Date.parse(T2) + 1));
    await scheduler.tick({ rescan: true, sweep: false });
    expect(applied).toEqual(['later']);
    expect(scheduler.failures).toBe(1);
  });

  it('a consultation whose clocks keep failing is retried with a growing backoff and reported', async () => {
    const failing = ['broken'];
    const { scheduler, clock, wall } = setUp([{ id: 'broken', nextClockAt: T1 }], failing);
    clock.set(new Date(Date.parse(T1) + 1));
    const attemptsAfter = async (ms: number) => {
      wall.now += ms;
      await scheduler.tick({ rescan: false, sweep: false });
      return scheduler.failures;
    };
    await scheduler.tick({ rescan: true, sweep: false });
    expect(scheduler.failures).toBe(1);
    // Not again before its backoff (1 s), then 2 s, then 4 s.
    expect(await attemptsAfter(999)).toBe(1);
    expect(await attemptsAfter(1)).toBe(2);
    expect(await attemptsAfter(1_999)).toBe(2);
    expect(await attemptsAfter(1)).toBe(3);
    expect(scheduler.stuckClocks()).toEqual([
      expect.objectContaining({ id: 'broken', attempts: 3, lastError: 'broken is broken' }),
    ]);
    // Repaired: the next attempt fires it and it is no longer reported.
    failing.length = 0;
    await attemptsAfter(4_000);
    expect(scheduler.stuckClocks()).toEqual([]);
  });
});
