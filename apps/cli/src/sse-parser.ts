import type { SseEvent } from './api.types';

/**
 * An incremental text/event-stream parser (the WHATWG rules the CLI needs:
 * `id`, `event`, `data`, comments, any line ending). Feed it chunks as they
 * arrive; it returns the events each chunk completed.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private id?: string;
  private event?: string;

  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\n|\r/.exec(this.buffer);
      // A lone \r at the very end may be the first half of \r\n: wait for more.
      if (!m || (m[0] === '\r' && m.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        this.id = value;
        break;
      case 'event':
        this.event = value;
        break;
      default:
        break; // `retry` and unknown fields: ignored
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const hasData = this.data.length > 0;
    const event: SseEvent = { data: this.data.join('\n') };
    if (this.id !== undefined) event.id = this.id;
    if (this.event !== undefined) event.event = this.event;
    this.data = [];
    this.event = undefined;
    return hasData ? event : undefined;
  }
}
