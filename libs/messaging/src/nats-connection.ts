import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

/**
 * The service's one NATS connection. Reconnects forever (the client buffers
 * publishes meanwhile); drained on shutdown after the consumers stopped.
 */
@Injectable()
export class NatsConnectionProvider implements OnApplicationShutdown {
  private readonly logger = new Logger('NATS');
  private nc?: NatsConnection;
  private jsClient?: JetStreamClient;
  private jsm?: JetStreamManager;
  private connected = false;
  private lastError?: string;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async connect(): Promise<void> {
    if (this.nc) return;
    const nc = await connect({
      servers: this.options.servers,
      name: this.options.service,
      user: this.options.user,
      pass: this.options.password,
      ...(this.options.inboxPrefix ? { inboxPrefix: this.options.inboxPrefix } : {}),
      ...(this.options.tlsCaFile ? { tls: { caFile: this.options.tlsCaFile } } : {}),
      // Forever, to any server of the list (or one the cluster announced),
      // with jitter so that services losing the same server do not all come
      // back to the next one at the same instant.
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      reconnectJitter: 250,
      waitOnFirstConnect: true,
      timeout: 10_000,
      // The client would build an Error (a stack trace) for every request and
      // publish in case it fails: measured, 5 % of the coordinator's CPU.
      // Errors still carry their message and code.
      noAsyncTraces: true,
    });
    this.nc = nc;
    this.connected = true;
    this.jsClient = jetstream(nc);
    this.jsm = await jetstreamManager(nc);
    this.logger.log(`connected to ${nc.getServer()} as ${this.options.service}`);
    void this.watchStatus(nc);
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      switch (s.type) {
        case 'disconnect':
          this.connected = false;
          this.logger.warn(`disconnected from ${s.server}`);
          break;
        case 'reconnect':
          this.connected = true;
          this.logger.log(`reconnected to ${s.server}`);
          break;
        case 'error':
          this.lastError = s.error.message;
          this.logger.error(`connection error: ${s.error.message}`);
          break;
        case 'slowConsumer':
        case 'staleConnection':
        case 'ldm':
          this.logger.warn(`connection status: ${s.type}`);
          break;
        case 'reconnecting':
        case 'forceReconnect':
        case 'close':
        case 'ping':
        case 'update':
          break;
      }
    }
  }

  get connection(): NatsConnection {
    if (!this.nc) throw new Error('NATS is not connected yet');
    return this.nc;
  }

  get js(): JetStreamClient {
    if (!this.jsClient) throw new Error('NATS is not connected yet');
    return this.jsClient;
  }

  get manager(): JetStreamManager {
    if (!this.jsm) throw new Error('NATS is not connected yet');
    return this.jsm;
  }

  status(): { connected: boolean; server?: string; lastError?: string } {
    const closed = !this.nc || this.nc.isClosed();
    return {
      connected: !closed && this.connected,
      server: this.nc?.getServer(),
      lastError: this.lastError,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const nc = this.nc;
    if (!nc || nc.isClosed()) return;
    try {
      await nc.drain();
    } catch (error) {
      this.logger.warn(`drain failed: ${(error as Error).message}`);
      await nc.close();
    }
  }
}
