import { MESSAGE_NAMES } from './vocab.js';

/**
 * The bus, live, over server-sent events (`GET /events`). The browser's
 * EventSource reconnects by itself after a dropped connection; when the
 * server refuses the stream (a 401, a 5xx) it gives up, and this reconnects
 * with a growing delay, after asking `canReconnect` (is the session still
 * on?). Nothing is replayed on reconnection: `onResync` lets the view reload.
 *
 * States: `connecting`, `live`, `reconnecting`, `stopped`.
 */
export class LiveFeed {
  /**
   * @param {{
   *   onEvent: (event: { name: string, id: string, consultationId?: string }) => void,
   *   onState: (state: string, detail?: string) => void,
   *   onResync: () => void,
   *   canReconnect: () => Promise<boolean>,
   *   url?: string,
   * }} opts
   */
  constructor(opts) {
    this.opts = opts;
    this.url = opts.url ?? '/events';
    this.source = null;
    this.timer = undefined;
    this.failures = 0;
    this.everOpen = false;
    this.stopped = true;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
    this.opts.onState('stopped');
  }

  connect() {
    if (this.stopped) return;
    this.opts.onState(this.everOpen ? 'reconnecting' : 'connecting');
    const source = new EventSource(this.url);
    this.source = source;
    source.addEventListener('open', () => {
      const resync = this.everOpen || this.failures > 0;
      this.failures = 0;
      this.everOpen = true;
      this.opts.onState('live');
      if (resync) this.opts.onResync();
    });
    source.addEventListener('error', () => {
      if (this.stopped || source !== this.source) return;
      if (source.readyState === EventSource.CONNECTING) {
        this.opts.onState('reconnecting');
        return;
      }
      source.close();
      this.retry();
    });
    const receive = (/** @type {MessageEvent} */ e) => this.receive(e);
    for (const name of MESSAGE_NAMES) source.addEventListener(name, receive);
    source.addEventListener('message', receive);
  }

  retry() {
    this.failures += 1;
    const delayMs = Math.min(30_000, 1_000 * 2 ** Math.min(this.failures - 1, 5));
    this.opts.onState('reconnecting', `retrying in ${Math.round(delayMs / 1000)} s`);
    this.timer = setTimeout(() => {
      void this.opts.canReconnect().then(
        (ok) => (ok ? this.connect() : this.stop()),
        () => this.retry(),
      );
    }, delayMs);
  }

  /** @param {MessageEvent} e */
  receive(e) {
    let envelope;
    try {
      envelope = JSON.parse(e.data);
    } catch {
      return;
    }
    // Only what identifies the event is used: the page shows what the API
    // returns for this viewer, never the event's own content.
    const data = envelope && typeof envelope.data === 'object' ? envelope.data : undefined;
    const consultationId =
      typeof data?.consultationId === 'string' ? data.consultationId : envelope?.subject;
    this.opts.onEvent({ name: e.type, id: String(e.lastEventId ?? ''), consultationId });
  }
}
