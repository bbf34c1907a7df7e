import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { TransactionPartyV1 } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { configureService } from '@icb/runtime';
import { authHeader, TestBus, testEnv, waitFor, asAgency } from '@icb/testing';
import { CoordinatorModule } from '../../coordinator/src/app.module';
import { COORDINATOR_API } from '../../coordinator/src/coordinator.api';
import { TreasuryAdapterModule } from '../src/app.module';

interface Consultation {
  status: string;
  signOffs: { agency: string; revision: number; decision: string; rationale?: string }[];
  screenings: {
    screeningId: string;
    result: string;
    list: { name: string; versionDate: string };
    matches: {
      partyName: string;
      listEntryUid: string;
      basis: string;
      ownershipPercent?: number;
    }[];
  }[];
}

function urlOf(app: NestExpressApplication): string {
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

async function boot(
  module: Parameters<typeof Test.createTestingModule>[0]['imports'],
  title: string,
): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: module }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>();
  try {
    configureService(app, title === 'coordinator' ? COORDINATOR_API : { title, description: '' });
    await app.listen(0, '127.0.0.1');
    await app.startAllMicroservices();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

/** An FMS case cleared by Treasury and DoD, with the given parties. */
function fmsCase(consultationId: string, parties: TransactionPartyV1[]) {
  const opened = validPayload('consultation.opened', {
    consultationId,
    clearingParties: ['treasury', 'dod'],
    requestedAt: new Date().toISOString(),
  });
  return { ...opened, attributes: { ...opened.attributes, parties } };
}

describe('the Treasury adapter: sanctions screening answers Treasury’s reviews', () => {
  let coordinator: NestExpressApplication | undefined;
  let adapter: NestExpressApplication | undefined;
  let bus: TestBus | undefined;

  const api = () => request.agent(adapter!.getHttpServer()).set(asAgency('treasury'));
  const consultation = async (id: string): Promise<Consultation> =>
    (
      await request
        .agent(coordinator!.getHttpServer())
        .set(authHeader())
        .get(`/consultations/${id}`)
        .expect(200)
    ).body as Consultation;

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await boot([CoordinatorModule.forRoot({ env })], 'coordinator');
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
    adapter = await boot(
      [TreasuryAdapterModule.forRoot({ env: { ...env, COORDINATOR_URL: urlOf(coordinator) } })],
      'Treasury adapter',
    );
  });

  afterAll(async () => {
    await bus?.close();
    await adapter?.close();
    await coordinator?.close();
  });

  it('shows the fictitious sample list in use', async () => {
    const res = await api().get('/sanctions/list').expect(200);
    expect(res.body).toMatchObject({
      name: 'OFAC SDN (fictitious sample)',
      versionDate: '2025-03-01',
      entryCount: 12,
      problems: 0,
    });
  });

  it('non-concurs on a consignee 50%-owned by a listed entity, with the match, and the case escalates', async () => {
    const id = randomUUID();
    await bus!.publishAs(
      'state-pm',
      'consultation.opened',
      fmsCase(id, [
        { name: 'Commonwealth of Australia', role: 'purchaser', country: 'AUS' },
        {
          name: 'Harbour Freight Forwarders Pty Ltd',
          role: 'consignee',
          country: 'AUS',
          ownership: [
            { ownerName: 'Placeholder Holdings Ltd.', percent: 50 },
            { ownerName: 'Local Investors Pty Ltd', percent: 50 },
          ],
        },
      ]),
    );

    const c = await waitFor(
      async () => {
        const found = await consultation(id);
        return found.signOffs.some((s) => s.agency === 'treasury') && found;
      },
      { description: 'Treasury’s sign-off at the coordinator' },
    );
    const signOff = c.signOffs.find((s) => s.agency === 'treasury')!;
    expect(signOff).toMatchObject({ revision: 1, decision: 'non-concur' });
    expect(signOff.rationale).toContain('Harbour Freight Forwarders Pty Ltd');
    expect(signOff.rationale).toContain('PLACEHOLDER HOLDINGS LTD.');
    expect(signOff.rationale).toContain('list entry uid 90005');
    expect(signOff.rationale).toContain('SAMPLE-PROGRAM-2');
    expect(signOff.rationale).toContain('ownership-50');
    expect(signOff.rationale).toContain('50%');

    expect(c.screenings).toHaveLength(1);
    expect(c.screenings[0]).toMatchObject({
      result: 'hit',
      list: { name: 'OFAC SDN (fictitious sample)', versionDate: '2025-03-01' },
      matches: [
        expect.objectContaining({
          partyName: 'Placeholder Holdings Ltd.',
          listEntryUid: '90005',
          basis: 'direct',
        }),
        expect.objectContaining({
          partyName: 'Harbour Freight Forwarders Pty Ltd',
          listEntryUid: '90005',
          basis: 'ownership-50',
          ownershipPercent: 50,
        }),
      ],
    });

    await waitFor(async () => (await consultation(id)).status === 'escalated', {
      description: 'the consultation escalated',
    });
  });

  it('concurs on a clean case', async () => {
    const id = randomUUID();
    await bus!.publishAs(
      'state-pm',
      'consultation.opened',
      fmsCase(id, [
        { name: 'Commonwealth of Australia', role: 'purchaser', country: 'AUS' },
        {
          name: 'Acme Logistics Pty Ltd',
          role: 'consignee',
          country: 'AUS',
          ownership: [{ ownerName: 'Acme Holdings Ltd', percent: 60 }],
        },
      ]),
    );
    const c = await waitFor(
      async () => {
        const found = await consultation(id);
        return found.signOffs.some((s) => s.agency === 'treasury') && found;
      },
      { description: 'Treasury’s sign-off at the coordinator' },
    );
    expect(c.signOffs.find((s) => s.agency === 'treasury')).toMatchObject({
      revision: 1,
      decision: 'concur',
    });
    expect(c.screenings).toEqual([expect.objectContaining({ result: 'clear', matches: [] })]);
    expect(c.status).toBe('in-review');
  });

  it('screens parties ad hoc without publishing', async () => {
    const res = await api()
      .post('/sanctions/screen')
      .send({
        parties: [{ name: 'Example Maritime Lines', role: 'intermediary', country: 'XXX' }],
      })
      .expect(200);
    expect(res.body).toMatchObject({
      result: 'hit',
      matches: [expect.objectContaining({ listEntryUid: '90002', basis: 'direct' })],
    });
    await api()
      .post('/sanctions/screen')
      .send({ parties: [{ name: 'x' }] })
      .expect(400);
  });

  it('reloads the list, announces it and re-screens what awaits Treasury', async () => {
    const res = await api().post('/sanctions/list/reload').expect(200);
    expect(res.body).toMatchObject({
      list: { name: 'OFAC SDN (fictitious sample)', entryCount: 12 },
      changed: [],
    });
    const loaded = await bus!.next('sanctions.list-loaded', (d) => d.entryCount === 12);
    expect(loaded.source).toBe('/icb/treasury');
  });
});
