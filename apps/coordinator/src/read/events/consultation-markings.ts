import { Injectable } from '@nestjs/common';
import { ConsultationView } from '../../write/consultations/consultation-view';

/**
 * The marking of each consultation, as the read model knows it, for what
 * withholds messages about a consultation by the consultation's level (the
 * live feed, the dead letters) whatever lower marking their publisher gave
 * them (ADR 8). The read side reads the write side's projection, never the
 * reverse.
 */
@Injectable()
export class ConsultationMarkings {
  constructor(private readonly view: ConsultationView) {}

  /** The consultation's banner marking; undefined for a consultation the read model does not know. */
  readonly of = (consultationId: string): string | undefined =>
    this.view.summary(consultationId)?.classification;
}
