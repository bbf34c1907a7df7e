import { validatePayloadWithClassValidator, type ConsultationOpenedV1 } from '@icb/contracts';
import type { OpeningContext } from './fms-request.mapper';
import {
  mapArmsControlFinding,
  mapExportLicense,
  mapNonproliferationConcern,
  mapRegionalSecurity,
  mapSecurityCooperation,
} from './native-request.mappers';

const ctx: OpeningContext = {
  consultationId: '0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21',
  requestedAt: '2026-03-02T14:30:00.000Z',
};

const cases: [string, () => ConsultationOpenedV1, Partial<ConsultationOpenedV1>][] = [
  [
    'export licence',
    () =>
      mapExportLicense(
        {
          applicationNumber: 'DSP5-26-000123',
          applicant: 'Acme Avionics Inc.',
          country: 'IND',
          foreignConsignee: { name: 'HAL Bengaluru', country: 'IND' },
          endUser: { name: 'Indian Air Force', country: 'IND' },
          commodity: { description: 'Targeting pod', quantity: 12, usmlCategory: 'XII' },
          valueUsd: 48_000_000,
          summary: 'Permanent export of targeting pods.',
        },
        ctx,
      ),
    {
      kind: 'technology-transfer',
      actionOffice: 'PM/DDTC',
      reference: 'DSP5-26-000123',
      summary: 'Permanent export of targeting pods. (applicant: Acme Avionics Inc.)',
      attributes: {
        country: 'IND',
        values: [{ category: 'defense-articles-services', amountUsd: 48_000_000 }],
        items: [{ description: 'Targeting pod', quantity: 12, usmlCategory: 'XII' }],
        parties: [
          { name: 'HAL Bengaluru', role: 'consignee', country: 'IND' },
          { name: 'Indian Air Force', role: 'end-user', country: 'IND' },
        ],
      },
    },
  ],
  [
    'security cooperation',
    () =>
      mapSecurityCooperation(
        {
          program: 'IMET-2026-PHL',
          partner: { name: 'Armed Forces of the Philippines', country: 'PHL' },
          activities: [{ description: 'Officer education', quantity: 40 }],
          valueUsd: 2_000_000,
          summary: 'International military education and training.',
        },
        ctx,
      ),
    {
      kind: 'security-cooperation',
      actionOffice: 'PM/M',
      title: 'Armed Forces of the Philippines - IMET-2026-PHL',
      attributes: {
        country: 'PHL',
        values: [{ category: 'defense-articles-services', amountUsd: 2_000_000 }],
        items: [{ description: 'Officer education', quantity: 40 }],
        parties: [{ name: 'Armed Forces of the Philippines', role: 'end-user', country: 'PHL' }],
      },
    },
  ],
  [
    'arms-control finding',
    () =>
      mapArmsControlFinding(
        { agreement: 'New START', country: 'RUS', summary: 'Inspection access denied.' },
        ctx,
      ),
    {
      kind: 'arms-control',
      actionOffice: 'PM/CAT',
      title: 'New START - compliance finding (RUS)',
      attributes: { country: 'RUS', values: [], items: [], parties: [] },
    },
  ],
  [
    'nonproliferation concern',
    () =>
      mapNonproliferationConcern(
        {
          country: 'IRN',
          entities: [
            { name: 'Front Co', country: 'ARE', owners: [{ name: 'Listed Corp', percent: 60 }] },
          ],
          items: [{ description: 'Carbon fibre', quantity: 5 }],
          summary: 'Procurement network for missile components.',
          reference: 'NP-26-4',
        },
        ctx,
      ),
    {
      kind: 'nonproliferation',
      actionOffice: 'PM/NP',
      reference: 'NP-26-4',
      attributes: {
        country: 'IRN',
        values: [],
        items: [{ description: 'Carbon fibre', quantity: 5 }],
        parties: [
          {
            name: 'Front Co',
            role: 'intermediary',
            country: 'ARE',
            ownership: [{ ownerName: 'Listed Corp', percent: 60 }],
          },
        ],
      },
    },
  ],
  [
    'regional security',
    () =>
      mapRegionalSecurity(
        { region: 'Indo-Pacific', country: 'PHL', summary: 'Maritime security posture.' },
        ctx,
      ),
    {
      kind: 'regional-security',
      actionOffice: 'PM/RA',
      title: 'Indo-Pacific - regional security (PHL)',
      attributes: { country: 'PHL', values: [], items: [], parties: [] },
    },
  ],
];

describe('native requests → consultation.opened', () => {
  it.each(cases)('%s: kind, office and attributes', (_name, map, expected) => {
    expect(map()).toMatchObject({
      consultationId: ctx.consultationId,
      requestedAt: ctx.requestedAt,
      classification: 'UNCLASSIFIED',
      precedence: 'ROUTINE',
      ...expected,
    });
  });

  it.each(cases)('%s: the contract accepts the message', (_name, map) => {
    expect(validatePayloadWithClassValidator('consultation.opened', map())).toMatchObject({
      ok: true,
    });
  });

  it('an MDE-flagged export licence counts in the MDE column', () => {
    const m = mapExportLicense(
      {
        applicationNumber: 'X-1',
        applicant: 'A',
        country: 'IND',
        foreignConsignee: { name: 'C', country: 'IND' },
        endUser: { name: 'E', country: 'IND' },
        commodity: { description: 'Howitzer', quantity: 2, usmlCategory: 'II', mde: true },
        valueUsd: 30_000_000,
        summary: 'S',
      },
      ctx,
    );
    expect(m.attributes.values).toEqual([
      { category: 'major-defense-equipment', amountUsd: 30_000_000 },
    ]);
  });
});
