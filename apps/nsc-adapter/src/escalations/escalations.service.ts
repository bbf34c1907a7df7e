import { Injectable } from '@nestjs/common';
import {
  AdapterVerdicts,
  CoordinatorClient,
  type CoordinatorConsultation,
  InvalidReviewRequestError,
  UNPROCESSABLE,
} from '@icb/agency-adapter';
import {
  ESCALATION_LADDER_NAMES,
  ESCALATION_LADDERS,
  type ConsultationKind,
  type EscalationLadder,
  type EscalationLevel,
  type Precedence,
  isLevelOfLadder,
  validatePayloadWithClassValidator,
} from '@icb/contracts';
import type {
  DecisionAcceptedDto,
  EscalationDecisionBodyDto,
  OpenEscalationDto,
  OpenEscalationListDto,
} from './escalation.dto';
import { NotEscalatedError } from './escalations.errors';

/** The coordinator's largest page. */
const PAGE = 200;

/** The parts of `GET /consultations` (ConsultationPageDto) read here. */
interface SummaryPage {
  total: number;
  items: {
    id: string;
    kind: ConsultationKind;
    title: string;
    precedence: Precedence;
    classification: string;
    revision: number;
    escalationLevel: EscalationLevel | null;
    openedAt: string;
    updatedAt: string;
  }[];
}

/** The escalation part of the coordinator's consultation detail. */
interface EscalationState {
  ladder: EscalationLadder;
  level: EscalationLevel;
  resolvedAt?: string;
  supersededAt?: string;
}

/** The ladder a level belongs to (level names are unique across ladders). */
export function ladderOf(level: EscalationLevel | null): EscalationLadder | null {
  if (level === null) return null;
  return ESCALATION_LADDER_NAMES.find((l) => isLevelOfLadder(l, level)) ?? null;
}

/** The open escalation of a consultation, when it has one and is escalated. */
export function openEscalation(c: CoordinatorConsultation): EscalationState | undefined {
  const e = c.escalation as EscalationState | undefined;
  if (c.status !== 'escalated' || !e || e.resolvedAt || e.supersededAt) return undefined;
  if (!(e.ladder in ESCALATION_LADDERS) || !isLevelOfLadder(e.ladder, e.level)) return undefined;
  return e;
}

/**
 * NSC chairs the escalation levels: the open escalations (read from the
 * coordinator) and the chair's decision at the current level (published as
 * nsc, answered with the coordinator's verdict: ADR 11).
 */
@Injectable()
export class EscalationsService {
  constructor(
    private readonly coordinator: CoordinatorClient,
    private readonly verdicts: AdapterVerdicts,
  ) {}

  async open(): Promise<OpenEscalationListDto> {
    const items: OpenEscalationDto[] = [];
    for (;;) {
      const page = await this.list(items.length);
      items.push(
        ...page.items.map((s) => ({
          id: s.id,
          kind: s.kind,
          title: s.title,
          ladder: ladderOf(s.escalationLevel),
          level: s.escalationLevel,
          precedence: s.precedence,
          classification: s.classification,
          revision: s.revision,
          openedAt: s.openedAt,
          updatedAt: s.updatedAt,
        })),
      );
      if (page.items.length === 0 || items.length >= page.total) break;
    }
    return { total: items.length, items };
  }

  async decide(id: string, body: EscalationDecisionBodyDto): Promise<DecisionAcceptedDto> {
    const c = await this.coordinator.consultation(id);
    const e = openEscalation(c);
    if (!e) {
      throw new NotEscalatedError(`consultation ${id} is ${c.status}, not escalated`);
    }
    const payload = {
      consultationId: id,
      ladder: e.ladder,
      level: e.level,
      outcome: body.outcome,
      rationale: body.rationale,
      chair: body.chair,
      decidedAt: new Date().toISOString(),
    };
    const checked = validatePayloadWithClassValidator('escalation.decided', payload);
    if (!checked.ok) throw new InvalidReviewRequestError(checked.errors, UNPROCESSABLE);
    const verdict = await this.verdicts.publish('escalation.decided', checked.payload, {
      classification: c.classification,
      precedence: c.precedence,
    });
    return {
      consultationId: id,
      eventId: verdict.eventId,
      ladder: e.ladder,
      level: e.level,
      verdict,
    };
  }

  /** One page of `GET /consultations?status=escalated`, read with the adapter's credentials. */
  private list(offset: number): Promise<SummaryPage> {
    return this.coordinator.get<SummaryPage>(
      `/consultations?status=escalated&limit=${PAGE}&offset=${offset}`,
    );
  }
}
