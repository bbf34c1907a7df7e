import { Inject, Injectable, Optional } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@icb/observability';

/** Counters of the messaging layer, exported on `/metrics`. */
@Injectable()
export class MessagingMetrics {
  readonly published: Counter<'message'>;
  readonly consumed: Counter<'consumer' | 'message'>;
  readonly acked: Counter<'consumer' | 'message'>;
  readonly nakd: Counter<'consumer' | 'message'>;
  readonly deadLettered: Counter<'consumer' | 'code'>;
  readonly transientRetries: Counter<'consumer' | 'code'>;
  readonly retryingTransient: Gauge<'consumer'>;
  readonly held: Gauge<'consumer'>;
  readonly handleSeconds: Histogram<'consumer' | 'message'>;

  constructor(@Optional() @Inject(METRICS_REGISTRY) registry?: Registry) {
    const registers = [registry ?? new Registry()];
    this.published = new Counter({
      name: 'icb_messages_published_total',
      help: 'Events published to JetStream (acknowledged by the server)',
      labelNames: ['message'],
      registers,
    });
    this.consumed = new Counter({
      name: 'icb_messages_consumed_total',
      help: 'Deliveries received by a consumer',
      labelNames: ['consumer', 'message'],
      registers,
    });
    this.acked = new Counter({
      name: 'icb_messages_acked_total',
      help: 'Deliveries acknowledged after their handler succeeded',
      labelNames: ['consumer', 'message'],
      registers,
    });
    this.nakd = new Counter({
      name: 'icb_messages_nakd_total',
      help: 'Deliveries negatively acknowledged for a later retry',
      labelNames: ['consumer', 'message'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'icb_messages_dead_lettered_total',
      help: 'Messages moved to the dead-letter stream, by reason code',
      labelNames: ['consumer', 'code'],
      registers,
    });
    this.transientRetries = new Counter({
      name: 'icb_messages_transient_retries_total',
      help: 'Deliveries that failed transiently (a dependency slow or away) and will be retried without limit, by code',
      labelNames: ['consumer', 'code'],
      registers,
    });
    this.retryingTransient = new Gauge({
      name: 'icb_messages_retrying_transient',
      help: 'Messages whose last delivery here failed transiently and that are waiting for their retry',
      labelNames: ['consumer'],
      registers,
    });
    this.held = new Gauge({
      name: 'icb_consumer_messages_held',
      help: 'Messages received and not yet settled (running or queued behind their matter), kept alive with in-progress acks',
      labelNames: ['consumer'],
      registers,
    });
    this.handleSeconds = new Histogram({
      name: 'icb_message_handle_seconds',
      help: 'Time from delivery to ack decision',
      labelNames: ['consumer', 'message'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    });
  }
}
