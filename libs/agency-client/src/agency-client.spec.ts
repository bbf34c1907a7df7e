import { randomUUID } from 'node:crypto';
import { AGENCIES, MESSAGE_NAMES, MESSAGES, createBusValidator } from '@icb/contracts';
import { envelopeFor, validPayload } from '@icb/contracts/testing/message-cases';
import {
  AGENCY_PUBLISHABLE,
  AgencyClient,
  buildEnvelope,
  checkIncoming,
  mayPublish,
  type PublishableBy,
} from './agency-client';
import { InvalidMessageError, NotPermittedError } from './agency-client.errors';

const validator = createBusValidator();
const CAUSE = '7d3c1e2a-9b8f-4c6d-a5e4-3f2b1a0c9d8e';

describe('agency client: envelopes', () => {
  it('builds a CloudEvents envelope from the catalog, valid against the contract', () => {
    const id = randomUUID();
    const { envelope, subject } = buildEnvelope(
      'dod',
      'signoff.submitted',
      validPayload('signoff.submitted'),
      { id, correlationId: 'c0ffee00-0000-4000-8000-000000000001', causationId: CAUSE },
      validator,
    );
    expect(subject).toBe('icb.evt.dod.signoff.submitted.v1');
    expect(envelope).toMatchObject({
      specversion: '1.0',
      id,
      source: '/icb/dod',
      type: 'gov.icb.signoff.submitted.v1',
      dataschema: 'urn:icb:schema:signoff.submitted.v1',
      datacontenttype: 'application/json',
      subject: validPayload('signoff.submitted').consultationId,
      correlationid: 'c0ffee00-0000-4000-8000-000000000001',
      causationid: CAUSE,
      classification: 'UNCLASSIFIED',
      precedence: 'ROUTINE',
    });
    expect(validator.validateEnvelope('signoff.submitted', envelope).ok).toBe(true);
  });

  it('defaults the correlation id to the event id and generates ids', () => {
    const a = buildEnvelope('dod', 'review.acknowledged', validPayload('review.acknowledged'));
    const b = buildEnvelope('dod', 'review.acknowledged', validPayload('review.acknowledged'));
    expect(a.envelope.correlationid).toBe(a.envelope.id);
    expect(a.envelope.id).not.toBe(b.envelope.id);
  });

  it('takes classification and precedence from the payload, else the options, else defaults', () => {
    const fromPayload = buildEnvelope(
      'cia',
      'intel.assessment-shared',
      validPayload('intel.assessment-shared'),
      { classification: 'UNCLASSIFIED', precedence: 'FLASH' },
      validator,
    );
    expect(fromPayload.envelope.classification).toBe('SECRET//ORCON/NOFORN');
    expect(fromPayload.envelope.precedence).toBe('FLASH');
    const fromOptions = buildEnvelope(
      'dod',
      'signoff.submitted',
      validPayload('signoff.submitted'),
      { classification: 'CONFIDENTIAL', precedence: 'IMMEDIATE' },
      validator,
    );
    expect(fromOptions.envelope.classification).toBe('CONFIDENTIAL');
    expect(fromOptions.envelope.precedence).toBe('IMMEDIATE');
  });

  it('throws InvalidMessageError listing the problems, before sending', () => {
    const bad = { ...validPayload('signoff.submitted'), decision: 'maybe', revision: 0 };
    let error: unknown;
    try {
      buildEnvelope('dod', 'signoff.submitted', bad as never, {}, validator);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidMessageError);
    const problems = (error as InvalidMessageError).problems;
    expect(problems.some((p) => p.includes('/data/decision'))).toBe(true);
    expect(problems.some((p) => p.includes('/data/revision'))).toBe(true);
  });

  it('rejects an invalid marking given as an option', () => {
    expect(() =>
      buildEnvelope(
        'dod',
        'signoff.submitted',
        validPayload('signoff.submitted'),
        { classification: 'not a marking' },
        validator,
      ),
    ).toThrow(InvalidMessageError);
  });

  it('throws NotPermittedError for a message the agency may not publish', () => {
    expect(() =>
      buildEnvelope(
        'dod',
        'sanctions.list-loaded' as never,
        validPayload('sanctions.list-loaded') as never,
        {},
        validator,
      ),
    ).toThrow(NotPermittedError);
    expect(() =>
      buildEnvelope('dod', 'review.requested' as never, validPayload('review.requested') as never),
    ).toThrow(NotPermittedError);
  });
});

