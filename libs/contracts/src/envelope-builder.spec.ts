import { createBusValidator } from './bus-validator';
import { isConsultationScoped, MESSAGE_NAMES, MESSAGES, type MessageName } from './catalog';
import { buildEnvelope, EnvelopeBuildError } from './envelope-builder';
import { validPayload } from './testing/message-cases';
import { generateKeyPairSync } from 'node:crypto';
import {
  AgencyKeyRegistry,
  signEnvelope,
  signingKeyFromJwk,
  verifyEnvelopeSignature,
} from './signing';

const validator = createBusValidator();
const AT = new Date('2026-03-10T12:00:00.000Z');
const ID = '0b7e4c52-8f3a-4d19-a6e2-5c9d1f7a3b80';
const CAUSE = '7d3c1e2a-9b8f-4c6d-a5e4-3f2b1a0c9d8e';

function errorOf(fn: () => unknown): EnvelopeBuildError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EnvelopeBuildError) return e;
    throw e;
  }
  throw new Error('expected an EnvelopeBuildError');
}

describe('buildEnvelope: the one envelope every publisher sends', () => {
  it.each(MESSAGE_NAMES)(
    'a %s built by its publisher passes the bus validator',
    (name: MessageName) => {
      const publisher = MESSAGES[name].publishers[0];
      const envelope = buildEnvelope(name, validPayload(name), {
        publisher,
        defaultClassification: 'CUI//SP-EXPT//NOFORN',
      });
      const result = validator.validateEnvelope(name, JSON.parse(JSON.stringify(envelope)));
      expect(result).toEqual({ ok: true, envelope });
    },
  );

  it('fills every attribute from the catalog and the options', () => {
    const payload = validPayload('signoff.submitted');
    const envelope = buildEnvelope('signoff.submitted', payload, {
      publisher: 'dod',
      id: ID,
      time: AT,
      correlationId: CAUSE,
      causationId: CAUSE,
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      classification: 'SECRET//NOFORN',
      precedence: 'IMMEDIATE',
    });
    expect(envelope).toEqual({
      specversion: '1.0',
      id: ID,
      source: '/icb/dod',
      type: 'gov.icb.signoff.submitted.v1',
      time: AT.toISOString(),
      subject: payload.consultationId,
      datacontenttype: 'application/json',
      dataschema: 'urn:icb:schema:signoff.submitted.v1',
      correlationid: CAUSE,
      causationid: CAUSE,
      classification: 'SECRET//NOFORN',
      precedence: 'IMMEDIATE',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      data: payload,
    });
  });

  it('starts a new conversation with a new id, now, at ROUTINE, when not told otherwise', () => {
    const before = Date.now();
    const a = buildEnvelope('signoff.submitted', validPayload('signoff.submitted'), {
      publisher: 'dod',
      classification: 'UNCLASSIFIED',
    });
    const b = buildEnvelope('signoff.submitted', validPayload('signoff.submitted'), {
      publisher: 'dod',
      classification: 'UNCLASSIFIED',
    });
    expect(a.id).not.toBe(b.id);
    expect(a.correlationid).toBe(a.id);
    expect(a.precedence).toBe('ROUTINE');
    expect(Date.parse(a.time)).toBeGreaterThanOrEqual(before);
    expect(a).not.toHaveProperty('causationid');
    expect(a).not.toHaveProperty('traceparent');
  });

  it('refuses a consultation-scoped message nobody marked, rather than call it UNCLASSIFIED', () => {
    const error = errorOf(() =>
      buildEnvelope('signoff.submitted', validPayload('signoff.submitted'), { publisher: 'dod' }),
    );
    expect(error.code).toBe('MARKING_REQUIRED');
    expect(error.message).toMatch(/signoff\.submitted.*classification marking/);
  });

  it('lets a message about no consultation (a sanctions list) default to UNCLASSIFIED', () => {
    expect(isConsultationScoped('sanctions.list-loaded')).toBe(false);
    const envelope = buildEnvelope('sanctions.list-loaded', validPayload('sanctions.list-loaded'), {
      publisher: 'treasury',
    });
    expect(envelope.classification).toBe('UNCLASSIFIED');
  });

  it('counts every message whose subject is a consultation as consultation-scoped', () => {
    const scoped = MESSAGE_NAMES.filter(isConsultationScoped);
    expect(MESSAGE_NAMES.filter((n) => !scoped.includes(n))).toEqual(['sanctions.list-loaded']);
  });

  it("marks the event with the payload's marking when the payload carries one", () => {
    const payload = validPayload('consultation.opened', { classification: 'SECRET//NOFORN' });
    const envelope = buildEnvelope('consultation.opened', payload, { publisher: 'state-pm' });
    expect(envelope.classification).toBe('SECRET//NOFORN');
  });

  it("lets a given marking raise the payload's, never lower it", () => {
    const payload = validPayload('consultation.opened', { classification: 'SECRET//NOFORN' });
    const lower = buildEnvelope('consultation.opened', payload, {
      publisher: 'state-pm',
      classification: 'UNCLASSIFIED',
    });
    expect(lower.classification).toBe('SECRET//NOFORN');
    const higher = buildEnvelope('consultation.opened', payload, {
      publisher: 'state-pm',
      classification: 'TOP SECRET//ORCON/NOFORN',
    });
    expect(higher.classification).toBe('TOP SECRET//ORCON/NOFORN');
  });

  it('uses the fallback marking only when neither the payload nor the caller gives one', () => {
    const marked = buildEnvelope(
      'consultation.opened',
      validPayload('consultation.opened', { classification: 'CONFIDENTIAL' }),
      { publisher: 'state-pm', defaultClassification: 'SECRET' },
    );
    expect(marked.classification).toBe('CONFIDENTIAL');
    const unmarked = buildEnvelope('signoff.submitted', validPayload('signoff.submitted'), {
      publisher: 'dod',
      defaultClassification: 'SECRET',
    });
    expect(unmarked.classification).toBe('SECRET');
  });

  it('takes the more urgent of the payload precedence and the given one', () => {
    const payload = validPayload('consultation.opened', { precedence: 'PRIORITY' });
    const raised = buildEnvelope('consultation.opened', payload, {
      publisher: 'state-pm',
      precedence: 'FLASH',
    });
    expect(raised.precedence).toBe('FLASH');
    const notLowered = buildEnvelope('consultation.opened', payload, {
      publisher: 'state-pm',
      precedence: 'ROUTINE',
      defaultPrecedence: 'IMMEDIATE',
    });
    expect(notLowered.precedence).toBe('PRIORITY');
  });

  it('leaves an unreadable marking on the envelope for the bus validator to refuse', () => {
    const envelope = buildEnvelope('signoff.submitted', validPayload('signoff.submitted'), {
      publisher: 'dod',
      classification: 'SECRTE',
    });
    const result = validator.validateEnvelope('signoff.submitted', envelope);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.join('\n')).toMatch(/classification/);
  });

  it('refuses a party the catalog does not let publish the message', () => {
    const error = errorOf(() =>
      buildEnvelope('review.requested', validPayload('review.requested'), { publisher: 'dod' }),
    );
    expect(error.code).toBe('NOT_A_PUBLISHER');
  });

  it('refuses a name the catalog does not know', () => {
    const error = errorOf(() => buildEnvelope('signoff.sent' as never, {}, { publisher: 'dod' }));
    expect(error.code).toBe('UNKNOWN_MESSAGE');
  });
});

describe('the envelope builder signs, last, when given a signer (ADR 15)', () => {
  it('the JWS covers the envelope as built and verifies with the public key', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signer = signingKeyFromJwk({ ...privateKey.export({ format: 'jwk' }), kid: 'dod-1' });
    const registry = AgencyKeyRegistry.parse({
      keys: [
        {
          ...publicKey.export({ format: 'jwk' }),
          kid: 'dod-1',
          agency: 'dod',
          effectiveFrom: '2026-01-01T00:00:00Z',
        },
      ],
    });
    const envelope = buildEnvelope('signoff.submitted', validPayload('signoff.submitted'), {
      publisher: 'dod',
      classification: 'SECRET',
      signer,
    });
    expect(envelope.jws).toBe(signEnvelope(envelope, signer));
    expect(verifyEnvelopeSignature(envelope, 'dod', AT.getTime(), registry)).toEqual({
      ok: true,
      kid: 'dod-1',
    });
    expect(validator.validateEnvelope('signoff.submitted', envelope).ok).toBe(true);
    const unsigned = buildEnvelope('signoff.submitted', validPayload('signoff.submitted'), {
      publisher: 'dod',
      classification: 'SECRET',
    });
    expect(unsigned).not.toHaveProperty('jws');
  });
});
