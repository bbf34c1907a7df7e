/*
 * DoD's technical and releasability review through its adapter: an
 * incomplete review holds DoD's clock, a concurrence is refused while the hold
 * stands, and the complete review releases the hold and concurs with its
 * security conditions. Real nats-server, real FerretDB, real HTTP between the
 * adapter and the coordinator; what DoD does is observed on the bus and in
 * DoD's own view of the consultation.
 */
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { Agency } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { TestBus, startHttpService, testEnv, urlOf, waitFor, asAgency } from '@icb/testing';
import { CoordinatorModule } from '../../coordinator/src/app.module';
import { COORDINATOR_API } from '../../coordinator/src/coordinator.api';
import { DodAdapterModule } from '../src/app.module';
import { DOD_ADAPTER_API } from '../src/dod-adapter.api';

const officer = { name: 'J. Smith', title: 'DSCA Country Director' };

const AT = {
  id: 'DOD-AT-1',
  text: 'Anti-tamper protection on all guidance sections.',
  category: 'technology-security',
};
const COMSEC = {
  id: 'DOD-COMSEC-1',
  text: 'COMSEC equipment only under a COMSEC agreement.',
  category: 'security',
};
const EEUM = {
  id: 'DOD-EEUM-1',
  text: 'Enhanced end-use monitoring with serial-number inventories.',
  category: 'end-use-monitoring',
};

interface DodView {
  revision: number;
  review: { state: string; hold?: { reason: string } };
  conditions: { id: string; category?: string; status: string }[];
  signOffs: { decision: string; rationale?: string }[];
}

interface Result {
  outcome: string;
  outstandingAreas: string[];
  published: { message: string; eventId: string; verdict: { outcome: string } }[];
  verdict?: { outcome: string };
}

