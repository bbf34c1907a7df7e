import { validatePayloadWithClassValidator } from '@icb/contracts';
import { ACTION_OFFICES } from './action-offices';
import { mapFmsRequest } from './fms-request.mapper';
import type { FmsLetterOfRequest } from './native-requests';

const ctx = {
  consultationId: '0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21',
  requestedAt: '2026-03-02T14:30:00.000Z',
};

function lor(overrides: Partial<FmsLetterOfRequest> = {}): FmsLetterOfRequest {
  return {
    lorNumber: 'SR-D-QAB',
    purchaser: { country: 'SAU', name: 'Ministry of Defense of Saudi Arabia' },
    articles: [
      {
        description: 'PAC-3 MSE missile',
        quantity: 300,
        usmlCategory: 'IV',
        mde: true,
        valueUsd: 1_500_000_000,
      },
      {
        description: 'M903 launching station',
        quantity: 6,
        usmlCategory: 'IV',
        mde: true,
        valueUsd: 300_000_000,
      },
      { description: 'Spare parts', quantity: 1, mde: false, valueUsd: 50_000_000 },
    ],
    services: [{ description: 'Training and support', valueUsd: 300_000_000 }],
    summary: 'Letter of Request for PAC-3 MSE missiles.',
    ...overrides,
  };
}

describe('mapFmsRequest: values by AECA §36(b) column', () => {
  it.each<[string, Partial<FmsLetterOfRequest>, { category: string; amountUsd: number }[]]>([
    [
      'MDE articles, other articles and services',
      {},
      [
        { category: 'major-defense-equipment', amountUsd: 1_800_000_000 },
        { category: 'defense-articles-services', amountUsd: 350_000_000 },
      ],
    ],
    [
      'design and construction stated',
      { designAndConstructionUsd: 250_000_000 },
      [
        { category: 'major-defense-equipment', amountUsd: 1_800_000_000 },
        { category: 'defense-articles-services', amountUsd: 350_000_000 },
        { category: 'design-construction', amountUsd: 250_000_000 },
      ],
    ],
    [
      'services only: no MDE column',
      { articles: [], services: [{ description: 'Pilot training', valueUsd: 60_000_000 }] },
      [{ category: 'defense-articles-services', amountUsd: 60_000_000 }],
    ],
    [
      'non-MDE articles only',
      {
        articles: [{ description: 'Radios', quantity: 100, mde: false, valueUsd: 20_000_000 }],
        services: [],
      },
      [{ category: 'defense-articles-services', amountUsd: 20_000_000 }],
    ],
    ['nothing priced: no values', { articles: [], services: [] }, []],
  ])('%s', (_name, overrides, values) => {
    expect(mapFmsRequest(lor(overrides), ctx).attributes.values).toEqual(values);
  });
});

describe('mapFmsRequest: parties', () => {
  it.each<[string, Partial<FmsLetterOfRequest>, unknown[]]>([
    [
      'purchaser only',
      {},
      [{ name: 'Ministry of Defense of Saudi Arabia', role: 'purchaser', country: 'SAU' }],
    ],
    [
      'end user, consignee and an intermediary with its owners',
      {
        endUser: { name: 'Royal Saudi Air Defense Forces', country: 'SAU' },
        consignee: { name: 'Gulf Freight LLC', country: 'ARE' },
        intermediaries: [
          {
            name: 'Acme Brokers',
            country: 'CYP',
            owners: [
              { name: 'Blocked Holdings', percent: 50 },
              { name: 'J. Doe', percent: 50 },
            ],
          },
          { name: 'Plain Agent', country: 'GBR' },
        ],
      },
      [
        { name: 'Ministry of Defense of Saudi Arabia', role: 'purchaser', country: 'SAU' },
        { name: 'Royal Saudi Air Defense Forces', role: 'end-user', country: 'SAU' },
        { name: 'Gulf Freight LLC', role: 'consignee', country: 'ARE' },
        {
          name: 'Acme Brokers',
          role: 'intermediary',
          country: 'CYP',
          ownership: [
            { ownerName: 'Blocked Holdings', percent: 50 },
            { ownerName: 'J. Doe', percent: 50 },
          ],
        },
        { name: 'Plain Agent', role: 'intermediary', country: 'GBR' },
      ],
    ],
  ])('%s', (_name, overrides, parties) => {
    expect(mapFmsRequest(lor(overrides), ctx).attributes.parties).toEqual(parties);
  });
});

describe('mapFmsRequest: the rest of the message', () => {
  it('is an fms-case owned by PM/DS, referenced by the LOR number, with defaults', () => {
    const m = mapFmsRequest(lor(), ctx);
    expect(m).toMatchObject({
      consultationId: ctx.consultationId,
      kind: 'fms-case',
      actionOffice: ACTION_OFFICES['fms-case'],
      title: 'Ministry of Defense of Saudi Arabia - PAC-3 MSE missile',
      reference: 'SR-D-QAB',
      classification: 'UNCLASSIFIED',
      precedence: 'ROUTINE',
      requestedAt: ctx.requestedAt,
    });
    expect(m.actionOffice).toBe('PM/DS');
    expect(m.attributes.country).toBe('SAU');
    expect(m.attributes.items).toEqual([
      { description: 'PAC-3 MSE missile', quantity: 300, usmlCategory: 'IV' },
      { description: 'M903 launching station', quantity: 6, usmlCategory: 'IV' },
      { description: 'Spare parts', quantity: 1 },
    ]);
  });

  it('keeps the stated title, marking and precedence', () => {
    const m = mapFmsRequest(
      lor({ title: 'KSA PAC-3', classification: 'CUI//SP-EXPT//NOFORN', precedence: 'PRIORITY' }),
      ctx,
    );
    expect(m).toMatchObject({
      title: 'KSA PAC-3',
      classification: 'CUI//SP-EXPT//NOFORN',
      precedence: 'PRIORITY',
    });
  });

  it('produces a message the contract accepts', () => {
    const m = mapFmsRequest(
      lor({
        intermediaries: [{ name: 'A', country: 'CYP', owners: [{ name: 'B', percent: 10 }] }],
      }),
      ctx,
    );
    expect(validatePayloadWithClassValidator('consultation.opened', m)).toMatchObject({ ok: true });
  });

  it('lets the contract catch what the mapping cannot fix (a bad marking)', () => {
    const m = mapFmsRequest(lor({ classification: 'SECRETISH' }), ctx);
    const checked = validatePayloadWithClassValidator('consultation.opened', m);
    expect(checked.ok).toBe(false);
  });
});
