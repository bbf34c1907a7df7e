import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgencyKeyRegistry, createBusValidator, verifyEnvelopeSignature } from '@icb/contracts';
import { testAgencyKeys } from '@icb/testing';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { UsageError, ValidationFailedError } from './cli.errors';
import { composeMessage, messageNameOf, signingKeysFrom } from './compose-message';

const AT = new Date('2026-03-10T12:00:00.000Z');

describe('composing a message for the bus', () => {
  it('builds the CloudEvents envelope an agency would publish, on its subject', () => {
    const payload = validPayload('signoff.submitted');
    const m = composeMessage('signoff.submitted', 'dod', payload, {
      id: '0b7e4c52-8f3a-4d19-a6e2-5c9d1f7a3b80',
      time: AT,
    });
    expect(m.subject).toBe('icb.evt.dod.signoff.submitted.v1');
    expect(m.envelope).toMatchObject({
      specversion: '1.0',
      id: '0b7e4c52-8f3a-4d19-a6e2-5c9d1f7a3b80',
      source: '/icb/dod',
      type: 'gov.icb.signoff.submitted.v1',
      dataschema: 'urn:icb:schema:signoff.submitted.v1',
      subject: payload.consultationId,
      correlationid: '0b7e4c52-8f3a-4d19-a6e2-5c9d1f7a3b80',
      classification: 'UNCLASSIFIED',
      precedence: 'ROUTINE',
      time: AT.toISOString(),
      data: payload,
    });
    expect(createBusValidator().validateEnvelope('signoff.submitted', m.envelope).ok).toBe(true);
  });

  it('takes marking and precedence from an opening, and puts the subject in the bus namespace', () => {
    const payload = validPayload('consultation.opened');
    const m = composeMessage('consultation.opened', 'state-pm', payload, { namespace: 't42' });
    expect(m.subject).toBe('t42.evt.state-pm.consultation.opened.v1');
    expect(m.envelope.classification).toBe(payload.classification);
    expect(m.envelope.precedence).toBe(payload.precedence);
  });

  it('refuses a party that may not publish the message', () => {
    expect(() =>
      composeMessage('consultation.opened', 'dod', validPayload('consultation.opened')),
    ).toThrow(new UsageError('dod may not publish consultation.opened'));
  });

  it('lists every problem of an invalid payload, and sends nothing', () => {
    const payload = { ...validPayload('signoff.submitted'), decision: 'non-concur', revision: 0 };
    let error: unknown;
    try {
      composeMessage('signoff.submitted', 'dod', payload);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).errors.join('\n')).toMatch(/revision/);
    expect((error as ValidationFailedError).errors.join('\n')).toMatch(/rationale/);
  });

  it('names the catalog when the message is unknown', () => {
    expect(() => messageNameOf('signoff.sent')).toThrow(UsageError);
    expect(messageNameOf('escalation.decided')).toBe('escalation.decided');
  });
});

describe('signing what the CLI publishes as an agency (ADR 15)', () => {
  const registry = AgencyKeyRegistry.parse(testAgencyKeys().registry);
  const empty = mkdtempSync(join(tmpdir(), 'icb-nokeys-'));

  it('signs with the agency’s key from AGENCY_SIGNING_KEYS', () => {
    const env = { AGENCY_SIGNING_KEYS: JSON.stringify(testAgencyKeys().privateJwks) };
    const m = composeMessage('signoff.submitted', 'dod', validPayload('signoff.submitted'), {
      time: AT,
      signingKeys: signingKeysFrom(env, empty),
    });
    expect(verifyEnvelopeSignature(m.envelope, 'dod', AT.getTime(), registry)).toEqual({
      ok: true,
      kid: 'dod-test-1',
    });
  });

  it('signs with ICB_SIGNING_KEY_FILE, and with the local stack’s key found from the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icb-keys-'));
    const file = join(dir, 'nsc.jwk');
    writeFileSync(file, JSON.stringify(testAgencyKeys().privateJwks.nsc));
    const payload = { ...validPayload('signoff.submitted'), agency: 'nsc' };
    const byFile = composeMessage('signoff.submitted', 'nsc', payload, {
      signingKeys: signingKeysFrom({ ICB_SIGNING_KEY_FILE: file }, empty),
    });
    expect(byFile.envelope.jws).toMatch(/^[\w-]+\.\.[\w-]{86}$/);
    const stack = join(dir, '.local', 'stack', 'keys');
    mkdirSync(stack, { recursive: true });
    writeFileSync(join(stack, 'nsc.private.jwk'), JSON.stringify(testAgencyKeys().privateJwks.nsc));
    const local = composeMessage('signoff.submitted', 'nsc', payload, {
      signingKeys: signingKeysFrom({}, join(dir, 'some', 'sub', 'dir')),
    });
    expect(verifyEnvelopeSignature(local.envelope, 'nsc', Date.now(), registry)).toMatchObject({
      ok: true,
    });
  });

  it('refuses to publish as an agency it has no key for, before anything is sent', () => {
    expect(() =>
      composeMessage('signoff.submitted', 'dod', validPayload('signoff.submitted'), {
        signingKeys: signingKeysFrom({}, empty),
      }),
    ).toThrow(/no signing key for dod/);
  });
});
