import { validPayload } from '@icb/contracts/testing/message-cases';
import { ApiUnreachableError } from './cli.errors';
import { aDetail, aSummary, FakeApi, FakeBus, runCli } from '../test/fakes';

const ID = '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13';

function withConsultation(detail = aDetail()): FakeApi {
  const api = new FakeApi();
  api.consultations.set(detail.id, detail);
  return api;
}

describe('icb commands (fake coordinator and bus)', () => {
  describe('reading', () => {
    it('ls passes the filters to the coordinator and prints the page as JSON', async () => {
      const api = new FakeApi();
      api.summaries = [aSummary()];
      const run = await runCli(
        [
          'ls',
          '--status',
          'in-review,escalated',
          '--agency',
          'dod',
          '--overdue',
          '--limit',
          '10',
          '--sort',
          'nextDueAt',
          '--json',
        ],
        { api },
      );
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toMatchObject({ total: 1, items: [{ id: ID }] });
      expect(api.calls[0]).toEqual({
        method: 'listConsultations',
        args: [
          {
            status: ['in-review', 'escalated'],
            pendingAgency: 'dod',
            overdue: true,
            limit: 10,
            sort: 'nextDueAt',
          },
        ],
      });
    });

    it('ls shows a table with how overdue each consultation is', async () => {
      const api = new FakeApi();
      api.summaries = [aSummary({ daysLeft: -3, overdue: true })];
      const run = await runCli(['ls'], { api });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(ID);
      expect(run.stdout).toContain('3d overdue');
      expect(run.stdout).toContain('1-1 of 1');
    });

    it('ls refuses an unknown status with exit 2, before calling the coordinator', async () => {
      const api = new FakeApi();
      const run = await runCli(['ls', '--status', 'stuck'], { api });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unknown status "stuck"');
      expect(api.calls).toEqual([]);
    });

    it('show prints clearers with their sign-offs and conditions, and the clocks', async () => {
      const run = await runCli(['show', ID], { api: withConsultation() });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Australia - AIM-120D missiles');
      expect(run.stdout).toMatch(
        /nsc.*concur-with-conditions.*A\. Reviewer, Director.*NSC-1: Annual end-use report/,
      );
      expect(run.stdout).toMatch(/dod.*pending.*1d overdue/);
      expect(run.stdout).toContain('timeline');
    });

    it('show marks the escalation level on its ladder', async () => {
      const detail = aDetail({
        status: 'escalated',
        escalation: {
          ladder: 'nsc',
          level: 'deputies',
          cause: 'non-concur',
          agency: 'dod',
          reason: 'risk',
          history: [],
        },
      });
      const run = await runCli(['show', ID], { api: withConsultation(detail) });
      expect(run.stdout).toContain('pcc → [deputies] → principals → nsc');
    });

    it('show of an unknown consultation exits 3', async () => {
      const run = await runCli(['show', '0b7e4c52-8f3a-4d19-a6e2-5c9d1f7a3b80']);
      expect(run.code).toBe(3);
      expect(run.stderr).toBe(
        'error: no consultation 0b7e4c52-8f3a-4d19-a6e2-5c9d1f7a3b80 — list consultations with: icb ls\n',
      );
    });

    it('show of something that is not a UUID exits 2', async () => {
      expect((await runCli(['show', '42'])).code).toBe(2);
    });

    it('any command exits 5 with the hint when the coordinator cannot be reached', async () => {
      const api = new FakeApi();
      api.unreachable = true;
      const run = await runCli(['ls'], { api });
      expect(run.code).toBe(5);
      expect(run.stderr).toContain('is the stack running (npm start)?');
      expect(run.stdout).toBe('');
    });

    it('status exits 5 when the coordinator reports a part down, after showing which', async () => {
      const api = new FakeApi();
      api.healthy = false;
      const run = await runCli(['status'], { api });
      expect(run.code).toBe(5);
      expect(run.stdout).toMatch(/nats\s+down/);
      expect(run.stderr).toContain('reports nats down');
    });

    it('status --json prints health and figures together', async () => {
      const api = new FakeApi();
      api.summaries = [aSummary()];
      const run = await runCli(['status', '--json'], { api });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        coordinator: { up: true },
        stats: { open: 1, overdue: 1 },
      });
    });

    it('audit verify exits 4 and names the first bad entry when the chain is broken', async () => {
      const api = withConsultation();
      api.audit = {
        ok: false,
        entries: 5,
        firstBadSeq: 3,
        problem: 'altered',
        detail: 'entry 3 does not hash to what entry 4 says',
      };
      const run = await runCli(['audit', 'verify', ID], { api });
      expect(run.code).toBe(4);
      expect(run.stdout).toContain('first bad entry #3: altered');
      expect(run.stderr).toContain('broken at entry 3 (altered)');
    });

    it('audit verify exits 0 on an intact chain', async () => {
      const run = await runCli(['audit', 'verify', ID, '--json'], { api: withConsultation() });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ ok: true, entries: 3, head: 'abc' });
    });
  });

  describe('sign-offs', () => {
    it('publishes as the agency on the current revision read from the coordinator', async () => {
      const bus = new FakeBus();
      const run = await runCli(
        [
          'signoff',
          ID,
          '--agency',
          'dod',
          '--decision',
          'concur-with-conditions',
          '--condition',
          'EUM-1: Enhanced end-use monitoring',
          '--officer',
          'J. Smith, Director',
        ],
        { api: withConsultation(aDetail({ revision: 1 })), bus },
      );
      expect(run.stderr).toContain('published signoff.submitted as dod');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${ID}\n`);
      expect(bus.published).toHaveLength(1);
      const [m] = bus.published;
      expect(m.subject).toBe('icb.evt.dod.signoff.submitted.v1');
      expect(m.envelope.source).toBe('/icb/dod');
      expect(m.envelope.data).toMatchObject({
        consultationId: ID,
        agency: 'dod',
        revision: 1,
        decision: 'concur-with-conditions',
        conditions: [{ id: 'EUM-1', text: 'Enhanced end-use monitoring' }],
        officer: { name: 'J. Smith', title: 'Director' },
      });
      expect(bus.closed).toBe(1);
    });

    it('an invalid decision exits 2 and publishes nothing', async () => {
      const bus = new FakeBus();
      const run = await runCli(['signoff', ID, '--agency', 'dod', '--decision', 'maybe'], {
        api: withConsultation(),
        bus,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('decision must be one of');
      expect(bus.published).toEqual([]);
    });

    it('a non-concurrence without a rationale exits 2 with the contract’s reason', async () => {
      const bus = new FakeBus();
      const run = await runCli(['signoff', ID, '--agency', 'dod', '--decision', 'non-concur'], {
        api: withConsultation(),
        bus,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/invalid signoff.submitted payload[\s\S]*rationale/);
      expect(bus.published).toEqual([]);
    });

    it('an agency that does not clear the consultation is refused with exit 4, unless --force', async () => {
      const bus = new FakeBus();
      const refused = await runCli(['signoff', ID, '--agency', 'cia', '--decision', 'concur'], {
        api: withConsultation(),
        bus,
      });
      expect(refused.code).toBe(4);
      expect(refused.stderr).toContain('cia is not a clearer');
      expect(bus.published).toEqual([]);

      const forced = await runCli(
        ['signoff', ID, '--agency', 'cia', '--decision', 'concur', '--force'],
        { api: withConsultation(), bus },
      );
      expect(forced.code).toBe(0);
      expect(bus.published).toHaveLength(1);
    });

    it('a second answer on the same revision is refused with exit 4', async () => {
      const run = await runCli(['signoff', ID, '--agency', 'nsc', '--decision', 'concur'], {
        api: withConsultation(),
      });
      expect(run.code).toBe(4);
      expect(run.stderr).toContain('nsc already answered "concur-with-conditions" on revision 1');
    });

    it('a sign-off on an unknown consultation exits 3', async () => {
      const run = await runCli(['signoff', ID, '--agency', 'dod', '--decision', 'concur']);
      expect(run.code).toBe(3);
    });

    it('exits 5 when NATS cannot be reached', async () => {
      const run = await runCli(
        ['signoff', ID, '--agency', 'dod', '--decision', 'concur', '--json'],
        {
          api: withConsultation(),
          bus: Object.assign(new FakeBus(), {
            publish: () => Promise.reject(new ApiUnreachableError('cannot reach NATS')),
          }),
        },
      );
      expect(run.code).toBe(5);
      expect(JSON.parse(run.stderr)).toMatchObject({ error: { exitCode: 5 } });
    });
  });

  describe('the coordinator’s verdict', () => {
    const EVENT = '0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21';

    it('a sign-off the coordinator accepts reports the consultation’s new status', async () => {
      const run = await runCli(['signoff', ID, '--agency', 'dod', '--decision', 'concur'], {
        api: withConsultation(),
      });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(
        'accepted by the coordinator: in-review, revision 1 (version 4)',
      );
      expect(run.stdout).toBe(`${ID}\n`);
    });

    it('a sign-off the coordinator refuses exits 4 with its code and reason, after the report', async () => {
      const api = withConsultation();
      api.verdicts.set(EVENT, {
        eventId: EVENT,
        message: 'signoff.submitted',
        party: 'dod',
        consultationId: ID,
        outcome: 'refused',
        changed: false,
        code: 'STALE_REVISION',
        reason: 'the consultation was amended and is at revision 2',
        decidedAt: '2026-03-10T12:00:00.000Z',
      });
      const run = await runCli(
        ['signoff', ID, '--agency', 'dod', '--decision', 'concur', '--event-id', EVENT, '--json'],
        { api },
      );
      expect(run.code).toBe(4);
      expect(JSON.parse(run.stdout)).toMatchObject({
        eventId: EVENT,
        verdict: { outcome: 'refused', code: 'STALE_REVISION' },
      });
      expect(JSON.parse(run.stderr)).toMatchObject({
        error: {
          code: 'STALE_REVISION',
          exitCode: 4,
          message: expect.stringContaining('is at revision 2') as unknown,
        },
      });
    });

    it('without a verdict in time it exits 0 and says how to read the verdict later', async () => {
      const api = withConsultation();
      api.silent = true;
      const run = await runCli(
        [
          'signoff',
          ID,
          '--agency',
          'dod',
          '--decision',
          'concur',
          '--event-id',
          EVENT,
          '--wait',
          '2',
        ],
        { api },
      );
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(
        `no verdict from the coordinator within 2 s; read it later with: icb verdict ${EVENT}`,
      );
      // Read until the two seconds were spent, with growing pauses.
      const reads = api.calls.filter((c) => c.method === 'verdict').length;
      expect(reads).toBeGreaterThan(2);
      expect(reads).toBeLessThan(10);
    });

    it('--wait 0 publishes without asking for the verdict', async () => {
      const api = withConsultation();
      const run = await runCli(
        ['signoff', ID, '--agency', 'dod', '--decision', 'concur', '--wait', '0'],
        { api },
      );
      expect(run.code).toBe(0);
      expect(api.calls.some((c) => c.method === 'verdict')).toBe(false);
    });

    it('icb verdict shows a verdict: 0 when accepted, 4 when refused, 3 when there is none', async () => {
      const api = new FakeApi();
      const verdict = {
        eventId: EVENT,
        message: 'condition.removal-answered',
        party: 'dod' as const,
        consultationId: ID,
        outcome: 'accepted' as const,
        changed: true,
        consultation: { status: 'in-review', revision: 1, version: 9 },
        decidedAt: '2026-03-10T12:00:00.000Z',
      };
      api.verdicts.set(EVENT, verdict);
      const accepted = await runCli(['verdict', EVENT, '--json'], { api });
      expect(accepted.code).toBe(0);
      expect(JSON.parse(accepted.stdout)).toEqual(verdict);

      api.verdicts.set(EVENT, {
        ...verdict,
        outcome: 'refused',
        changed: false,
        code: 'NO_REMOVAL_REQUESTED',
        reason: 'nobody asked',
      });
      const refused = await runCli(['verdict', EVENT], { api });
      expect(refused.code).toBe(4);
      expect(refused.stdout).toContain('NO_REMOVAL_REQUESTED');

      const none = await runCli(['verdict', '1b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21'], { api });
      expect(none.code).toBe(3);
    });
  });

  describe('removing a condition', () => {
    const withCondition = () =>
      withConsultation(
        aDetail({
          conditions: [
            {
              id: 'DOD-AT-1',
              text: 'Anti-tamper protection',
              agency: 'dod',
              revision: 1,
              imposedAt: '2026-03-08T12:00:00.000Z',
              status: 'active',
            },
          ],
        }),
      );

    it('request-removal asks the agency that imposed the condition, as State/PM', async () => {
      const bus = new FakeBus();
      const run = await runCli(
        ['condition', 'request-removal', ID, 'DOD-AT-1', '--justification', 'Already fitted.'],
        { api: withCondition(), bus },
      );
      expect(run.code).toBe(0);
      expect(bus.published).toHaveLength(1);
      expect(bus.published[0].subject).toBe('icb.evt.state-pm.condition.removal-requested.v1');
      expect(bus.published[0].envelope.data).toEqual({
        consultationId: ID,
        conditionId: 'DOD-AT-1',
        imposingAgency: 'dod',
        justification: 'Already fitted.',
      });
      expect(run.stderr).toContain('accepted by the coordinator');
    });

    it('request-removal of a condition the consultation does not have exits 3 and publishes nothing', async () => {
      const bus = new FakeBus();
      const run = await runCli(
        ['condition', 'request-removal', ID, 'NSC-9', '--justification', 'x'],
        { api: withCondition(), bus },
      );
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('has no condition NSC-9');
      expect(bus.published).toEqual([]);
    });

    it('answer-removal publishes the imposing agency’s answer; another agency is refused with exit 4', async () => {
      const bus = new FakeBus();
      const answered = await runCli(
        [
          'condition',
          'answer-removal',
          ID,
          'DOD-AT-1',
          '--agency',
          'dod',
          '--refuse',
          '--comment',
          'It stays.',
        ],
        { api: withCondition(), bus },
      );
      expect(answered.code).toBe(0);
      expect(bus.published[0].subject).toBe('icb.evt.dod.condition.removal-answered.v1');
      expect(bus.published[0].envelope.data).toEqual({
        consultationId: ID,
        conditionId: 'DOD-AT-1',
        agency: 'dod',
        agreed: false,
        comment: 'It stays.',
      });

      const other = await runCli(
        [
          'condition',
          'answer-removal',
          ID,
          'DOD-AT-1',
          '--agency',
          'nsc',
          '--agree',
          '--comment',
          'Fine.',
        ],
        { api: withCondition(), bus },
      );
      expect(other.code).toBe(4);
      expect(other.stderr).toContain('imposed by dod, not nsc');
      expect(bus.published).toHaveLength(1);
    });

    it('answer-removal wants exactly one of --agree and --refuse', async () => {
      const both = await runCli(
        [
          'condition',
          'answer-removal',
          ID,
          'DOD-AT-1',
          '--agency',
          'dod',
          '--agree',
          '--refuse',
          '--comment',
          'x',
        ],
        { api: withCondition() },
      );
      expect(both.code).toBe(2);
      const neither = await runCli(
        ['condition', 'answer-removal', ID, 'DOD-AT-1', '--agency', 'dod', '--comment', 'x'],
        { api: withCondition() },
      );
      expect(neither.code).toBe(2);
    });
  });

  describe('opening and publishing', () => {
    it('open publishes consultation.opened as state-pm with the kind given and prints the new id', async () => {
      const bus = new FakeBus();
      const { consultationId: _id, kind: _kind, ...request } = validPayload('consultation.opened');
      const run = await runCli(['open', 'fms-case', '--file', 'req.json'], {
        bus,
        files: { 'req.json': JSON.stringify(request) },
      });
      expect(run.stderr).toContain('published consultation.opened as state-pm');
      expect(run.code).toBe(0);
      const [m] = bus.published;
      expect(m.envelope.source).toBe('/icb/state-pm');
      expect(m.envelope.data).toMatchObject({ kind: 'fms-case' });
      expect(run.stdout.trim()).toBe(
        (m.envelope.data as { consultationId: string }).consultationId,
      );
      expect(run.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('open uses --id as the consultation id and reports JSON', async () => {
      const { consultationId: _id, ...request } = validPayload('consultation.opened');
      const run = await runCli(['open', 'fms-case', '--file', 'req.json', '--id', ID, '--json'], {
        files: { 'req.json': JSON.stringify(request) },
      });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        message: 'consultation.opened',
        consultationId: ID,
        duplicate: false,
      });
    });

    it('open with a file that is not JSON exits 2', async () => {
      const run = await runCli(['open', 'fms-case', '--file', 'req.json'], {
        files: { 'req.json': '{ nope' },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('req.json is not JSON');
    });

    it('publish validates first: an invalid payload exits 2 with the validation errors', async () => {
      const bus = new FakeBus();
      const run = await runCli(
        ['publish', 'escalation.decided', '--as', 'nsc', '--file', 'p.json'],
        {
          bus,
          files: { 'p.json': JSON.stringify({ consultationId: ID }) },
        },
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^error: invalid escalation.decided payload — nothing was sent; its schema is docs\/schemas\/escalation.decided.v1.json\n( {2}- \/\w+ .+\n)+$/,
      );
      expect(run.stderr).toContain(
        '  - /outcome outcome must be one of: approve, deny, refer-up, remand\n',
      );
      expect(bus.published).toEqual([]);
    });

    it('publish refuses a party that may not publish the message with exit 2', async () => {
      const run = await runCli(
        ['publish', 'escalation.decided', '--as', 'dod', '--file', 'p.json'],
        {
          files: { 'p.json': JSON.stringify(validPayload('escalation.decided')) },
        },
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        'dod may not publish escalation.decided — publishers of escalation.decided: nsc',
      );
    });

    it('publish sends a valid message in the configured namespace', async () => {
      const bus = new FakeBus();
      const run = await runCli(
        ['publish', 'escalation.decided', '--as', 'nsc', '--file', 'p.json'],
        {
          bus,
          env: { BUS_NAMESPACE: 't1' },
          files: { 'p.json': JSON.stringify(validPayload('escalation.decided')) },
        },
      );
      expect(run.code).toBe(0);
      expect(bus.published[0].subject).toBe('t1.evt.nsc.escalation.decided.v1');
    });
  });

  describe('watch', () => {
    const event = (id: string, name: string, data: object) => ({
      id,
      event: name,
      data: JSON.stringify({
        id,
        type: `gov.icb.${name}.v1`,
        source: '/icb/dod',
        subject: ID,
        time: '2026-03-10T12:00:01.000Z',
        data,
      }),
    });

    it('prints one line per event and reconnects when the stream drops, until Ctrl-C', async () => {
      const api = new FakeApi();
      const ctrlC = new AbortController();
      api.eventScripts = [
        {
          events: [
            event('e1', 'signoff.submitted', { agency: 'dod', decision: 'concur', revision: 1 }),
          ],
          then: new ApiUnreachableError('connection reset'),
        },
        {
          events: [
            event('e2', 'consultation.status-changed', {
              from: 'in-review',
              to: 'approved',
              reason: 'all concurred',
            }),
          ],
          after: () => ctrlC.abort(),
        },
      ];
      const run = await runCli(['watch', '--type', 'signoff.'], { api, signal: ctrlC.signal });
      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/12:00:01 signoff\.submitted\s+6f1c2f9e dod\s+dod\s+concur\s+r1/);
      expect(lines[1]).toMatch(/consultation\.status-changed.*in-review → approved/);
      expect(run.stderr).toContain('reconnecting');
      expect(api.calls.filter((c) => c.method === 'events')).toHaveLength(2);
      expect(api.calls[0].args).toEqual([{ consultationId: undefined, type: 'signoff.' }]);
    });

    it('prints one envelope per line with --json', async () => {
      const api = new FakeApi();
      const ctrlC = new AbortController();
      api.eventScripts = [
        {
          events: [event('e1', 'signoff.submitted', {}), event('e2', 'signoff.submitted', {})],
          after: () => ctrlC.abort(),
        },
      ];
      const run = await runCli(['watch', '--json'], { api, signal: ctrlC.signal });
      expect(
        run.stdout
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { id: string }).id),
      ).toEqual(['e1', 'e2']);
    });

    it('exits 5 when the coordinator cannot be reached at the start', async () => {
      const api = new FakeApi();
      api.unreachable = true;
      expect((await runCli(['watch'], { api })).code).toBe(5);
    });
  });

  describe('dead letters and the dev clock', () => {
    const letter = (seq: number) => ({
      seq,
      record: {
        code: 'INVALID_MESSAGE',
        reason: 'envelope invalid',
        subject: 'icb.evt.dod.signoff.submitted.v1',
        consumer: 'coordinator',
        stream: 'ICB_EVENTS',
        streamSequence: seq * 10,
        deliveryCount: 1,
        data: '{}',
        encoding: 'utf8' as const,
        deadLetteredAt: '2026-03-10T11:00:00.000Z',
        headers: {},
      },
    });

    it('dlq ls shows each dead letter with its reason', async () => {
      const api = new FakeApi();
      api.deadLetterList = { total: 1, items: [letter(7)] };
      const run = await runCli(['dlq', 'ls', '--consumer', 'coordinator'], { api });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /7 .*coordinator.*icb\.evt\.dod\.signoff\.submitted\.v1.*INVALID_MESSAGE/,
      );
      expect(api.calls[0].args).toEqual([{ consumer: 'coordinator' }]);
    });

    it('dlq replay --all replays each one and reports them', async () => {
      const api = new FakeApi();
      api.deadLetterList = { total: 2, items: [letter(7), letter(8)] };
      const run = await runCli(['dlq', 'replay', '--all', '--json'], { api });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        replayed: [{ seq: 7 }, { seq: 8 }],
        failed: [],
      });
    });

    it('dlq replay wants a sequence or --all, not both', async () => {
      expect((await runCli(['dlq', 'replay'])).code).toBe(2);
      expect((await runCli(['dlq', 'replay', '3', '--all'])).code).toBe(2);
    });

    it('dlq discard of an unknown entry exits 3', async () => {
      expect((await runCli(['dlq', 'discard', '9'])).code).toBe(3);
    });

    it('clock advance sends the offset and prints the new time', async () => {
      const api = new FakeApi();
      const run = await runCli(['clock', 'advance', '--days', '10', '--hours', '2'], { api });
      expect(run.code).toBe(0);
      expect(api.calls[0].args).toEqual([{ days: 10, hours: 2 }]);
      expect(run.stdout).toContain('2026-03-20T14:00:00.000Z');
      expect(run.stdout).toContain(
        '+10d 2h 0m from real time; clocks that fell due changed 1 consultation(s)',
      );
    });

    it('clock on a coordinator without DEV_CLOCK exits 3 and says how to turn it on', async () => {
      const api = new FakeApi();
      api.devClockOn = false;
      const run = await runCli(['clock'], { api });
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('DEV_CLOCK=true');
    });
  });

  describe('usage', () => {
    it('--help exits 0 and documents the exit codes', async () => {
      const run = await runCli(['--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Exit codes:');
      expect(run.stdout).toContain('5  cannot reach the coordinator or NATS');
    });

    it('every command’s --help documents the exit codes too', async () => {
      const run = await runCli(['signoff', '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('--condition <"ID: text">');
      expect(run.stdout).toContain('Exit codes:');
    });

    it('an unknown command exits 2', async () => {
      const run = await runCli(['frobnicate']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("unknown command 'frobnicate'");
    });

    it('--json is accepted before the command as well as after it', async () => {
      const api = new FakeApi();
      const run = await runCli(['--json', 'ls'], { api });
      expect(JSON.parse(run.stdout)).toMatchObject({ total: 0 });
    });
  });
});
