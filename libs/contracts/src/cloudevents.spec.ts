import { CloudEvent } from 'cloudevents';
import { MESSAGE_NAMES } from './catalog';
import { createBusValidator } from './bus-validator';
import { envelopeFor } from './testing/message-cases';

const bus = createBusValidator();

describe('every message envelope is a conforming CloudEvents 1.0 event', () => {
  it.each(MESSAGE_NAMES)(
    '%s passes the cloudevents strict validation and the bus validator',
    (name) => {
      const envelope = envelopeFor(name);
      expect(bus.validateEnvelope(name, envelope).ok).toBe(true);
      const event = new CloudEvent(
        JSON.parse(JSON.stringify(envelope)) as Record<string, unknown>,
        true,
      );
      expect(event.validate()).toBe(true);
      expect(event.type).toBe(envelope.type);
      expect(event['correlationid']).toBe(envelope.correlationid);
    },
  );

  it('an extension name the CloudEvents spec forbids is refused by the cloudevents package', () => {
    // Our extensions are lower-case letters only; this proves the check is live.
    expect(
      () => new CloudEvent({ ...envelopeFor('review.acknowledged'), correlation_id: 'x' }, true),
    ).toThrow();
  });
});
