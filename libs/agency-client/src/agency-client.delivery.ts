import type { JsMsg } from '@nats-io/jetstream';
import type { Envelope, MessageName, PayloadOf } from '@icb/contracts';

/** One message handed to the caller: settle it with exactly one of ack, nak or term. */
export interface Delivery<N extends MessageName> {
  envelope: Envelope<PayloadOf<N>>;
  /** Subject received on, in the contract's space (`icb.evt.…`). */
  subject: string;
  streamSequence: number;
  deliveryCount: number;
  redelivered: boolean;
  /** Acknowledges and waits for the server to confirm it: the message is done. */
  ack(): Promise<void>;
  /** Hands it back to be redelivered, after `delayMs` when given. */
  nak(delayMs?: number): void;
  /** Gives up on it for good (never redelivered), with a reason. */
  term(reason?: string): void;
  /** Extends the ack deadline while work goes on. */
  working(): void;
}

/** A received message that failed the contract: it was terminated, never yielded. */
export interface InvalidDelivery {
  consumer: string;
  subject: string;
  streamSequence: number;
  deliveryCount: number;
  reason: string;
  errors: string[];
}

/** A received message as handed to the caller. */
export function delivery<N extends MessageName>(
  msg: JsMsg,
  subject: string,
  envelope: Envelope<PayloadOf<N>>,
): Delivery<N> {
  return {
    envelope,
    subject,
    streamSequence: msg.info.streamSequence,
    deliveryCount: msg.info.deliveryCount,
    redelivered: msg.redelivered,
    ack: async () => {
      await msg.ackAck();
    },
    nak: (delayMs?: number) => msg.nak(delayMs),
    term: (reason?: string) => msg.term(reason),
    working: () => msg.working(),
  };
}
