/** What a handler may know about a delivery (JetStreamContext.getDetails()). */
export interface MessageContext {
  /** Contract subject (namespace-independent), e.g. `icb.evt.dod.signoff.submitted.v1`. */
  readonly subject: string;
  readonly consumer: string;
  readonly stream: string;
  readonly streamSequence: number;
  /** 1 on the first delivery. */
  readonly deliveryCount: number;
  readonly redelivered: boolean;
  /** Tells JetStream the handler is still working (resets the ack timer). */
  working(): void;
  /** Set when the consumer verified the publisher's signature (an agency's message, ADR 15). */
  readonly signature?: { readonly kid: string; readonly receivedAt: string };
}
