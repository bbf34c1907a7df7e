import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { HealthRegistry } from '@icb/observability';
import { ConsumerGroups } from './consumer-groups';
import { NatsConnectionProvider } from './nats-connection';

/** `/health` entries: the NATS connection and, per durable consumer, its lag. */
@Injectable()
export class MessagingHealthIndicator implements OnModuleInit {
  constructor(
    private readonly nats: NatsConnectionProvider,
    private readonly groups: ConsumerGroups,
    private readonly indicators: HealthIndicatorService,
    @Optional() private readonly registry?: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.registry?.register('nats', () => this.check());
  }

  async check(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('nats');
    const status = this.nats.status();
    if (!status.connected) return session.down({ ...status });
    const consumers: Record<string, { pending: number; ackPending: number; redelivered: number }> =
      {};
    try {
      for (const { stream, durable } of this.groups.consumers()) {
        const info = await this.nats.manager.consumers.info(stream, durable);
        consumers[durable] = {
          pending: info.num_pending,
          ackPending: info.num_ack_pending,
          redelivered: info.num_redelivered,
        };
      }
    } catch (error) {
      return session.down({ ...status, error: (error as Error).message });
    }
    return session.up({ server: status.server, consumers });
  }
}
