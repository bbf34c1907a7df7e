/*
 * The version store: superseded versions are compacted, never deleted, so a
 * version id is never taken twice; a writer that starts from an old version
 * (another instance moved on and compacted meanwhile) finds its commit taken
 * and reads again; the event log never takes a different entry for "already
 * appended". And the inbox forgets what is older than its retention.
 */
import { Test, TestingModule } from '@nestjs/testing';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { testEnv } from '@icb/testing';
import { CoordinatorModule } from '../src/app.module';
import { EventLogRepository, LogConflictError } from '../src/write/event-log/event-log.repository';
import { chain, GENESIS } from '../src/write/event-log/hash-chain';
import {
  ConsultationRepository,
  VERSIONS_KEPT,
} from '../src/write/consultations/consultation.repository';
import {
  CONSULTATION_VERSION_COLLECTION,
  ConsultationVersionDocument,
} from '../src/write/consultations/consultation.schema';
import { ConsultationView } from '../src/write/consultations/consultation-view';
import { INBOX_RETENTION_MS, InboxRepository } from '../src/write/inbox/inbox.repository';
import { aConsultation, aStoredConsultation } from './factories';

describe('the version store', () => {
  let app: TestingModule;
  let repository: ConsultationRepository;
  let versions: Model<ConsultationVersionDocument>;

  beforeAll(async () => {
    app = await Test.createTestingModule({
      imports: [CoordinatorModule.forRoot({ env: testEnv({ CLOCK_TICK_MS: '0' }) })],
    }).compile();
    await app.init();
    repository = app.get(ConsultationRepository);
    versions = app.get(getModelToken(CONSULTATION_VERSION_COLLECTION));
  });

  afterAll(async () => {
    await app?.close();
  });

  const whole = async (id: string) =>
    (
      await versions
        .find({ consultationId: id }, { version: 1, compacted: 1 })
        .lean<{ version: number; compacted?: boolean }[]>()
        .exec()
    )
      .filter((v) => !v.compacted)
      .map((v) => v.version)
      .sort((a, b) => a - b);

  /** Another coordinator instance: its own memory, the same database and read model. */
  const anotherInstance = () => new ConsultationRepository(versions, app.get(ConsultationView));

  it('compacts superseded versions but keeps their ids, and reads the latest', async () => {
    const c = aConsultation();
    for (let v = 1; v <= 6; v++) {
      expect(
        await repository.commit(aStoredConsultation({ ...c, version: v, title: `v${v}` })),
      ).toBe(true);
    }
    expect(await whole(c.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await repository.compactSuperseded()).toBe(6 - VERSIONS_KEPT);
    expect(await whole(c.id)).toEqual([5, 6]);
    expect(await versions.countDocuments({ consultationId: c.id })).toBe(6);
    expect((await repository.get(c.id))?.consultation.title).toBe('v6');
    expect((await anotherInstance().get(c.id))?.consultation.title).toBe('v6');
    expect(await repository.compactSuperseded()).toBe(0);
  });

  it('a writer that starts from a version compacted since cannot commit over it, and reads the latest', async () => {
    const c = aConsultation();
    const stale = anotherInstance();
    // The stale instance reads version 1 and remembers it.
    expect(await repository.commit(aStoredConsultation({ ...c, version: 1, title: 'v1' }))).toBe(
      true,
    );
    expect((await stale.getForUpdate(c.id))?.consultation.version).toBe(1);
    // Meanwhile this instance commits versions 2 to 4 and compacts 2.
    for (let v = 2; v <= 4; v++) {
      expect(
        await repository.commit(aStoredConsultation({ ...c, version: v, title: `v${v}` })),
      ).toBe(true);
    }
    expect(await repository.compactSuperseded()).toBeGreaterThanOrEqual(1);
    // The stale writer decides on version 1 and tries to commit version 2:
    // the id is still taken, so its change is not lost under a reused id.
    expect(await stale.commit(aStoredConsultation({ ...c, version: 2, title: 'stale v2' }))).toBe(
      false,
    );
    const latest = await stale.get(c.id);
    expect(latest?.consultation.version).toBe(4);
    expect(latest?.consultation.title).toBe('v4');
    expect(await stale.commit(aStoredConsultation({ ...c, version: 5, title: 'v5' }))).toBe(true);
    expect((await repository.get(c.id))?.consultation.title).toBe('v5');
  });

  it('many writers committing at once each get their own answer (group commit)', async () => {
    const ids = Array.from({ length: 40 }, () => aConsultation());
    const results = await Promise.all(
      ids.flatMap((c) => [
        repository.commit(aStoredConsultation({ ...c, version: 1, title: 'first' })),
        anotherInstance().commit(aStoredConsultation({ ...c, version: 1, title: 'second' })),
      ]),
    );
    // Exactly one of each pair commits version 1.
    for (let i = 0; i < ids.length; i++) {
      expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
    }
  });

  it('the event log takes the same entry twice, and refuses a different entry at the same place', async () => {
    const log = app.get(EventLogRepository);
    const c = aConsultation();
    const base = { consultationId: c.id, eventId: 'e1', type: 't', actor: 'nsc', at: c.openedAt };
    const ours = chain({ seq: 0, hash: GENESIS }, [{ ...base, summary: 'NSC concurs' }]).entries;
    const theirs = chain({ seq: 0, hash: GENESIS }, [
      { ...base, summary: 'NSC non-concurs' },
    ]).entries;
    await log.appendAll(ours);
    await log.appendAll(ours);
    await expect(log.appendAll(theirs)).rejects.toBeInstanceOf(LogConflictError);
    expect((await log.entries(c.id)).map((e) => e.summary)).toEqual(['NSC concurs']);
  });

  it('forgets processed message ids older than the retention, and keeps the recent ones', async () => {
    const inbox = app.get(InboxRepository);
    const now = Date.now();
    expect(
      await inbox.record('coordinator', 'old-1', 'x', new Date(now - INBOX_RETENTION_MS - 1000)),
    ).toBe(true);
    expect(await inbox.record('coordinator', 'new-1', 'x', new Date(now - 1000))).toBe(true);
    expect(await inbox.prune(new Date(now - INBOX_RETENTION_MS))).toBe(1);
    expect(await inbox.has('coordinator', 'old-1')).toBe(false);
    expect(await inbox.has('coordinator', 'new-1')).toBe(true);
  });
});
