import { generateKeyPairSync } from 'node:crypto';
import {
  AgencyKeyRegistry,
  createBusValidator,
  MessageName,
  Party,
  signingKeyFromJwk,
  subjectFor,
  withSignature,
} from '@icb/contracts';
import { envelopeFor, validPayload } from '@icb/contracts/testing/message-cases';
import { checkDelivery, DEFAULT_ENVELOPE_TIME_WINDOW, timeProblem } from './delivery-check';

const validator = createBusValidator();
const STORED = Date.parse('2026-03-02T14:00:00.000Z');
const DAY = 86_400_000;

/** A well-formed message of `name` published by `party`, sent now. */
function message<N extends MessageName>(
  name: N,
  party: Party,
  patch: Record<string, unknown> = {},
) {
  const data = validPayload(name);
  const envelope = {
    ...envelopeFor(name, data, { publisher: party }),
    time: new Date(STORED - 250).toISOString(),
    ...patch,
  };
  return { subject: subjectFor(name, party as never, data), envelope };
}

const check = (subject: string, body: unknown, storedAtMs = STORED) =>
  checkDelivery(
    {
      subject,
      data: body instanceof Uint8Array ? body : new TextEncoder().encode(JSON.stringify(body)),
      storedAtMs,
    },
    validator,
  );

describe('what a consumer accepts from the bus', () => {
  it('accepts a message its publisher may send', () => {
    const { subject, envelope } = message('signoff.submitted', 'dod');
    expect(check(subject, envelope)).toMatchObject({
      ok: true,
      name: 'signoff.submitted',
      parsed: { publisher: 'dod' },
    });
  });

  it('refuses a consultation.decided published by DoD: only the coordinator may decide', () => {
    const { envelope } = message('consultation.decided', 'dod', { source: '/icb/dod' });
    const verdict = check('icb.evt.dod.consultation.decided.v1', envelope);
    expect(verdict).toEqual({
      ok: false,
      reason: {
        code: 'PUBLISHER_NOT_ALLOWED',
        reason:
          'dod may not publish consultation.decided: the catalog lets only coordinator publish it',
      },
    });
  });

  it('refuses a message whose source names another party than its subject', () => {
    const { envelope } = message('signoff.submitted', 'nsc');
    expect(check('icb.evt.dod.signoff.submitted.v1', envelope)).toMatchObject({
      ok: false,
      reason: { code: 'SOURCE_MISMATCH' },
    });
  });

  it.each([
    ['an unknown message on a publisher’s own prefix', 'icb.evt.dod.consultation.forged.v1'],
    ['an unknown version', 'icb.evt.dod.signoff.submitted.v9'],
    ['an addressee on a message that has none', 'icb.evt.dod.signoff.submitted.v1.treasury'],
    ['no addressee on an addressed message', 'icb.evt.coordinator.review.requested.v1'],
    ['a subject that is no event subject', 'icb.evt.dod.x'],
  ])('refuses %s as an unknown subject', (_what, subject) => {
    const { envelope } = message('signoff.submitted', 'dod');
    expect(check(subject, envelope)).toMatchObject({
      ok: false,
      reason: {
        code: 'UNKNOWN_SUBJECT',
        reason: `no message in the catalog is published on ${subject}`,
      },
    });
  });

  it('refuses bytes that are not UTF-8 instead of reading U+FFFD into the data', () => {
    const { subject, envelope } = message('signoff.submitted', 'dod');
    const text = JSON.stringify(envelope);
    const at = text.indexOf('"correlationid":"') + '"correlationid":"'.length;
    // A Latin-1 é inside a string: not UTF-8.
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      Buffer.of(0xe9),
      Buffer.from(text.slice(at)),
    ]);
    expect(check(subject, new Uint8Array(bytes))).toMatchObject({
      ok: false,
      reason: { code: 'INVALID_UTF8', reason: `the message is not valid UTF-8 (byte ${at}: 0xe9)` },
    });
  });

  it('refuses a message nested deeper than any contract before parsing it', () => {
    const { subject } = message('signoff.submitted', 'dod');
    const deep = new TextEncoder().encode('['.repeat(100_000) + ']'.repeat(100_000));
    expect(check(subject, deep)).toMatchObject({ ok: false, reason: { code: 'TOO_DEEP' } });
  });

  it('refuses NUL or another control character in any string of the envelope', () => {
    const { subject, envelope } = message('signoff.submitted', 'dod');
    const withNul = {
      ...envelope,
      data: { ...envelope.data, rationale: 'Concur.\u0000 DROP TABLE' },
    };
    expect(check(subject, withNul)).toMatchObject({
      ok: false,
      eventId: envelope.id,
      reason: {
        code: 'CONTROL_CHARACTER',
        reason: expect.stringMatching(/^the envelope's data\.rationale contains U\+0000/),
      },
    });
  });

  it.each([
    ['in 2099', '2099-01-01T00:00:00.000Z'],
    ['in 1970', '1970-01-01T00:00:00.000Z'],
    ['more than a day ahead of the bus', new Date(STORED + DAY + 60_000).toISOString()],
  ])('refuses an agency message dated %s', (_what, time) => {
    const { subject, envelope } = message('signoff.submitted', 'dod', { time });
    expect(check(subject, envelope)).toMatchObject({
      ok: false,
      reason: { code: 'IMPLAUSIBLE_TIME', reason: expect.stringContaining(time) },
    });
  });

  it('accepts an agency message dated within the window, months old included (a replayed dead letter)', () => {
    for (const time of [STORED + DAY - 60_000, STORED - 200 * DAY]) {
      const { subject, envelope } = message('signoff.submitted', 'dod', {
        time: new Date(time).toISOString(),
      });
      expect(check(subject, envelope).ok).toBe(true);
    }
  });

  it('does not check the time of the coordinator’s own events: its clock may be the development clock', () => {
    const { subject, envelope } = message('review.requested', 'coordinator', {
      time: new Date(STORED + 400 * DAY).toISOString(),
    });
    expect(check(subject, envelope).ok).toBe(true);
  });

  it('says how far off a time is, in days or hours', () => {
    expect(timeProblem('2099-01-01T00:00:00Z', STORED, DEFAULT_ENVELOPE_TIME_WINDOW)).toBe(
      "time 2099-01-01T00:00:00Z lies more than 24 hours after the bus stored the message (2026-03-02T14:00:00.000Z): the sender's clock is wrong",
    );
    expect(timeProblem('1970-01-01T00:00:00Z', STORED, DEFAULT_ENVELOPE_TIME_WINDOW)).toMatch(
      /more than 366 days before/,
    );
  });
});

