import { envelopeFor, validPayload } from '@icb/contracts/testing/message-cases';
import { envelopeFingerprint } from './envelope-fingerprint';

const signOff = () =>
  envelopeFor(
    'signoff.submitted',
    validPayload('signoff.submitted', { decision: 'concur', submittedAt: '2026-03-02T14:00:00Z' }),
    { publisher: 'dod', id: '4d4c5a55-2a1e-4f0b-9a77-0a3f6b1e2c10' },
  );

describe('the fingerprint of what a message says', () => {
  it('is the same for the same message sent again later (new time, new stamps, keys in another order)', () => {
    const first = signOff();
    const retry = {
      ...first,
      time: '2026-03-02T14:05:00Z',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      data: { ...first.data, submittedAt: '2026-03-02T14:04:59Z' },
    };
    const reordered = Object.fromEntries(Object.entries(first).reverse()) as typeof first;
    expect(envelopeFingerprint(retry)).toBe(envelopeFingerprint(first));
    expect(envelopeFingerprint(reordered)).toBe(envelopeFingerprint(first));
    expect(envelopeFingerprint(first)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('differs when the same id carries another decision, rationale, source or type', () => {
    const first = signOff();
    const fingerprint = envelopeFingerprint(first);
    const others = [
      { ...first, data: { ...first.data, decision: 'non-concur', rationale: 'No.' } },
      { ...first, data: { ...first.data, officer: { name: 'Someone Else', title: 'Director' } } },
      { ...first, source: '/icb/nsc' },
      { ...first, type: 'gov.icb.review.acknowledged.v1' },
      { ...first, classification: 'SECRET' },
    ];
    for (const other of others) expect(envelopeFingerprint(other as never)).not.toBe(fingerprint);
  });
});
