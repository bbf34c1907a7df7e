import { readDeadLetter, type StoredDeadLetter } from './dead-letter.service';
import { toRecord } from './dead-letter.writer';

const AT = new Date('2026-03-02T14:00:00.000Z');

function stored(data: Uint8Array | string, seq = 7): StoredDeadLetter {
  const headers = new Map([['Icb-Dlq-Code', ['INVALID_MESSAGE']]]);
  return {
    seq,
    subject: 'icb.dlq.coordinator',
    data: typeof data === 'string' ? new TextEncoder().encode(data) : data,
    time: AT,
    header: { keys: () => [...headers.keys()], values: (k) => headers.get(k) ?? [] },
  };
}

describe('reading the dead-letter stream', () => {
  it('reads a record a consumer wrote', () => {
    const record = toRecord(
      {
        data: new TextEncoder().encode('{not json'),
        subject: 'icb.evt.dod.signoff.submitted.v1',
        headers: undefined,
        info: { stream: 'ICB_EVENTS', streamSequence: 41, deliveryCount: 1 } as never,
      },
      'coordinator',
      { code: 'MALFORMED_JSON', reason: 'body is not JSON' },
      undefined,
      AT,
    );
    expect(readDeadLetter(stored(JSON.stringify(record)), 'ICB_DLQ')).toEqual({ seq: 7, record });
  });

  it.each([
    ['a body that is not JSON', 'garbage{', /it is not JSON/],
    ['JSON that is no record', '{"hello":"world"}', /it is JSON, but not a dead-letter record/],
    ['JSON that is not an object', '[1,2,3]', /not a dead-letter record/],
    ['bytes that are not UTF-8', Uint8Array.of(0xff, 0x00, 0xfe), /it is not JSON/],
  ])(
    'shows %s as an unreadable entry with its raw body, instead of failing',
    (_what, data, why) => {
      const entry = readDeadLetter(stored(data), 'ICB_DLQ');
      expect(entry).toMatchObject({
        seq: 7,
        unreadable: true,
        record: {
          code: 'UNREADABLE_RECORD',
          reason: expect.stringMatching(why),
          subject: 'icb.dlq.coordinator',
          consumer: 'coordinator',
          stream: 'ICB_DLQ',
          streamSequence: 7,
          headers: { 'Icb-Dlq-Code': ['INVALID_MESSAGE'] },
          deadLetteredAt: AT.toISOString(),
        },
      });
      expect(entry.record.reason).toMatch(/can be discarded, not replayed/);
      const raw = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
      const shown =
        entry.record.encoding === 'base64'
          ? Buffer.from(entry.record.data, 'base64')
          : Buffer.from(entry.record.data, 'utf8');
      expect(shown.equals(raw)).toBe(true);
    },
  );
});
