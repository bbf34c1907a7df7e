#!/usr/bin/env node
// @ts-check
// Measures look-ups, replaces and deletes by _id on FerretDB (SQLite backend),
// for one or more FerretDB binaries (e.g. unpatched vs patched, see README.md
// beside this file). For each binary it starts its own FerretDB on a free
// loopback port with a temporary data folder (scripts/lib/infra.js), and for
// each size fills a fresh collection with documents of ~2 KB with string _ids,
// then times:
//
//   findOne({_id})                     one random existing _id per call
//   replaceOne({_id}, doc)             one random existing _id per call
//   find({_id: {$in: 50 ids}})         50 random existing _ids per call
//   deleteMany({_id: {$in: 50 ids}})   50 _ids never deleted before per call
//
// Each operation runs until MIN_REPS calls and TIME_BUDGET_MS have passed, or
// MAX_REPS calls; the figure is the median ms per call. The server is stopped
// by its PID at the end (also on Ctrl-C) and its data folder removed.
//
//   node scripts/ferretdb/measure-id-lookups.js [--sizes 1000,10000,100000]
//        [--bin label=/path/to/ferretdb ...] [--json]
//
// Without --bin: "patched" is the cached build that `node scripts/infra.js
// ensure` makes (patches from scripts/lib/versions.json), and "unpatched" is
// <tools dir>/ferretdb-<version>/ferretdb when that older cache entry exists.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const infra = require('../lib/infra.js');

const DOC_BYTES = 2000;
const BATCH = 1000;
const IN_SIZE = 50;
const MIN_REPS = 5;
const MAX_REPS = 200;
const TIME_BUDGET_MS = 3000;

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ sizes: number[], bins: { label: string, bin: string }[], json: boolean }} */
  const opts = { sizes: [1000, 10_000, 100_000], bins: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') opts.sizes = argv[++i].split(',').map((s) => Number(s.replace(/_/g, '')));
    else if (a === '--bin') {
      const [label, ...rest] = argv[++i].split('=');
      if (!rest.length) throw new Error(`--bin wants label=/path/to/ferretdb, got ${argv[i]}`);
      opts.bins.push({ label, bin: path.resolve(rest.join('=')) });
    } else if (a === '--json') opts.json = true;
    else throw new Error(`unknown argument ${a} (see the head of ${__filename})`);
  }
  if (opts.sizes.some((n) => !Number.isInteger(n) || n < IN_SIZE * MIN_REPS * 2)) {
    throw new Error(`--sizes: whole numbers of at least ${IN_SIZE * MIN_REPS * 2}`);
  }
  if (opts.bins.length === 0) {
    const version = infra.VERSIONS.ferretdb.version;
    const unpatched = path.join(infra.toolsDir(), `ferretdb-${version}`, 'ferretdb');
    if (fs.existsSync(unpatched)) opts.bins.push({ label: 'unpatched', bin: unpatched });
    else
      process.stderr.write(
        `(no unpatched build at ${unpatched}: measuring the patched one only)\n`,
      );
    const patched = infra.cachedBinaryPath('ferretdb');
    if (!fs.existsSync(patched)) {
      throw new Error(`${patched} does not exist: run \`node scripts/infra.js ensure\` first`);
    }
    opts.bins.push({ label: 'patched', bin: patched });
  }
  return opts;
}

/** @typedef {{ _id: string, n: number, payload: string }} Doc */
/** @typedef {{ ms: number, reps: number }} Timing median ms per call, and how many calls */

const id = (/** @type {number} */ i) => `doc-${String(i).padStart(7, '0')}`;

/** Median ms per call of fn(rep), run MIN_REPS..MAX_REPS times within the time budget. */
async function timeOp(/** @type {(rep: number) => Promise<unknown>} */ fn, maxReps = MAX_REPS) {
  /** @type {number[]} */
  const times = [];
  const started = Date.now();
  while (
    times.length < maxReps &&
    (times.length < MIN_REPS || Date.now() - started < TIME_BUDGET_MS)
  ) {
    const t0 = process.hrtime.bigint();
    await fn(times.length);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], reps: times.length };
}

/**
 * @param {import('mongodb').Db} db @param {number} n
 * @returns {Promise<{ insertS: number, findOne: Timing, replaceOne: Timing, findIn: Timing, deleteIn: Timing }>}
 */
