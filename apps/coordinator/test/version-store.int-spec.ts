/*
 * Superseded versions are removed in batches (on FerretDB every look-up of
 * consultation_versions reads the whole table, so it must not keep every
 * version ever committed), and a reader still finds the latest version when
 * the query copy names one already removed.
 */
import { Test, TestingModule } from '@nestjs/testing';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { testEnv } from '@icb/testing';
import { CoordinatorModule } from '../src/app.module';
import {
  ConsultationRepository,
  VERSIONS_KEPT,
} from '../src/consultations/consultation.repository';
import {
  CONSULTATION_COLLECTION,
  CONSULTATION_VERSION_COLLECTION,
  ConsultationVersionDocument,
} from '../src/consultations/consultation.schema';
import { INBOX_RETENTION_MS, InboxRepository } from '../src/inbox/inbox.repository';
import { aConsultation, aStoredConsultation } from './factories';

describe('consultation versions and the inbox: pruning', () => {
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

  const kept = async (id: string) =>
    (await versions.find({ consultationId: id }, { version: 1 }).lean().exec())
      .map((v) => v.version)
      .sort((a, b) => a - b);

  it('keeps the last versions of each consultation, and reads the latest', async () => {
    const c = aConsultation();
    for (let v = 1; v <= 6; v++) {
      const stored = aStoredConsultation({ ...c, version: v, title: `v${v}` });
      expect(await repository.commit(stored)).toBe(true);
      await repository.refreshQueryCopy(stored);
    }
    expect(await kept(c.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await repository.pruneOldVersions()).toBe(6 - VERSIONS_KEPT);
    expect(await kept(c.id)).toEqual([5, 6]);
    expect((await repository.get(c.id))?.consultation.title).toBe('v6');
    expect((await repository.getForUpdate(c.id))?.consultation.title).toBe('v6');
    expect(await repository.pruneOldVersions()).toBe(0);
  });

  it('finds the latest version when the query copy names one already pruned', async () => {
    const c = aConsultation();
    const stale = aStoredConsultation({ ...c, version: 1, title: 'v1' });
    expect(await repository.commit(stale)).toBe(true);
    await repository.refreshQueryCopy(stale);
    for (let v = 2; v <= 5; v++) {
      // Committed without refreshing the query copy: it still names version 1.
      expect(
        await repository.commit(aStoredConsultation({ ...c, version: v, title: `v${v}` })),
      ).toBe(true);
    }
    await repository.pruneOldVersions();
    expect(await kept(c.id)).toEqual([4, 5]);
    // A fresh repository (another instance) knows nothing of what this one committed.
    const other = new ConsultationRepository(
      app.get(getModelToken(CONSULTATION_COLLECTION)),
      versions,
    );
    expect((await other.get(c.id))?.consultation.title).toBe('v5');
    expect((await other.getForUpdate(c.id))?.consultation.title).toBe('v5');
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
