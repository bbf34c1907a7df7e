import { Injectable } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import type { Consultation } from '../../write/consultations/consultation.model';
import { ConsultationView } from '../../write/consultations/consultation-view';
import {
  agencyQueue,
  ConsultationQuery,
  listConsultations,
  statistics,
  ViewStats,
} from './consultation-view.query';

/**
 * The operators' queries: the pure functions of consultation-view.query.ts
 * over the records of the write side's projection (ConsultationView), in
 * memory, one pass each (ADR 9).
 */
@Injectable()
export class ConsultationQueries {
  constructor(private readonly view: ConsultationView) {}

  list(q: ConsultationQuery): { total: number; items: Consultation[] } {
    return listConsultations(this.view.all(), q);
  }

  queue(agency: Agency, page: { offset: number; limit: number }) {
    return agencyQueue(this.view.all(), agency, page);
  }

  stats(now: string, openStatuses: readonly string[], closest: number): ViewStats {
    return statistics(this.view.all(), now, openStatuses, closest);
  }
}
