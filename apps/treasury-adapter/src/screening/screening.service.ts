import { Injectable, Logger } from '@nestjs/common';
import type {
  Envelope,
  ReviewRequestedV1,
  SanctionsScreeningCompletedV1,
  SignOffSubmittedV1,
  TransactionPartyV1,
} from '@icb/contracts';
import { CoordinatorClient, type CoordinatorConsultation } from '@icb/agency-adapter';
import { derivedEventId, EventPublisher, newEventId } from '@icb/messaging';
import { rescreen, screen, type OpenMatter } from '../sanctions/screening.policy';
import { SanctionsListService } from './sanctions-list.service';
import { clearSummary, SCREENING_OFFICER, screeningRationale } from './screening-rationale';

export const TREASURY = 'treasury' as const;

/** What answering one review request did. */
export interface ReviewAnswer {
  screening?: SanctionsScreeningCompletedV1;
  signOff?: SignOffSubmittedV1;
  /** Why no sign-off was published, when none was. */
  skipped?: string;
}

export interface RescreenReport {
  list: { name: string; versionDate: string };
  screened: number;
  changed: {
    consultationId: string;
    result: SanctionsScreeningCompletedV1['result'];
    screeningId: string;
    signedOff: boolean;
  }[];
}

/** The parties the consultation declares (`attributes.parties`, the contract's shape). */
export function partiesOf(c: CoordinatorConsultation): TransactionPartyV1[] {
  const attributes = c['attributes'] as { parties?: TransactionPartyV1[] } | undefined;
  return attributes?.parties ?? [];
}

/** The coordinator's last screening of the consultation, in the message's shape (programs are not stored). */
function lastScreening(c: CoordinatorConsultation): SanctionsScreeningCompletedV1 | undefined {
  const records = (c['screenings'] ?? []) as {
    screeningId?: string;
    screenedAt: string;
    list: { name: string; versionDate: string };
    result: SanctionsScreeningCompletedV1['result'];
    partiesScreened: number;
    matches: Omit<SanctionsScreeningCompletedV1['matches'][number], 'programs'>[];
  }[];
  const last = records[records.length - 1];
  if (!last) return undefined;
  return {
    consultationId: c.id,
    screeningId: last.screeningId ?? '',
    list: last.list,
    result: last.result,
    partiesScreened: last.partiesScreened,
    matches: last.matches.map((m) => ({ ...m, programs: [] })),
    screenedAt: last.screenedAt,
  };
}

/** Whether Treasury still owes an answer on the consultation's current revision. */
export function awaitsTreasury(c: CoordinatorConsultation): boolean {
  const review = c.reviews.find((r) => r.agency === TREASURY && r.revision === c.revision);
  return (
    c.status === 'in-review' &&
    review !== undefined &&
    review.state === 'pending' &&
    !c.signOffs.some((s) => s.agency === TREASURY && s.revision === c.revision)
  );
}

/**
 * Treasury's screening of consultations: on a review request, screen every
 * party (and owner) against the list in use, publish the screening, and answer
 * the review (non-concur on a hit, concur when clear). Event ids derive from
 * the review request's id, so a redelivery publishes nothing new.
 */
@Injectable()
export class ScreeningService {
  private readonly logger = new Logger('Screening');

  constructor(
    private readonly lists: SanctionsListService,
    private readonly coordinator: CoordinatorClient,
    private readonly publisher: EventPublisher,
  ) {}

  /** Screens parties without publishing anything. */
  screenParties(parties: readonly TransactionPartyV1[]): SanctionsScreeningCompletedV1 {
    return screen(parties, this.lists.list, {
      consultationId: '00000000-0000-4000-8000-000000000000',
      screeningId: newEventId(),
      screenedAt: new Date().toISOString(),
    });
  }

  /** Answers one `review.requested` addressed to Treasury. CoordinatorUnavailableError propagates. */
  async answerReviewRequest(envelope: Envelope<ReviewRequestedV1>): Promise<ReviewAnswer> {
    const request = envelope.data;
    const c = await this.coordinator.consultation(request.consultationId);
    if (!c.clearers.includes(TREASURY)) {
      return { skipped: `treasury does not clear consultation ${c.id}` };
    }
    if (c.revision !== request.revision) {
      return {
        skipped: `the request is for revision ${request.revision}, the consultation is at ${c.revision}`,
      };
    }
    const screeningId = derivedEventId(envelope.id, 'screening');
    const screening = screen(partiesOf(c), this.lists.list, {
      consultationId: c.id,
      screeningId,
      screenedAt: new Date().toISOString(),
    });
    await this.publisher.publish('sanctions.screening-completed', screening, {
      id: screeningId,
      causedBy: envelope,
    });
    if (!awaitsTreasury(c)) {
      return { screening, skipped: `treasury's review of ${c.id} is not pending` };
    }
    const signOff = this.signOffFor(screening, request.revision);
    await this.publisher.publish('signoff.submitted', signOff, {
      id: derivedEventId(envelope.id, 'signoff'),
      causedBy: envelope,
    });
    this.logger.log(
      `consultation ${c.id} rev ${request.revision}: ${screening.result}, ${signOff.decision}`,
    );
    return { screening, signOff };
  }

  /**
   * Re-screens the matters awaiting Treasury (its queue at the coordinator)
   * against the list in use. For each whose result or matches changed: a new
   * screening, and a sign-off when the consultation is still in review and
   * Treasury's review still pending.
   */
  async rescreenOpenMatters(): Promise<RescreenReport> {
    const list = this.lists.list;
    const queue = await this.coordinator.queue(TREASURY);
    const matters: (OpenMatter & { consultation: CoordinatorConsultation })[] = [];
    for (const item of queue.items) {
      const c = await this.coordinator.consultation(item.id);
      const previous = lastScreening(c);
      matters.push({
        consultationId: c.id,
        parties: partiesOf(c),
        ...(previous ? { previous } : {}),
        consultation: c,
      });
    }
    const outcome = rescreen(matters, list, {
      screenedAt: new Date().toISOString(),
      screeningIdFor: () => newEventId(),
    });
    const report: RescreenReport = {
      list: { name: list.name, versionDate: list.versionDate },
      screened: matters.length,
      changed: [],
    };
    for (const changed of outcome.changed) {
      const { current } = changed;
      const c = matters.find((m) => m.consultationId === changed.consultationId)!.consultation;
      const marking = { classification: c.classification, precedence: c.precedence };
      await this.publisher.publish('sanctions.screening-completed', current, {
        id: current.screeningId,
        ...marking,
      });
      let signedOff = false;
      if (awaitsTreasury(c)) {
        await this.publisher.publish('signoff.submitted', this.signOffFor(current, c.revision), {
          id: derivedEventId(current.screeningId, 'signoff'),
          ...marking,
        });
        signedOff = true;
      }
      report.changed.push({
        consultationId: current.consultationId,
        result: current.result,
        screeningId: current.screeningId,
        signedOff,
      });
    }
    return report;
  }

  private signOffFor(
    screening: SanctionsScreeningCompletedV1,
    revision: number,
  ): SignOffSubmittedV1 {
    const hit = screening.result === 'hit';
    return {
      consultationId: screening.consultationId,
      agency: TREASURY,
      revision,
      decision: hit ? 'non-concur' : 'concur',
      rationale: hit ? screeningRationale(screening) : clearSummary(screening),
      officer: { ...SCREENING_OFFICER },
      submittedAt: new Date().toISOString(),
    };
  }
}