describe('the DoD adapter: technical and releasability review over the coordinator', () => {
  let coordinator: NestExpressApplication | undefined;
  let dod: NestExpressApplication | undefined;
  let bus: TestBus | undefined;

  const api = () => request.agent(dod!.getHttpServer()).set(asAgency('dod', { officer }));
  const view = async (id: string): Promise<DodView | false> => {
    const res = await api().get(`/reviews/${id}`);
    return res.status === 200 && (res.body as DodView);
  };
  const technicalReview = (id: string, findings: unknown[], revision = 1) =>
    api().post(`/reviews/${id}/technical-review`).send({ revision, findings });

  /** Opens a consultation as State/PM and waits until DoD's review of it is pending. */
  async function open(clearingParties: Agency[] = ['dod', 'nsc']): Promise<string> {
    const consultationId = randomUUID();
    await bus!.publishAs(
      'state-pm',
      'consultation.opened',
      validPayload('consultation.opened', {
        consultationId,
        clearingParties,
        requestedAt: new Date().toISOString(),
      }),
    );
    if (clearingParties.includes('dod')) {
      await waitFor(
        async () => {
          const v = await view(consultationId);
          return v && v.review.state === 'pending';
        },
        {
          description: 'DoD’s pending review',
        },
      );
    } else {
      await bus!.next('review.requested', (d) => d.consultationId === consultationId);
    }
    return consultationId;
  }

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await startHttpService(CoordinatorModule.forRoot({ env }), COORDINATOR_API.title);
    dod = await startHttpService(
      DodAdapterModule.forRoot({
        httpPort: 0,
        env: { ...env, COORDINATOR_URL: urlOf(coordinator) },
      }),
      DOD_ADAPTER_API.title,
    );
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  });

  afterAll(async () => {
    await bus?.close();
    await dod?.close();
    await coordinator?.close();
  });

  it('holds while areas are outstanding, refuses to concur under the hold, then releases it and concurs with the security conditions', async () => {
    const id = await open();

    // Incomplete: releasability in progress, technology security not reported.
    const held = await technicalReview(id, [
      { area: 'technical', finding: 'releasable' },
      {
        area: 'releasability',
        finding: 'incomplete',
        reason: 'Releasability determination pending',
      },
    ]).expect(200);
    expect(held.body).toMatchObject({
      outcome: 'hold',
      outstandingAreas: ['releasability', 'technology-security'],
      published: [{ message: 'review.hold-placed' }],
    });
    const hold = await bus!.next(
      'review.hold-placed',
      (d) => d.consultationId === id && d.agency === 'dod',
    );
    expect(hold.data.reason).toBe(
      'DoD technical and releasability review incomplete; outstanding: releasability (Releasability determination pending); technology-security (not reported)',
    );
    await waitFor(
      async () => {
        const v = await view(id);
        return v && v.review.hold !== undefined;
      },
      {
        description: 'the hold at the coordinator',
      },
    );

    // Still incomplete: the standing hold is not placed twice.
    const again = await technicalReview(id, [
      { area: 'technical', finding: 'releasable' },
      { area: 'releasability', finding: 'incomplete' },
      { area: 'technology-security', finding: 'releasable' },
    ]).expect(200);
    expect((again.body as Result).published).toEqual([]);

    // The generic sign-off may not concur while DoD holds its review.
    const refused = await api()
      .post(`/reviews/${id}/sign-off`)
      .send({ decision: 'concur' })
      .expect(409);
    expect((refused.body as { message: string }).message).toMatch(/holds its review/);

    // Complete, releasable with security conditions.
    const answered = await technicalReview(id, [
      { area: 'technical', finding: 'releasable' },
      { area: 'releasability', finding: 'releasable-with-conditions', conditions: [COMSEC, EEUM] },
      { area: 'technology-security', finding: 'releasable-with-conditions', conditions: [AT] },
    ]).expect(200);
    const result = answered.body as Result;
    expect(result).toMatchObject({ outcome: 'concur-with-conditions', outstandingAreas: [] });
    expect(result.published.map((p) => p.message)).toEqual([
      'review.hold-released',
      'signoff.submitted',
    ]);
    // The coordinator accepted both; the answer's verdict is the sign-off's.
    expect(result.published.map((p) => p.verdict.outcome)).toEqual(['accepted', 'accepted']);
    expect(result.verdict).toEqual(result.published[1].verdict);

    const signOff = await bus!.next(
      'signoff.submitted',
      (d) => d.consultationId === id && d.agency === 'dod',
    );
    expect(signOff.data).toMatchObject({
      revision: 1,
      decision: 'concur-with-conditions',
      conditions: [COMSEC, EEUM, AT],
      officer, // the one the access token names (ADR 18)
    });
    const release = bus!.of('review.hold-released', id);
    expect(release.map((e) => e.id)).toEqual([result.published[0].eventId]);
    expect(signOff.causationid).toBe(release[0].id);
    expect(bus!.of('signoff.submitted', id)).toHaveLength(1);

    const done = await waitFor(
      async () => {
        const v = await view(id);
        return v && v.review.state === 'answered' && v;
      },
      { description: 'DoD’s answer at the coordinator' },
    );
    expect(done.review.hold).toBeUndefined();
    expect(done.conditions.map((k) => [k.id, k.category, k.status])).toEqual([
      ['DOD-COMSEC-1', 'security', 'active'],
      ['DOD-EEUM-1', 'end-use-monitoring', 'active'],
      ['DOD-AT-1', 'technology-security', 'active'],
    ]);

    // Answered: a second form is refused.
    await technicalReview(id, [
      { area: 'technical', finding: 'releasable' },
      { area: 'releasability', finding: 'releasable' },
      { area: 'technology-security', finding: 'releasable' },
    ]).expect(409);
  });

  it('releases its hold and answers when the complete form follows the incomplete one at once', async () => {
    const id = await open();
    // No wait between the two forms (the race with the coordinator's view is in the service's unit spec).
    await technicalReview(id, [
      { area: 'technical', finding: 'incomplete', reason: 'Test data pending' },
    ]).expect(200);
    const answered = await technicalReview(id, [
      { area: 'technical', finding: 'releasable' },
      { area: 'releasability', finding: 'releasable' },
      { area: 'technology-security', finding: 'releasable' },
    ]).expect(200);
    expect((answered.body as Result).published.map((p) => p.message)).toEqual([
      'review.hold-released',
      'signoff.submitted',
    ]);
    // In the end DoD's review is answered with no hold left on it.
    await waitFor(
      async () => {
        const v = await view(id);
        return v && v.review.state === 'answered' && v.review.hold === undefined;
      },
      { description: 'DoD answered, hold released' },
    );
  });

  it('non-concurs with the reasons when an area is not releasable, without a hold', async () => {
    const id = await open();
    const res = await technicalReview(id, [
      { area: 'technical', finding: 'releasable' },
      {
        area: 'releasability',
        finding: 'not-releasable',
        reason: 'The seeker is not releasable to this country.',
      },
      { area: 'technology-security', finding: 'releasable-with-conditions', conditions: [AT] },
    ]).expect(200);
    expect(res.body).toMatchObject({
      outcome: 'non-concur',
      published: [{ message: 'signoff.submitted' }],
    });
    const signOff = await bus!.next(
      'signoff.submitted',
      (d) => d.consultationId === id && d.agency === 'dod',
    );
    expect(signOff.data.decision).toBe('non-concur');
    expect(signOff.data.conditions).toBeUndefined();
    expect(signOff.data.rationale).toMatch(
      /releasability: The seeker is not releasable to this country\./,
    );
    expect(bus!.of('review.hold-placed', id)).toEqual([]);
    expect(bus!.of('review.hold-released', id)).toEqual([]);
  });

  it('concurs when every area is releasable, and the generic sign-off still works without a hold', async () => {
    const first = await open();
    const res = await technicalReview(first, [
      { area: 'technical', finding: 'releasable' },
      { area: 'releasability', finding: 'releasable' },
      { area: 'technology-security', finding: 'releasable' },
    ]).expect(200);
    expect(res.body).toMatchObject({
      outcome: 'concur',
      published: [{ message: 'signoff.submitted' }],
    });
    const concur = await bus!.next('signoff.submitted', (d) => d.consultationId === first);
    expect(concur.data).toMatchObject({ agency: 'dod', decision: 'concur' });

    const second = await open();
    await api().post(`/reviews/${second}/sign-off`).send({ decision: 'concur' }).expect(200);
    await bus!.next('signoff.submitted', (d) => d.consultationId === second && d.agency === 'dod');
  });

  it('refuses a form that is malformed, for another revision, or on a matter DoD does not clear', async () => {
    const id = await open();
    const bad = await technicalReview(id, [
      { area: 'logistics', finding: 'releasable' },
      { area: 'technical', finding: 'releasable', conditions: [AT] },
      { area: 'releasability', finding: 'not-releasable' },
    ]).expect(400);
    const problems = (bad.body as { message: string[] }).message.join('\n');
    expect(problems).toMatch(/area must be one of/);
    expect(problems).toMatch(
      /conditions is allowed only when finding is releasable-with-conditions/,
    );
    expect(problems).toMatch(/reason/);

    // A rule the OpenAPI document can state only in words (each area once): 422, not 400.
    const twice = await technicalReview(id, [
      { area: 'technical', finding: 'releasable' },
      { area: 'technical', finding: 'incomplete' },
    ]).expect(422);
    expect((twice.body as { message: string[] }).message).toEqual([
      'area technical is reported more than once',
    ]);

    const stale = await technicalReview(
      id,
      [{ area: 'technical', finding: 'releasable' }],
      2,
    ).expect(409);
    expect((stale.body as { message: string }).message).toMatch(/revision 2/);

    const notOurs = await open(['nsc', 'treasury']);
    await technicalReview(notOurs, [{ area: 'technical', finding: 'releasable' }]).expect(404);

    expect(bus!.of('review.hold-placed', id)).toEqual([]);
    expect(bus!.of('signoff.submitted', id)).toEqual([]);
  });
});