describe('an agency’s signature, checked last (ADR 15)', () => {
  const keyOf = (kid: string) => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return {
      signer: signingKeyFromJwk({ ...privateKey.export({ format: 'jwk' }), kid }),
      publicJwk: { ...publicKey.export({ format: 'jwk' }), kid },
    };
  };
  const dod = keyOf('dod-1');
  const nsc = keyOf('nsc-1');
  const keys = AgencyKeyRegistry.parse({
    keys: [
      { ...dod.publicJwk, agency: 'dod', effectiveFrom: '2026-01-01T00:00:00Z' },
      { ...nsc.publicJwk, agency: 'nsc', effectiveFrom: '2026-01-01T00:00:00Z' },
    ],
  });
  const checkSigned = (subject: string, body: unknown, storedAtMs = STORED) =>
    checkDelivery(
      { subject, data: new TextEncoder().encode(JSON.stringify(body)), storedAtMs },
      validator,
      DEFAULT_ENVELOPE_TIME_WINDOW,
      keys,
    );

  it('accepts a message signed by its publisher, and says which key and when it was received', () => {
    const { subject, envelope } = message('signoff.submitted', 'dod');
    expect(checkSigned(subject, withSignature(envelope, dod.signer))).toMatchObject({
      ok: true,
      signature: { kid: 'dod-1', receivedAt: '2026-03-02T14:00:00.000Z' },
    });
  });

  it.each([
    ['no signature', (e: object) => e, 'SIGNATURE_MISSING'],
    [
      'NSC’s signature on DoD’s subject',
      (e: object) => withSignature(e, nsc.signer),
      'SIGNER_NOT_PUBLISHER',
    ],
    [
      'a signature over another decision',
      (e: object) => ({
        ...withSignature(e, dod.signer),
        data: { ...(e as { data: object }).data, revision: 2 },
      }),
      'SIGNATURE_INVALID',
    ],
  ])('dead-letters %s', (_what, sign, code) => {
    const { subject, envelope } = message('signoff.submitted', 'dod');
    expect(checkSigned(subject, sign(envelope))).toMatchObject({
      ok: false,
      reason: { code },
      eventId: envelope.id,
    });
  });

  it('refuses a key not yet effective when the bus stored the message', () => {
    const { subject, envelope } = message('signoff.submitted', 'dod', {
      time: '2025-12-31T12:00:00.000Z',
    });
    expect(
      checkSigned(subject, withSignature(envelope, dod.signer), Date.parse('2025-12-31T12:00:01Z')),
    ).toMatchObject({ ok: false, reason: { code: 'SIGNING_KEY_NOT_EFFECTIVE' } });
  });

  it('reports an unsigned forgery for what is wrong with it first: the catalog, the schema, the source, the time', () => {
    const decided = message('consultation.decided', 'dod', { source: '/icb/dod' }).envelope;
    expect(checkSigned('icb.evt.dod.consultation.decided.v1', decided)).toMatchObject({
      reason: { code: 'PUBLISHER_NOT_ALLOWED' },
    });
    const { subject, envelope } = message('signoff.submitted', 'dod');
    expect(checkSigned(subject, { ...envelope, data: {} })).toMatchObject({
      reason: { code: 'INVALID_MESSAGE' },
    });
    expect(checkSigned(subject, { ...envelope, source: '/icb/nsc' })).toMatchObject({
      reason: { code: 'SOURCE_MISMATCH' },
    });
    expect(checkSigned(subject, { ...envelope, time: '2099-01-01T00:00:00Z' })).toMatchObject({
      reason: { code: 'IMPLAUSIBLE_TIME' },
    });
  });

  it('does not ask the coordinator’s own events for a signature', () => {
    const { subject, envelope } = message('review.requested', 'coordinator');
    expect(checkSigned(subject, envelope)).toMatchObject({ ok: true });
    expect(checkSigned(subject, envelope)).not.toHaveProperty('signature');
  });
});
