/*
 * Abuse suite, classification (issue 11, part 4): a TOP SECRET consultation's
 * content never reaches an operator cleared below it, by any path the
 * coordinator serves, and a SECRET one's never reaches CONFIDENTIAL or
 * UNCLASSIFIED readers.
 *
 * A real coordinator (HTTP on loopback, NATS, FerretDB). Two consultations
 * are opened with distinctive canary words in every free text the bus
 * carries: title, summary, attributes, hold and release reasons, the
 * extension's reason, sign-off rationales, conditions, the officer's name, a
 * removal justification, and a malformed message that is dead-lettered. The
 * agencies' messages go out as an agency's own system may send them: marked
 * UNCLASSIFIED, lower than the consultation they are about; the coordinator
 * must still treat their content at the consultation's level.
 *
 * Then, as a SECRET, a CONFIDENTIAL and an UNCLASSIFIED reader, every GET of
 * docs/openapi/coordinator.json is tried with every parameter that could
 * match or order by a canary (searches for each canary word, its prefixes,
 * substrings and case variants, with every filter, sort and order), the SSE
 * stream is followed for the whole activity (with and without filters), the
 * dead letters, verdicts, audit, dashboard files and the `icb` CLI (which
 * reads the same REST API) are read; no canary may appear in any answer, and
 * no search for a canary may match a consultation above the reader's
 * clearance. The TOP SECRET officer, reading the same paths, sees every
 * canary: the words are there to be leaked.
 */
import { readFileSync } from 'node:fs';
import { get as httpGet, IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MessageName, PayloadOf } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import {
  signAs,
  startHttpService,
  TestBus,
  testEnv,
  testOperators,
  urlOf,
  waitFor,
} from '@icb/testing';
import { CoordinatorModule } from '../../apps/coordinator/src/app.module';
import { COORDINATOR_API } from '../../apps/coordinator/src/coordinator.api';
import { main as icbMain } from '../../apps/cli/src/main';

type Reader = 'officer' | 'viewer' | 'confidential' | 'uncleared';
const BELOW_TOP_SECRET: Reader[] = ['viewer', 'confidential', 'uncleared'];
const CLEARANCE: Record<Reader, number> = { uncleared: 0, confidential: 1, viewer: 2, officer: 3 };

/** One canary per free text, all sharing a prefix that marks the consultation they belong to. */
function canaries(prefix: string) {
  const w = (field: string) => `${prefix}${field}`;
  return {
    prefix,
    title: w('title'),
    summary: w('summary'),
    attribute: w('attribute'),
    party: w('party'),
    hold: w('holdreason'),
    release: w('releasereason'),
    extension: w('extensionreason'),
    rationale: w('rationale'),
    condition: w('condition'),
    officer: w('officer'),
    justification: w('justification'),
    nonConcur: w('nonconcur'),
    deadLetter: w('deadletter'),
    unmarked: w('unmarked'),
  };
}

const TS = { id: randomUUID(), level: 3, marking: 'TOP SECRET', words: canaries('zephyrq') };
const SECRET = { id: randomUUID(), level: 2, marking: 'SECRET', words: canaries('marmotq') };
const MATTERS = [TS, SECRET];

/** The canary prefixes a reader may not see: those of the consultations above their clearance. */
const forbiddenFor = (reader: Reader) => MATTERS.filter((m) => m.level > CLEARANCE[reader]);

/** Every search a reader could try to confirm a canary: the words, prefixes, substrings, other cases. */
function searchesFor(words: ReturnType<typeof canaries>): string[] {
  const all = Object.values(words);
  const q = new Set<string>();
  for (const word of all) {
    q.add(word);
    q.add(word.toUpperCase());
    q.add(word.slice(0, 3));
    q.add(word.slice(0, word.length - 2));
    q.add(word.slice(2, 9));
    q.add(word.slice(-6));
  }
  return [...q];
}

interface Tally {
  tried: number;
  refusedOrWithheld: number;
  leaks: string[];
}

