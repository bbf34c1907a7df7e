import { SseParser } from './sse-parser';

describe('the server-sent-events parser', () => {
  it('skips the bare newline Nest writes first and heartbeat comments', () => {
    const p = new SseParser();
    expect(p.feed('\n: heartbeat\n\n')).toEqual([]);
  });

  it('reads id, event and data, across chunk boundaries', () => {
    const p = new SseParser();
    expect(p.feed('id: e1\nevent: signoff.sub')).toEqual([]);
    expect(p.feed('mitted\ndata: {"a":1}\n')).toEqual([]);
    expect(p.feed('\n')).toEqual([{ id: 'e1', event: 'signoff.submitted', data: '{"a":1}' }]);
  });

  it('joins multi-line data and accepts CRLF line endings, even split between chunks', () => {
    const p = new SseParser();
    expect(p.feed('data: one\r')).toEqual([]);
    expect(p.feed('\ndata: two\r\n\r\n')).toEqual([{ data: 'one\ntwo' }]);
  });

  it('dispatches several events from one chunk and forgets the event name between them', () => {
    const p = new SseParser();
    expect(p.feed('event: a\ndata: 1\n\ndata: 2\n\n')).toEqual([
      { event: 'a', data: '1' },
      { data: '2' },
    ]);
  });
});
