export * from './ack-policy';
export * from './dead-letter.service';
export * from './delivery-check';
export type { DeadLetterRecord, DeadLetterReason } from './dead-letter.writer';
export * from './envelope-fingerprint';
export * from './event-id';
export * from './event-publisher';
export * from './kv-key';
export * from './message-context';
export {
  MessageCtx,
  MessageData,
  MessageEnvelope,
  OnMessage,
  type MessageHandlerOptions,
} from './message-handler.decorator';
export * from './messaging.errors';
export * from './messaging.module';
export * from './messaging.options';
export * from './nats-connection';
export * from './subject-space';
