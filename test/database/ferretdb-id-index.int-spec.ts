// FerretDB 1.24 on SQLite must use its unique _id index for look-ups, updates
// and deletes by _id, and for {_id: {$in: [...]}} (scripts/ferretdb/: the
// unpatched build scans the whole table for each of them). FerretDB's explain
// returns SQLite's EXPLAIN QUERY PLAN lines in queryPlanner.Plan, so the plan
// is asserted directly; the write paths (whose SQL explain does not show) are
// checked by timing within this run: a write by _id must cost about the same
// on a collection 50 times larger.
import { randomBytes } from 'node:crypto';
import { MongoClient, MongoServerError, type Collection, type Db, type Document } from 'mongodb';
import { mongoUrl, uniqueDatabase } from '@icb/testing';

const DOCS = 20_000;
const BATCH = 1_000;
/** Document i has _id `id(i)` and a non-indexed field n = i. */
const id = (i: number) => `doc-${String(i).padStart(6, '0')}`;
/** An _id with characters that JSON encoders escape in different ways. */
const ODD_ID = 'odd <&> "quoted" é \u2028 \\ end';

interface Doc {
  _id: string;
  n: number;
  pad?: string;
  tag?: string;
}

/** Median wall time in ms of `runs` calls of `fn(run)`. */
async function medianMs(runs: number, fn: (run: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    await fn(r);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

describe('FerretDB (SQLite) uses the _id index', () => {
  let client: MongoClient;
  let db: Db;
  let coll: Collection<Doc>;
  /** FerretDB on SQLite (the plan lines are SQLite's); false for mongod or another backend. */
  let sqlitePlans = false;

  beforeAll(async () => {
    const database = uniqueDatabase('ferretdb_id_index');
    client = new MongoClient(mongoUrl(database), { directConnection: true });
    await client.connect();
    db = client.db(database);
    coll = db.collection<Doc>('docs');
    const pad = randomBytes(128).toString('hex');
    for (let start = 0; start < DOCS; start += BATCH) {
      const batch: Doc[] = [];
      for (let i = start; i < Math.min(start + BATCH, DOCS); i++)
        batch.push({ _id: id(i), n: i, pad });
      await coll.insertMany(batch, { ordered: false });
    }
    await coll.insertOne({ _id: ODD_ID, n: -1 });

    const info = await db.admin().command({ buildInfo: 1 });
    const plan = await findPlan({ n: 1 });
    sqlitePlans = typeof info.ferretdbVersion === 'string' && plan.some((l) => /\bSCAN\b/.test(l));
    if (!sqlitePlans) {
      process.stderr.write(
        `[ferretdb-id-index] not FerretDB on SQLite (${String(info.ferretdbVersion ?? info.version)}): plan checks are skipped\n`,
      );
    }
  }, 180_000);

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  /** SQLite's plan lines for a find with this filter, as FerretDB's explain returns them. */
  async function findPlan(filter: Document): Promise<string[]> {
    const res = await db.command({
      explain: { find: 'docs', filter },
      verbosity: 'queryPlanner',
    });
    const plan = (res.queryPlanner as { Plan?: unknown } | undefined)?.Plan;
    return Array.isArray(plan) ? plan.map(String) : [];
  }

  describe('query plans (explain)', () => {
    it('find({_id: <string>}) searches the _id index', async () => {
      if (!sqlitePlans) return;
      const plan = await findPlan({ _id: id(1234) });
      expect(plan.join('\n')).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
      expect(plan.join('\n')).not.toMatch(/\bSCAN\b/);
    });

    it('find({_id: {$in: [<strings>]}}) is pushed down and searches the _id index', async () => {
      if (!sqlitePlans) return;
      const res = await db.command({
        explain: { find: 'docs', filter: { _id: { $in: [id(1), id(2), 'absent'] } } },
        verbosity: 'queryPlanner',
      });
      expect(res.filterPushdown).toBe(true);
      const plan = ((res.queryPlanner as { Plan: unknown[] }).Plan ?? []).map(String).join('\n');
      expect(plan).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
      expect(plan).not.toMatch(/\bSCAN\b/);
    });

    it('the first $match of an aggregation (countDocuments) searches the _id index', async () => {
      if (!sqlitePlans) return;
      const res = await db.command({
        explain: {
          aggregate: 'docs',
          pipeline: [{ $match: { _id: id(7) } }, { $group: { _id: 1, n: { $sum: 1 } } }],
          cursor: {},
        },
        verbosity: 'queryPlanner',
      });
      const plan = ((res.queryPlanner as { Plan: unknown[] }).Plan ?? []).map(String).join('\n');
      expect(plan).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
    });

    it('a filter on another field still scans (the check can tell the two apart)', async () => {
      if (!sqlitePlans) return;
      expect((await findPlan({ n: 5 })).join('\n')).toMatch(/\bSCAN\b/);
      // Numbers and mixed $in lists are not pushed down: they still scan.
      expect((await findPlan({ _id: { $in: [id(1), 5] } })).join('\n')).toMatch(/\bSCAN\b/);
    });
  });

  describe('results stay correct', () => {
    it('finds by _id, including an _id with characters that need escaping', async () => {
      expect(await coll.findOne({ _id: id(42) })).toMatchObject({ _id: id(42), n: 42 });
      expect(await coll.findOne({ _id: ODD_ID })).toEqual({ _id: ODD_ID, n: -1 });
      expect(await coll.findOne({ _id: 'absent' })).toBeNull();
    });

    it('$in returns the present ids only, and combines with other fields', async () => {
      const found = await coll
        .find({ _id: { $in: [id(3), 'absent-1', id(19_999), ODD_ID, 'absent-2'] } })
        .project<{ _id: string }>({ _id: 1 })
        .toArray();
      expect(found.map((d) => d._id).sort()).toEqual([ODD_ID, id(3), id(19_999)].sort());
      expect(await coll.find({ _id: { $in: ['absent-1', 'absent-2'] } }).toArray()).toEqual([]);
      // Not pushed down (two fields): filtered in FerretDB, same answer as ever.
      expect(await coll.countDocuments({ _id: { $in: [id(3), id(4)] }, n: 4 })).toBe(1);
      // A number in the list: no pushdown, still correct.
      const mixed: Document = { _id: { $in: [id(5), 12345] } };
      expect(await db.collection('docs').countDocuments(mixed)).toBe(1);
    });

    it('countDocuments by _id', async () => {
      expect(await coll.countDocuments({ _id: id(100) })).toBe(1);
      expect(await coll.countDocuments({ _id: 'absent' })).toBe(0);
      expect(await coll.countDocuments({ _id: { $in: [id(100), id(101), 'absent'] } })).toBe(2);
    });

    it('replaceOne, updateOne, findOneAndUpdate and deleteOne by _id', async () => {
      const r = await coll.replaceOne({ _id: id(200) }, { n: 200, tag: 'replaced' });
      expect(r).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
      expect(await coll.findOne({ _id: id(200) })).toEqual({
        _id: id(200),
        n: 200,
        tag: 'replaced',
      });

      const u = await coll.updateOne({ _id: id(201) }, { $set: { tag: 'updated' } });
      expect(u).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
      expect(await coll.findOne({ _id: id(201) })).toMatchObject({ n: 201, tag: 'updated' });
      expect(await coll.countDocuments({ tag: 'updated' })).toBe(1);

      const f = await coll.findOneAndUpdate(
        { _id: ODD_ID },
        { $set: { tag: 'fam' } },
        { returnDocument: 'after' },
      );
      expect(f).toEqual({ _id: ODD_ID, n: -1, tag: 'fam' });

      const none = await coll.updateOne({ _id: 'absent' }, { $set: { tag: 'x' } });
      expect(none).toMatchObject({ matchedCount: 0, modifiedCount: 0 });

      expect(await coll.deleteOne({ _id: id(202) })).toMatchObject({ deletedCount: 1 });
      expect(await coll.findOne({ _id: id(202) })).toBeNull();
      expect(await coll.deleteOne({ _id: id(202) })).toMatchObject({ deletedCount: 0 });
    });

    it('deleteMany by a list of ids deletes exactly those', async () => {
      const ids = [id(300), id(301), id(302), 'absent'];
      expect(await coll.deleteMany({ _id: { $in: ids } })).toMatchObject({ deletedCount: 3 });
      expect(await coll.countDocuments({ _id: { $in: ids } })).toBe(0);
      expect(await coll.countDocuments({ _id: { $in: [id(299), id(303)] } })).toBe(2);
    });

    it('a duplicate _id is still rejected with code 11000', async () => {
      const err = await coll.insertOne({ _id: id(400), n: 0 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MongoServerError);
      expect((err as MongoServerError).code).toBe(11000);
      expect(await coll.findOne({ _id: id(400) })).toMatchObject({ n: 400 });
    });
  });

  // Writes: explain shows only the query part, so compare times within this
  // run: the same write by _id on this collection (DOCS documents) and on one
  // of SMALL documents, interleaved. A point look-up costs about the same in
  // both; a scan costs ~DOCS/SMALL times more. Measured unpatched: 13x
  // (replaceOne) and 75x (deleteMany); patched 1.0x and 0.75x.
  describe('writes by _id do not scan the collection (timing, large vs small collection)', () => {
    const SMALL = 400;
    const MAX_GROWTH = 3;
    let small: Collection<Doc>;

    beforeAll(async () => {
      small = db.collection<Doc>('small');
      const pad = randomBytes(128).toString('hex');
      await small.insertMany(Array.from({ length: SMALL }, (_, i) => ({ _id: id(i), n: i, pad })));
    });

    /** Medians in ms of `runs` interleaved calls of onSmall(run) and onLarge(run). */
    async function paired(
      runs: number,
      onSmall: (run: number) => Promise<unknown>,
      onLarge: (run: number) => Promise<unknown>,
    ): Promise<{ small: number; large: number }> {
      const times = { small: [] as number[], large: [] as number[] };
      for (let r = 0; r < runs; r++) {
        times.small.push(await medianMs(1, () => onSmall(r)));
        times.large.push(await medianMs(1, () => onLarge(r)));
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      return { small: median(times.small), large: median(times.large) };
    }

    it(`replaceOne({_id}) costs at most ${MAX_GROWTH}x more on ${DOCS} documents than on ${SMALL}`, async () => {
      if (!sqlitePlans) return;
      const t = await paired(
        15,
        (r) => small.replaceOne({ _id: id(10 + r) }, { n: 10 + r }),
        (r) => coll.replaceOne({ _id: id(2000 + r) }, { n: 2000 + r }),
      );
      process.stderr.write(
        `[ferretdb-id-index] replaceOne by _id: ${t.small.toFixed(2)} ms (${SMALL} docs), ${t.large.toFixed(2)} ms (${DOCS} docs)\n`,
      );
      expect(t.large / t.small).toBeLessThanOrEqual(MAX_GROWTH);
    });

    it(`deleteMany({_id: {$in: 20 ids}}) costs at most ${MAX_GROWTH}x more on ${DOCS} documents than on ${SMALL}`, async () => {
      if (!sqlitePlans) return;
      const ids = (base: number) => Array.from({ length: 20 }, (_, k) => id(base + k));
      const t = await paired(
        9,
        (r) => small.deleteMany({ _id: { $in: ids(100 + r * 20) } }),
        (r) => coll.deleteMany({ _id: { $in: ids(8000 + r * 20) } }),
      );
      process.stderr.write(
        `[ferretdb-id-index] deleteMany by _id $in: ${t.small.toFixed(2)} ms (${SMALL} docs), ${t.large.toFixed(2)} ms (${DOCS} docs)\n`,
      );
      expect(t.large / t.small).toBeLessThanOrEqual(MAX_GROWTH);
      expect(await coll.countDocuments({ _id: { $in: ids(8000) } })).toBe(0);
      expect(await small.countDocuments()).toBe(SMALL - 9 * 20);
    });
  });
});
