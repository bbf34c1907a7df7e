import { derivedEventId, newEventId } from './event-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('a derived id is a valid UUID and the same for the same cause and purpose', () => {
    const a = derivedEventId('5f0c2c8e-7f6a-4f5e-9b1a-2d3c4b5a6f70', 'status-changed');
    expect(a).toMatch(UUID);
    expect(derivedEventId('5f0c2c8e-7f6a-4f5e-9b1a-2d3c4b5a6f70', 'status-changed')).toBe(a);
  });

  it('a different purpose or cause gives a different id', () => {
    const cause = '5f0c2c8e-7f6a-4f5e-9b1a-2d3c4b5a6f70';
    expect(derivedEventId(cause, 'a')).not.toBe(derivedEventId(cause, 'b'));
    expect(derivedEventId(cause, 'a')).not.toBe(derivedEventId(newEventId(), 'a'));
  });
});
