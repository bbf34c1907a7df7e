/**
 * Maps the contract's subjects (`icb.evt.…`) and stream names to a bus
 * namespace. Production uses the namespace `icb`, where the mapping is the
 * identity; tests use their own namespace to stay isolated on one server.
 */
export class SubjectSpace {
  constructor(readonly namespace: string) {}

  /** Contract subject (or filter) → wire subject. */
  toWire(subject: string): string {
    return this.namespace === 'icb' ? subject : subject.replace(/^icb\./, `${this.namespace}.`);
  }

  /** Wire subject → contract subject. */
  fromWire(subject: string): string {
    return this.namespace === 'icb'
      ? subject
      : subject.replace(new RegExp(`^${this.namespace}\\.`), 'icb.');
  }

  get eventsStream(): string {
    return `${this.namespace.toUpperCase()}_EVENTS`;
  }

  get deadLetterStream(): string {
    return `${this.namespace.toUpperCase()}_DLQ`;
  }

  /** All event subjects. */
  get eventsFilter(): string {
    return `${this.namespace}.evt.>`;
  }

  get deadLetterFilter(): string {
    return `${this.namespace}.dlq.>`;
  }

  deadLetterSubject(consumer: string): string {
    return `${this.namespace}.dlq.${consumer}`;
  }
}