describe('abuse: classified content never reaches a reader cleared below it', () => {
  let app: NestExpressApplication;
  let base: string;
  let bus: TestBus;
  let env: Record<string, string>;
  const tokens = {} as Record<Reader, string>;
  const tallies = new Map<string, Tally>();
  const published: string[] = [];
  const streams: {
    reader: Reader;
    path: string;
    text: () => string;
    response: IncomingMessage;
  }[] = [];
  const watches: {
    reader: Reader;
    abort: AbortController;
    run: { out: string };
    done: Promise<void>;
  }[] = [];

  function tally(path: string): Tally {
    let t = tallies.get(path);
    if (!t) tallies.set(path, (t = { tried: 0, refusedOrWithheld: 0, leaks: [] }));
    return t;
  }

  /** Records one try: a leak when any canary of a consultation above the reader's clearance is in `text`. */
  function check(path: string, reader: Reader, what: string, text: string): void {
    const t = tally(path);
    t.tried++;
    const lower = text.toLowerCase();
    const leaked = forbiddenFor(reader).filter((m) => lower.includes(m.words.prefix));
    if (leaked.length > 0) {
      const at = lower.indexOf(leaked[0].words.prefix);
      t.leaks.push(`${reader} ${what}: …${text.slice(Math.max(0, at - 80), at + 60)}…`);
    } else {
      t.refusedOrWithheld++;
    }
  }

  async function get(reader: Reader, path: string): Promise<{ status: number; text: string }> {
    const res = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${tokens[reader]}` },
    });
    return { status: res.status, text: await res.text() };
  }

  async function publish<N extends MessageName>(
    party: Parameters<TestBus['publishAs']>[0],
    name: N,
    payload: PayloadOf<N>,
  ): Promise<string> {
    const envelope = await bus.publishAs(party, name, payload);
    published.push(envelope.id);
    return envelope.id;
  }

  async function detail(id: string): Promise<Record<string, unknown>> {
    const { status, text } = await get('officer', `/consultations/${id}`);
    expect(status).toBe(200);
    return JSON.parse(text) as Record<string, unknown>;
  }

  function openStream(reader: Reader, path: string): Promise<void> {
    const url = new URL(`${base}${path}`);
    const req = httpGet({
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      headers: { authorization: `Bearer ${tokens[reader]}`, accept: 'text/event-stream' },
    });
    return new Promise((resolve, reject) => {
      req.once('error', reject);
      req.once('response', (response: IncomingMessage) => {
        expect(response.statusCode).toBe(200);
        let received = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (received += chunk));
        streams.push({ reader, path, text: () => received, response });
        resolve();
      });
    });
  }

  async function icb(reader: Reader, ...argv: string[]): Promise<string> {
    const run = { stdout: '', stderr: '' };
    const creds = testOperators()[reader];
    await icbMain(argv, {
      env: {
        ICB_API_URL: base,
        NATS_URL: env.NATS_URL,
        BUS_NAMESPACE: env.BUS_NAMESPACE,
        ICB_USER: creds.username,
        ICB_PASSWORD: creds.password,
        NO_COLOR: '1',
      },
      stdout: { write: (s: string) => (run.stdout += s) },
      stderr: { write: (s: string) => (run.stderr += s) },
    });
    return run.stdout + run.stderr;
  }

  beforeAll(async () => {
    env = testEnv({ CLOCK_TICK_MS: '0' });
    app = await startHttpService(CoordinatorModule.forRoot({ env }), COORDINATOR_API.title);
    base = urlOf(app);
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
    for (const reader of ['officer', ...BELOW_TOP_SECRET] as Reader[]) {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(testOperators()[reader]),
      });
      expect(res.status).toBe(200);
      tokens[reader] = ((await res.json()) as { token: string }).token;
    }
  });

  afterAll(async () => {
    for (const w of watches) w.abort.abort();
    await Promise.all(watches.map((w) => w.done));
    for (const s of streams) s.response.destroy();
    await bus?.close();
    await app?.close();
  });

  /** Every GET of the OpenAPI document, tried by `reader` with every parameter that could match. */
  async function probeRest(reader: Reader, phase: string): Promise<void> {
    const doc = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'docs', 'openapi', 'coordinator.json'), 'utf8'),
    ) as { paths: Record<string, Record<string, unknown>> };
    const gets = Object.entries(doc.paths)
      .filter(([, ops]) => 'get' in ops)
      .map(([p]) => p);
    const ids = [TS.id, SECRET.id, randomUUID()];
    const fill = (template: string): string[] => {
      let paths = [template];
      if (template.includes('{id}')) {
        paths = paths.flatMap((p) => ids.map((id) => p.replace('{id}', id)));
      }
      if (template.includes('{agency}')) {
        paths = paths.flatMap((p) =>
          ['dod', 'nsc', 'treasury', 'cia', 'state-pm'].map((a) => p.replace('{agency}', a)),
        );
      }
      if (template.includes('{eventId}')) {
        paths = paths.flatMap((p) => published.map((e) => p.replace('{eventId}', e)));
      }
      return paths;
    };
    for (const template of gets) {
      if (template === '/events') continue; // followed as a stream for the whole activity
      const extras: string[] = [''];
      if (template === '/dead-letters') {
        extras.push('?limit=1000', '?consumer=coordinator', '?limit=1');
      }
      if (template === '/agencies/{agency}/queue') extras.push('?limit=200', '?offset=1&limit=1');
      if (template === '/consultations') {
        for (const sort of ['updatedAt', 'openedAt', 'nextDueAt', 'precedence']) {
          for (const order of ['asc', 'desc']) extras.push(`?sort=${sort}&order=${order}&limit=1`);
        }
        // No order by a text that may be withheld: refused (400).
        extras.push('?sort=title', '?sort=summary&order=asc', '?sort=classification');
        for (const filter of [
          'status=in-review,escalated',
          'kind=technology-transfer,fms-case',
          `precedence=FLASH,IMMEDIATE,PRIORITY,ROUTINE`,
          'pendingAgency=dod',
          'overdue=true',
          'overdue=false',
        ]) {
          extras.push(`?${filter}`);
        }
      }
      for (const path of fill(template)) {
        for (const extra of extras) {
          const { status, text } = await get(reader, `${path}${extra}`);
          check(`GET ${template}`, reader, `${phase} ${path}${extra} (${status})`, text);
        }
      }
    }
  }

  /** `q=` for every canary of every consultation, with every filter and sort: never a match above the reader. */
  async function probeSearch(reader: Reader): Promise<void> {
    const path = 'GET /consultations?q=';
    const filters = [
      '',
      '&status=in-review,escalated,approved,denied,withdrawn',
      '&kind=technology-transfer',
      '&precedence=FLASH,IMMEDIATE,PRIORITY,ROUTINE',
      '&pendingAgency=dod',
      '&overdue=false',
      '&sort=openedAt&order=asc',
      '&sort=nextDueAt&order=desc',
      '&sort=precedence&order=asc',
      '&offset=0',
    ];
    for (const matter of MATTERS) {
      const readable = matter.level <= CLEARANCE[reader];
      for (const q of searchesFor(matter.words)) {
        for (const filter of filters) {
          const { status, text } = await get(
            reader,
            `/consultations?q=${encodeURIComponent(q)}${filter}`,
          );
          expect(status).toBe(200);
          const body = JSON.parse(text) as { total: number; items: { id: string }[] };
          if (readable) continue; // what a reader may read, they may find
          // The same search by the officer: the reader's total must be the matches they may read.
          const all = JSON.parse(
            (await get('officer', `/consultations?q=${encodeURIComponent(q)}${filter}&limit=200`))
              .text,
          ) as { items: { id: string }[] };
          const mayFind = all.items.filter((i) =>
            MATTERS.every((m) => m.id !== i.id || m.level <= CLEARANCE[reader]),
          ).length;
          const found = body.items.some((i) => i.id === matter.id);
          const t = tally(path);
          t.tried++;
          if (found || body.total !== mayFind) {
            t.leaks.push(
              `${reader} q=${q}${filter}: matched ${matter.marking} ${matter.id} (total ${body.total}, may find ${mayFind})`,
            );
          } else {
            t.refusedOrWithheld++;
          }
          check('GET /consultations (search answers)', reader, `q=${q}${filter}`, text);
        }
      }
    }
  }

  it('opens a TOP SECRET and a SECRET consultation full of canaries and tries every path', async () => {
    // Follow the live stream for the whole activity: every reader, with and without filters.
    for (const reader of ['officer', ...BELOW_TOP_SECRET] as Reader[]) {
      await openStream(reader, '/events');
      await openStream(reader, `/events?consultationId=${TS.id}`);
      await openStream(reader, '/events?type=signoff.');
    }
    for (const reader of BELOW_TOP_SECRET) {
      const abort = new AbortController();
      const run = { out: '' };
      const done = (async () => {
        const creds = testOperators()[reader];
        await icbMain(['watch', '--json'], {
          env: {
            ICB_API_URL: base,
            NATS_URL: env.NATS_URL,
            BUS_NAMESPACE: env.BUS_NAMESPACE,
            ICB_USER: creds.username,
            ICB_PASSWORD: creds.password,
          },
          signal: abort.signal,
          stdout: { write: (s: string) => (run.out += s) },
          stderr: { write: (s: string) => (run.out += s) },
        });
      })();
      watches.push({ reader, abort, run, done });
    }

    // The activity: opened at their level, then the agencies' messages, marked UNCLASSIFIED.
    for (const m of MATTERS) {
      const w = m.words;
      const opened = validPayload('consultation.opened');
      await publish('state-pm', 'consultation.opened', {
        ...opened,
        consultationId: m.id,
        kind: 'technology-transfer',
        title: `Quarterly ${w.title} review`,
        summary: `A request concerning ${w.summary} equipment.`,
        classification: m.marking,
        clearingParties: ['dod', 'nsc', 'treasury'],
        attributes: {
          ...opened.attributes,
          items: [{ description: `${w.attribute} components`, quantity: 3 }],
          parties: [{ name: `${w.party} Holdings`, role: 'purchaser', country: 'AUS' }],
        },
      });
    }
    for (const m of MATTERS) {
      await waitFor(() => detail(m.id).then((d) => d.status === 'in-review'), {
        description: `${m.marking} consultation in review`,
      });
      await publish('dod', 'review.acknowledged', {
        consultationId: m.id,
        agency: 'dod',
        revision: 1,
      });
      await publish('dod', 'review.hold-placed', {
        consultationId: m.id,
        agency: 'dod',
        reason: `Waiting on ${m.words.hold} assessment.`,
      });
    }
    for (const m of MATTERS) {
      await waitFor(
        () =>
          detail(m.id).then((d) =>
            JSON.stringify(d).toLowerCase().includes(m.words.hold.toLowerCase()),
          ),
        { description: `the hold on the ${m.marking} consultation` },
      );
    }

    // First round, while the holds are open (the agency queue shows them).
    for (const reader of BELOW_TOP_SECRET) await probeRest(reader, 'holds open');

    // The TOP SECRET consultation's messages last: every stream, filtered or not, sees its last one.
    for (const m of [SECRET, TS]) {
      const w = m.words;
      await publish('dod', 'review.hold-released', {
        consultationId: m.id,
        agency: 'dod',
        reason: `The ${w.release} is done.`,
      });
      await publish('dod', 'clock.extension-requested', {
        consultationId: m.id,
        agency: 'dod',
        reason: `Awaiting ${w.extension} results.`,
        days: 10,
      });
      await publish('dod', 'signoff.submitted', {
        ...validPayload('signoff.submitted'),
        consultationId: m.id,
        rationale: `Concur, given ${w.rationale} safeguards.`,
        conditions: [
          { id: 'DOD-1', text: `Protect the ${w.condition} design.` },
          { id: 'DOD-2', text: 'Enhanced end-use monitoring.' },
        ],
        officer: { name: `${w.officer} Smith`, title: 'Director' },
      });
      await publish('state-pm', 'condition.removal-requested', {
        consultationId: m.id,
        conditionId: 'DOD-2',
        imposingAgency: 'dod',
        justification: `Already covered by ${w.justification} agreement.`,
      });
      await publish('nsc', 'signoff.submitted', {
        consultationId: m.id,
        agency: 'nsc',
        revision: 1,
        decision: 'non-concur',
        rationale: `Non-concur: ${w.nonConcur} concerns.`,
        officer: { name: 'A. Jones', title: 'Senior Director' },
        submittedAt: new Date().toISOString(),
      });
      // Without a marking (signed all the same): refused and dead-lettered, never taken as UNCLASSIFIED.
      const unmarked = await bus.publishAs('dod', 'review.acknowledged', {
        consultationId: m.id,
        agency: 'dod',
        revision: 1,
      });
      const {
        jws: _jws,
        classification: _marking,
        ...bare
      } = unmarked as typeof unmarked & {
        jws?: string;
      };
      const unmarkedHold = signAs('dod', {
        ...bare,
        id: randomUUID(),
        type: bare.type.replace('review.acknowledged', 'review.hold-placed'),
        dataschema: bare.dataschema.replace('review.acknowledged', 'review.hold-placed'),
        data: { consultationId: m.id, agency: 'dod', reason: `Unmarked ${w.unmarked} hold.` },
      });
      await bus.publishEnvelope('icb.evt.dod.review.hold-placed.v1', unmarkedHold);
      published.push(unmarkedHold.id);
      // Malformed (an unknown decision): the coordinator dead-letters it.
      await publish('treasury', 'signoff.submitted', {
        consultationId: m.id,
        agency: 'treasury',
        revision: 1,
        decision: 'perhaps',
        rationale: `Maybe: ${w.deadLetter}.`,
        submittedAt: new Date().toISOString(),
      } as unknown as PayloadOf<'signoff.submitted'>);
    }

    // Controls: the officer reads every canary where it is stored.
    for (const m of MATTERS) {
      const w = m.words;
      const stored = [
        w.title,
        w.summary,
        w.attribute,
        w.party,
        w.hold,
        w.release,
        w.extension,
        w.rationale,
        w.condition,
        w.officer,
        w.justification,
        w.nonConcur,
      ];
      await waitFor(
        () =>
          detail(m.id).then((d) => {
            const text = JSON.stringify(d).toLowerCase();
            return stored.every((word) => text.includes(word));
          }),
        { timeoutMs: 30_000, description: `every canary of the ${m.marking} consultation stored` },
      );
    }
    await waitFor(
      () =>
        get('officer', '/dead-letters?limit=1000').then(({ text }) =>
          MATTERS.every(
            (m) =>
              text.toLowerCase().includes(m.words.deadLetter) &&
              text.toLowerCase().includes(m.words.unmarked),
          ),
        ),
      { timeoutMs: 30_000, description: 'the malformed and the unmarked messages dead-lettered' },
    );
    for (const m of MATTERS) {
      expect(JSON.stringify(await detail(m.id)).toLowerCase()).not.toContain(m.words.unmarked);
    }
    // Every stream has seen the last message published (withheld envelopes keep their id).
    const last = published[published.length - 1];
    await waitFor(() => streams.every((s) => s.text().includes(last)), {
      description: 'every SSE stream caught up',
    });
    const officerStream = streams.find((s) => s.reader === 'officer' && s.path === '/events')!;
    expect(officerStream.text().toLowerCase()).toContain(TS.words.rationale);
    const found = await get('officer', `/consultations?q=${TS.words.summary.toUpperCase()}`);
    expect((JSON.parse(found.text) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([
      TS.id,
    ]);
    const secretFound = await get('viewer', `/consultations?q=${SECRET.words.title}`);
    expect(
      (JSON.parse(secretFound.text) as { items: { id: string }[] }).items.map((i) => i.id),
    ).toEqual([SECRET.id]);

    // Second round, after everything happened.
    for (const reader of BELOW_TOP_SECRET) {
      await probeRest(reader, 'after');
      await probeSearch(reader);
    }

    // The SSE streams, followed through all of it.
    for (const s of streams.filter((x) => x.reader !== 'officer')) {
      check(
        `SSE ${s.path.split('?')[0]}${s.path.includes('?') ? '?filtered' : ''}`,
        s.reader,
        s.path,
        s.text(),
      );
    }

    // Each envelope about a consultation above the reader: no data, no signature (it would confirm guesses).
    for (const s of streams.filter((x) => x.reader !== 'officer')) {
      for (const block of s.text().split('\n\n')) {
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        if (!data) continue;
        const envelope = JSON.parse(data) as { subject?: string; data?: unknown; jws?: unknown };
        const about = MATTERS.find((m) => m.id === envelope.subject);
        if (!about || about.level <= CLEARANCE[s.reader]) continue;
        const t = tally('SSE envelopes above the reader (no data, no jws)');
        t.tried++;
        if ('data' in envelope || 'jws' in envelope) {
          t.leaks.push(`${s.reader} ${s.path}: ${data.slice(0, 160)}`);
        } else {
          t.refusedOrWithheld++;
        }
      }
    }

    // Every event the coordinator published about a consultation carries the consultation's marking.
    const coordinatorEvents = officerStream
      .text()
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map(
        (l) =>
          JSON.parse(l.slice(5)) as { source: string; subject: string; classification: string },
      )
      .filter((e) => e.source.endsWith('/coordinator'));
    for (const m of MATTERS) {
      const about = coordinatorEvents.filter((e) => e.subject === m.id);
      expect(about.length).toBeGreaterThan(3);
      expect(new Set(about.map((e) => e.classification))).toEqual(new Set([m.marking]));
    }

    // The dashboard: the page and its files (the data it shows comes from the paths above).
    const page = await fetch(`${base}/`);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/dashboard\/[^"]+)"/g)].map((x) => x[1]);
    for (const reader of BELOW_TOP_SECRET) {
      check('dashboard files', reader, '/', html);
      for (const asset of assets)
        check('dashboard files', reader, asset, await (await fetch(`${base}${asset}`)).text());
    }

    // The CLI, which reads the same REST API.
    for (const reader of BELOW_TOP_SECRET) {
      const runs: string[][] = [
        ['ls', '--json'],
        ['ls'],
        ['ls', '--q', TS.words.prefix, '--json'],
        ['ls', '--q', TS.words.title],
        ['ls', '--q', SECRET.words.prefix, '--json'],
        ['show', TS.id, '--json'],
        ['show', TS.id],
        ['show', SECRET.id],
        ['queue', 'dod', '--json'],
        ['queue', 'nsc'],
        ['status', '--json'],
        ['status'],
        ['dlq', 'ls', '--json'],
        ['dlq', 'ls'],
        ['audit', 'verify', TS.id],
        ...published.map((id) => ['verdict', id, '--json']),
      ];
      for (const argv of runs)
        check(`icb ${argv[0]}`, reader, argv.join(' '), await icb(reader, ...argv));
    }
    for (const w of watches) {
      w.abort.abort();
      await w.done;
      check('icb watch', w.reader, 'watch --json', w.run.out);
    }

    // The report, then the verdict.
    const lines = [...tallies.entries()].map(
      ([path, t]) =>
        `[abuse] classification ${path}: ${t.tried} tried, ${t.refusedOrWithheld} refused or withheld, ${t.leaks.length} leaked`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    const leaks = [...tallies.entries()].flatMap(([path, t]) =>
      t.leaks.slice(0, 5).map((l) => `${path}: ${l}`),
    );
    expect(leaks).toEqual([]);
    for (const t of tallies.values()) expect(t.tried).toBeGreaterThan(0);
  }, 240_000);
});
