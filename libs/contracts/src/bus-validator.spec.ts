import { MESSAGE_NAMES } from './catalog';
import { createBusValidator, validatePayloadWithClassValidator } from './bus-validator';
import { envelopeFor, MESSAGE_CASES, validPayload } from './testing/message-cases';

const bus = createBusValidator();

describe('the bus validator (ajv) and the edge validator (class-validator) agree', () => {
  it('covers every message with at least one good and three bad cases', () => {
    for (const name of MESSAGE_NAMES) {
      const cases = MESSAGE_CASES.filter((c) => c.name === name);
      expect({
        name,
        good: cases.some((c) => c.valid),
        bad: cases.filter((c) => !c.valid).length >= 3,
      }).toEqual({
        name,
        good: true,
        bad: true,
      });
    }
  });

  it.each(MESSAGE_CASES.map((c) => [c.name, c.description, c] as const))(
    '%s %s',
    (_name, _description, c) => {
      const ajv = bus.validatePayload(c.name, c.data);
      const cv = validatePayloadWithClassValidator(c.name, c.data);
      const inEnvelope = bus.validateEnvelope(c.name, {
        ...envelopeFor(c.name),
        data: c.data,
        subject: subjectOf(c.data),
      });
      expect({ ajv: ajv.ok, classValidator: cv.ok, envelope: inEnvelope.ok }).toEqual({
        ajv: c.valid,
        classValidator: c.valid,
        envelope: c.valid,
      });
      if (!c.valid) {
        expect(ajv.ok || ajv.errors.length > 0).toBe(true);
        expect(cv.ok || cv.errors.length > 0).toBe(true);
      }
    },
  );
});

/** The envelope subject a test envelope should carry for this data (the consultation id when it has one). */
function subjectOf(data: unknown): string {
  const id = (data as { consultationId?: unknown } | null)?.consultationId;
  return typeof id === 'string' && id.length > 0 ? id : 'SDN@2025-02-28';
}

describe('validateEnvelope', () => {
  const name = 'signoff.submitted';

  it('accepts a well-formed envelope and returns it typed', () => {
    const envelope = envelopeFor(name, validPayload(name), { publisher: 'dod' });
    const result = bus.validateEnvelope(name, envelope);
    expect(result.ok && result.envelope.data.decision).toBe('concur-with-conditions');
  });

  it('accepts the optional causation id and trace context', () => {
    const envelope = {
      ...envelopeFor(name, validPayload(name), { publisher: 'dod' }),
      causationid: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    };
    expect(bus.validateEnvelope(name, envelope).ok).toBe(true);
  });

  it.each([
    ['a spec version other than 1.0', { specversion: '0.3' }, '/specversion must be "1.0"'],
    ['an event id that is not a UUID', { id: 'evt-1' }, '/id must match pattern'],
    [
      'a source that is not one of the publishers',
      { source: '/icb/coordinator' },
      '/source must match pattern',
    ],
    [
      'the type of another message',
      { type: 'gov.icb.signoff.submitted.v2' },
      '/type must be "gov.icb.signoff.submitted.v1"',
    ],
    ['a time without a zone', { time: '2025-03-03T14:00:00' }, '/time must match'],
    [
      'another data content type',
      { datacontenttype: 'text/plain' },
      '/datacontenttype must be "application/json"',
    ],
    [
      'the schema of another message',
      { dataschema: 'urn:icb:schema:review.requested.v1' },
      '/dataschema must be',
    ],
    [
      'an invalid classification banner',
      { classification: 'SECRET//NOFORN//REL TO USA, GBR' },
      '/classification must match',
    ],
    [
      'an unknown precedence',
      { precedence: 'NIACT' },
      '/precedence must be one of: FLASH, IMMEDIATE, PRIORITY, ROUTINE',
    ],
    ['a malformed traceparent', { traceparent: '01-xyz' }, '/traceparent must match pattern'],
    [
      'an unknown attribute',
      { partitionkey: 'x' },
      "(root) must NOT have additional property 'partitionkey'",
    ],
    [
      'a subject that is not the consultation of the data',
      { subject: 'someone-else' },
      '/subject must be',
    ],
  ])('rejects %s', (_what, patch, message) => {
    const envelope = { ...envelopeFor(name, validPayload(name), { publisher: 'dod' }), ...patch };
    const result = bus.validateEnvelope(name, envelope);
    expect(result.ok ? [] : result.errors.join('\n')).toContain(message);
  });

  it('rejects an envelope without data, naming the missing attribute', () => {
    const { data: _data, ...rest } = envelopeFor(name, validPayload(name), { publisher: 'dod' });
    const result = bus.validateEnvelope(name, rest);
    expect(result).toEqual({ ok: false, errors: ["(root) must have required property 'data'"] });
  });

  it('reports the path of an invalid nested field', () => {
    const data = { ...validPayload(name), conditions: [{ id: 'DOD-1', text: '' }] };
    const result = bus.validateEnvelope(name, envelopeFor(name, data, { publisher: 'dod' }));
    expect(result.ok ? [] : result.errors).toContain(
      '/data/conditions/0/text must NOT have fewer than 1 characters',
    );
  });

  it('reports an unknown message name instead of throwing', () => {
    const result = bus.validateEnvelope('no.such-message' as never, {});
    expect(result).toEqual({ ok: false, errors: ['(root) unknown message "no.such-message"'] });
  });
});

describe('validatePayloadWithClassValidator', () => {
  it('returns an instance of the payload class', () => {
    const result = validatePayloadWithClassValidator(
      'signoff.submitted',
      validPayload('signoff.submitted'),
    );
    expect(result.ok && result.payload.constructor.name).toBe('SignOffSubmittedV1');
  });

  it('names the path of a nested error', () => {
    const data = { ...validPayload('signoff.submitted'), officer: { name: 'J. Smith' } };
    const result = validatePayloadWithClassValidator('signoff.submitted', data);
    expect(result.ok ? [] : result.errors).toContain('/officer/title title must be a string');
  });

  it('rejects a payload that is not an object', () => {
    expect(validatePayloadWithClassValidator('signoff.submitted', ['x'])).toEqual({
      ok: false,
      errors: ['(root) must be object'],
    });
  });
});