async function measureSize(db, n) {
  const coll = /** @type {import('mongodb').Collection<Doc>} */ (db.collection(`docs_${n}`));
  const payload = crypto.randomBytes(DOC_BYTES / 2).toString('hex');
  const t0 = Date.now();
  for (let start = 0; start < n; start += BATCH) {
    /** @type {Doc[]} */
    const batch = [];
    for (let i = start; i < Math.min(start + BATCH, n); i++)
      batch.push({ _id: id(i), n: i, payload });
    await coll.insertMany(batch, { ordered: false });
  }
  const insertS = (Date.now() - t0) / 1000;
  // deleteMany takes ids from the top, the other operations from the rest.
  const deletable = Math.floor(n / 2);
  const live = () => deletable + Math.floor(Math.random() * (n - deletable));
  const ids = (/** @type {() => number} */ pick) =>
    Array.from({ length: IN_SIZE }, () => id(pick()));

  const findOne = await timeOp(async () => {
    if (!(await coll.findOne({ _id: id(live()) }))) throw new Error('findOne found nothing');
  });
  const replaceOne = await timeOp(async () => {
    const i = live();
    const r = await coll.replaceOne({ _id: id(i) }, { n: i, payload });
    if (r.matchedCount !== 1) throw new Error('replaceOne matched nothing');
  });
  const findIn = await timeOp(async () => {
    const docs = await coll.find({ _id: { $in: ids(live) } }).toArray();
    if (docs.length === 0) throw new Error('find $in found nothing');
  });
  const deleteIn = await timeOp(
    async (rep) => {
      const batch = Array.from({ length: IN_SIZE }, (_, k) => id(rep * IN_SIZE + k));
      const r = await coll.deleteMany({ _id: { $in: batch } });
      if (r.deletedCount !== IN_SIZE) throw new Error(`deleteMany deleted ${r.deletedCount}`);
    },
    Math.floor(deletable / IN_SIZE),
  );
  await coll.drop();
  return { insertS, findOne, replaceOne, findIn, deleteIn };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { MongoClient } = require('mongodb');
  /** @type {{ label: string, n: number, r: Awaited<ReturnType<typeof measureSize>> }[]} */
  const results = [];

  for (const { label, bin } of opts.bins) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `icb-measure-${label}-`));
    process.stderr.write(`[measure] ${label}: starting ${bin} (data in ${dataDir})\n`);
    const server = await infra.startMongo({ dataDir, bin, kind: 'ferretdb' });
    process.stderr.write(`[measure] ${label}: PID ${server.pid} at ${server.url}\n`);
    const onSignal = () => {
      void server.stop().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const client = new MongoClient(server.url, { directConnection: true });
    try {
      await client.connect();
      const db = client.db(`measure_${crypto.randomBytes(4).toString('hex')}`);
      for (const n of opts.sizes) {
        const r = await measureSize(db, n);
        results.push({ label, n, r });
        process.stderr.write(
          `[measure] ${label} n=${n}: insert ${r.insertS.toFixed(1)} s; findOne ${r.findOne.ms.toFixed(2)} ms, ` +
            `replaceOne ${r.replaceOne.ms.toFixed(2)} ms, find $in ${r.findIn.ms.toFixed(2)} ms, ` +
            `deleteMany $in ${r.deleteIn.ms.toFixed(2)} ms\n`,
        );
      }
      await db.dropDatabase();
    } finally {
      await client.close().catch(() => undefined);
      const how = await infra.stopProcess({
        pid: server.pid,
        marker: dataDir,
        name: `ferretdb ${label}`,
      });
      process.stderr.write(`[measure] ${label}: PID ${server.pid} ${how}\n`);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }

  if (opts.json) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const cell = (/** @type {{ ms: number, reps: number }} */ x) => `${x.ms.toFixed(2)} (${x.reps})`;
  console.log(
    `ms per call, median (calls); documents of ~${DOC_BYTES / 1000} KB; $in lists of ${IN_SIZE} ids`,
  );
  console.log('');
  console.log(
    '| build | docs | findOne({_id}) | replaceOne({_id}) | find({_id:{$in:50}}) | deleteMany({_id:{$in:50}}) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { label, n, r } of results) {
    console.log(
      `| ${label} | ${n.toLocaleString('en-US')} | ${cell(r.findOne)} | ${cell(r.replaceOne)} | ` +
        `${cell(r.findIn)} | ${cell(r.deleteIn)} |`,
    );
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