describe('agency client: permissions', () => {
  it('mirrors the catalog: the type-level table agrees with MESSAGES publishers', () => {
    for (const name of MESSAGE_NAMES) {
      const agencies = AGENCIES.filter((a) =>
        (MESSAGES[name].publishers as readonly string[]).includes(a),
      );
      const table = (AGENCY_PUBLISHABLE as Record<string, readonly string[] | undefined>)[name];
      expect({ name, agencies: [...(table ?? [])].sort() }).toEqual({
        name,
        agencies: [...agencies].sort(),
      });
      for (const a of AGENCIES) expect(mayPublish(a, name)).toBe(agencies.includes(a));
    }
  });

  it('only compiles messages the agency may publish', () => {
    const dod: PublishableBy<'dod'> = 'signoff.submitted';
    // @ts-expect-error Treasury-only message
    const notDod: PublishableBy<'dod'> = 'sanctions.list-loaded';
    // @ts-expect-error the coordinator's message
    const coordinators: PublishableBy<'dod'> = 'review.requested';
    const treasury: PublishableBy<'treasury'> = 'sanctions.list-loaded';
    expect([dod, notDod, coordinators, treasury]).toHaveLength(4);
    // The client method is constrained the same way (checked by tsc; not run).
    const typeCheckOnly = (client: AgencyClient<'dod'>): void => {
      void client.publish('signoff.submitted', validPayload('signoff.submitted'));
      // @ts-expect-error DoD may not publish a sanctions list
      void client.publish('sanctions.list-loaded', validPayload('sanctions.list-loaded'));
      // @ts-expect-error wrong payload for the message
      void client.publish('signoff.submitted', validPayload('review.acknowledged'));
    };
    expect(typeof typeCheckOnly).toBe('function');
  });
});

describe('agency client: incoming messages', () => {
  const request = envelopeFor('review.requested');
  const subject = 'icb.evt.coordinator.review.requested.v1.dod';

  it('accepts a review request addressed to the agency', () => {
    const r = checkIncoming('review.requested', 'dod', subject, JSON.stringify(request), validator);
    expect(r.ok).toBe(true);
  });

  it('rejects bodies that are not JSON or not valid', () => {
    const notJson = checkIncoming('review.requested', 'dod', subject, '{', validator);
    expect(notJson).toMatchObject({ ok: false, reason: 'not JSON' });
    const invalid = checkIncoming(
      'review.requested',
      'dod',
      subject,
      JSON.stringify({ ...request, data: { ...request.data, revision: -1 } }),
      validator,
    );
    expect(invalid.ok).toBe(false);
  });

  it('rejects an envelope from a party that may not publish it', () => {
    const forged = { ...request, source: '/icb/treasury' };
    const r = checkIncoming(
      'review.requested',
      'dod',
      'icb.evt.treasury.review.requested.v1.dod',
      JSON.stringify(forged),
      validator,
    );
    expect(r.ok).toBe(false);
  });

  it('rejects a request whose payload names another agency than the subject', () => {
    const other = envelopeFor('review.requested', {
      ...validPayload('review.requested'),
      agency: 'treasury',
    });
    const r = checkIncoming('review.requested', 'dod', subject, JSON.stringify(other), validator);
    expect(r).toMatchObject({ ok: false, reason: 'subject mismatch' });
  });
});
