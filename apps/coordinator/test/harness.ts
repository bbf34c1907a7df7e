import { randomUUID } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import type { ConsultationOpenedV1, PayloadOf } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { TestBus, testEnv } from '@icb/testing';
import { CoordinatorModule } from '../src/app.module';
import { AuditService } from '../src/audit/audit.service';
import { Clock, FakeClock } from '../src/clocks/clock';
import { ClockScheduler } from '../src/clocks/clock-scheduler';
import { ConsultationsService } from '../src/consultations/consultations.service';

export interface Harness {
  env: Record<string, string>;
  app: TestingModule;
  clock: FakeClock;
  bus: TestBus;
  service: ConsultationsService;
  scheduler: ClockScheduler;
  close(): Promise<void>;
}

/** Boots a coordinator on the test servers with a fake clock and no timer (tests tick by hand). */
export async function startCoordinator(
  opts: { env?: Record<string, string>; clock?: FakeClock; bus?: TestBus } = {},
): Promise<Harness> {
  const env = opts.env ?? testEnv({ CLOCK_TICK_MS: '0' });
  const clock = opts.clock ?? new FakeClock('2026-03-02T14:00:00.000Z');
  const app = await Test.createTestingModule({
    imports: [
      CoordinatorModule.forRoot({
        env,
        messaging: { backoffMs: [50, 100, 200], ackWaitMs: 2_000 },
      }),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await app.init();
  const bus = opts.bus ?? (await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE));
  return {
    env,
    app,
    clock,
    bus,
    service: app.get(ConsultationsService),
    scheduler: app.get(ClockScheduler),
    async close() {
      if (!opts.bus) await bus.close();
      await app.close();
    },
  };
}

export function auditOf(h: Harness): AuditService {
  return h.app.get(AuditService);
}

/** An FMS case: by default $120M of major defense equipment for a country outside NATO+5. */
export function anFmsCase(
  overrides: Partial<ConsultationOpenedV1> = {},
): PayloadOf<'consultation.opened'> {
  const base = validPayload('consultation.opened');
  return {
    ...base,
    consultationId: randomUUID(),
    title: 'Saudi Arabia - PAC-3 MSE interceptors',
    attributes: {
      ...base.attributes,
      country: 'SAU',
      values: [
        { category: 'major-defense-equipment', amountUsd: 120_000_000 },
        { category: 'defense-articles-services', amountUsd: 20_000_000 },
      ],
      parties: [{ name: 'Ministry of Defense of Saudi Arabia', role: 'purchaser', country: 'SAU' }],
    },
    classification: 'UNCLASSIFIED',
    precedence: 'ROUTINE',
    clearingParties: undefined,
    requestedAt: undefined,
    ...overrides,
  };
}

export const officer = { name: 'A. Reviewer', title: 'Director' };
