import {
  MESSAGES,
  MESSAGE_NAMES,
  messageBySubject,
  messageByType,
  subjectFor,
  type MessageName,
  type PayloadOf,
} from './catalog';
import { cloudEventType, natsSubjectFilter, parseEventSubject } from './define';
import { PARTIES } from './parties';
import { validPayload } from './testing/message-cases';

/** What a typed publisher looks like to its callers: the payload type follows the name. */
function publish<N extends MessageName>(name: N, payload: PayloadOf<N>): string {
  return `${name}:${JSON.stringify(payload).length}`;
}

describe('the message catalog', () => {
  it('keys every entry by its own name', () => {
    for (const name of MESSAGE_NAMES) expect(MESSAGES[name].name).toBe(name);
  });

  it('names messages with lower-case letters, hyphens and dots only', () => {
    for (const name of MESSAGE_NAMES) expect(name).toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
  });

  it('gives every payload class its version in its name', () => {
    for (const name of MESSAGE_NAMES) {
      expect(MESSAGES[name].payload.name).toMatch(new RegExp(`V${MESSAGES[name].version}$`));
    }
  });

  it('has only known parties as publishers', () => {
    for (const name of MESSAGE_NAMES) {
      for (const p of MESSAGES[name].publishers) expect(PARTIES).toContain(p);
    }
  });

  it('types a publish call by message name (wrong payloads do not compile)', () => {
    expect(
      publish('review.acknowledged', { consultationId: 'c', agency: 'dod', revision: 1 }),
    ).toMatch(/^review\.acknowledged:/);
    // @ts-expect-error a withdrawal payload is not a review acknowledgement
    publish('review.acknowledged', validPayload('consultation.withdrawn'));
    const ack = { consultationId: 'c', agency: 'dod', revision: 1 } as const;
    // @ts-expect-error an object literal may not carry properties of another message
    publish('review.acknowledged', { ...ack, decision: 'concur' });
    // @ts-expect-error the decision vocabulary is closed
    publish('signoff.submitted', { ...validPayload('signoff.submitted'), decision: 'maybe' });
    // @ts-expect-error 'coordinator' is not an agency
    publish('review.acknowledged', { consultationId: 'c', agency: 'coordinator', revision: 1 });
    // @ts-expect-error required consultationId is missing
    publish('consultation.withdrawn', { reason: 'x' });
    // @ts-expect-error no such message
    publish('signoff.sent', {});
  });
});

describe('messageByType and messageBySubject', () => {
  it('find a message by its CloudEvents type', () => {
    expect(messageByType('gov.icb.signoff.submitted.v1')?.name).toBe('signoff.submitted');
    expect(messageByType('gov.icb.signoff.submitted.v9')).toBeUndefined();
  });

  it('find every message by a subject its publishers use', () => {
    for (const name of MESSAGE_NAMES) {
      const def = MESSAGES[name];
      const subject = subjectFor(name, def.publishers[0], validPayload(name));
      expect(messageBySubject(subject)?.name).toBe(name);
      expect(cloudEventType(def)).toBe(`gov.icb.${name}.v1`);
    }
  });

  it('address review requests to the reviewing agency', () => {
    const subject = subjectFor(
      'review.requested',
      'coordinator',
      validPayload('review.requested', { agency: 'nsc' }),
    );
    expect(subject).toBe('icb.evt.coordinator.review.requested.v1.nsc');
    expect(parseEventSubject(subject)?.addressee).toBe('nsc');
    expect(natsSubjectFilter(MESSAGES['review.requested'], { addressee: 'nsc' })).toBe(
      'icb.evt.*.review.requested.v1.nsc',
    );
  });

  it.each([
    ['a publisher the message does not allow', 'icb.evt.dod.consultation.opened.v1'],
    ['an unknown version', 'icb.evt.state-pm.consultation.opened.v2'],
    ['an addressee on an unaddressed message', 'icb.evt.state-pm.consultation.opened.v1.dod'],
    ['no addressee on an addressed message', 'icb.evt.coordinator.review.requested.v1'],
    ['an unknown addressee', 'icb.evt.coordinator.review.requested.v1.mi-six'],
    ['an unknown message', 'icb.evt.state-pm.consultation.archived.v1'],
    ['a request/reply subject', 'icb.rpc.coordinator.consultation.opened.v1'],
  ])('find nothing for %s', (_what, subject) => {
    expect(messageBySubject(subject)).toBeUndefined();
  });
});
