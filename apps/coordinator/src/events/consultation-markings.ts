import { Injectable } from '@nestjs/common';

/**
 * The marking of each consultation, as the read model knows it, for what
 * withholds messages about a consultation by the consultation's level (the
 * live feed, the dead letters) whatever lower marking their publisher gave
 * them (ADR 8). The read model registers itself here: consultations depend on
 * events, not the reverse. Until it has, every consultation counts as TOP
 * SECRET: withheld from all but the highest clearance, never shown by
 * default.
 */
@Injectable()
export class ConsultationMarkings {
  private source?: (consultationId: string) => string | undefined;

  /** Called by the read model once, with its lookup. */
  follow(source: (consultationId: string) => string | undefined): void {
    this.source = source;
  }

  /** The consultation's banner marking; undefined for a consultation the read model does not know. */
  readonly of = (consultationId: string): string | undefined =>
    this.source ? this.source(consultationId) : 'TOP SECRET';
}
