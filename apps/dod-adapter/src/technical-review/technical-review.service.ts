import { Injectable } from '@nestjs/common';
import {
  AdapterBucket,
  AdapterVerdicts,
  CoordinatorClient,
  type CoordinatorConsultation,
  InvalidReviewRequestError,
  UNPROCESSABLE,
  keyToken,
  refuseIfRefused,
  ReviewNotFoundError,
  type SentMessage,
} from '@icb/agency-adapter';
import { type PayloadOf, validatePayloadWithClassValidator } from '@icb/contracts';
import type { PublishOptions } from '@icb/messaging';
import type {
  PublishedMessageDto,
  TechnicalReviewBodyDto,
  TechnicalReviewMessage,
  TechnicalReviewResultDto,
} from './technical-review.dto';
import { ReviewNotOpenError } from './technical-review.errors';
import {
  assessFindings,
  planSteps,
  type DodReviewState,
  type Step,
  type TechnicalReviewOutcome,
} from './technical-review.policy';

const AGENCY = 'dod';
const COMPLETE = 'DoD technical and releasability review complete';

/** DoD's review of the current revision, as the rules read it. */
export function dodReviewOf(c: CoordinatorConsultation): DodReviewState {
  const review = c.reviews.find((r) => r.agency === AGENCY);
  return {
    currentRevision: c.revision,
    ...(review && { state: review.state }),
    holdOpen: review?.hold !== undefined,
  };
}

/** The holds DoD placed itself, in its KV bucket: `dod-holds.<consultationId>`. */
export const holdKey = (consultationId: string): string => `dod-holds.${keyToken(consultationId)}`;

export interface RecordedHold {
  revision: number;
  placedAt: string;
}

/**
 * DoD's technical and releasability review form: reads the consultation from
 * the coordinator, applies the rules (technical-review.policy.ts) and
 * publishes what they call for, as DoD, answering the coordinator's verdict
 * on each (ADR 11).
 *
 * A hold DoD placed is also recorded in its own KV bucket before it is
 * published, and forgotten once the hold is released and DoD has answered:
 * the coordinator's view lags the bus, so a complete form sent right after an
 * incomplete one would otherwise answer without releasing the hold.
 */
@Injectable()
export class TechnicalReviewService {
  constructor(
    private readonly coordinator: CoordinatorClient,
    private readonly verdicts: AdapterVerdicts,
    private readonly bucket: AdapterBucket,
  ) {}

  async submit(
    consultationId: string,
    body: TechnicalReviewBodyDto,
    /** From the caller's access token (ADR 18), never from the body. */
    officer: { name: string; title: string },
  ): Promise<TechnicalReviewResultDto> {
    const assessment = assessFindings(body.findings);
    if (!assessment.ok) throw new InvalidReviewRequestError(assessment.problems, UNPROCESSABLE);
    const { outcome } = assessment;

    const c = await this.coordinator.consultation(consultationId);
    if (!c.clearers.includes(AGENCY)) {
      throw new ReviewNotFoundError(`${AGENCY} does not clear consultation ${consultationId}`);
    }
    const recorded = await this.bucket.get<RecordedHold>(holdKey(consultationId));
    const seen = dodReviewOf(c);
    const holdOpen = seen.holdOpen || recorded?.value.revision === c.revision;
    const plan = planSteps(outcome, body.revision, { ...seen, holdOpen });
    if (!plan.ok) throw new ReviewNotOpenError(plan.code, plan.message);

    // Every message is built and checked against the contract before the first is
    // published, so a bad one never leaves a hold released without its answer.
    const messages = plan.steps.map((step) =>
      this.message(step, consultationId, body, outcome, officer),
    );
    const marking = { classification: c.classification, precedence: c.precedence };
    const sent: SentMessage[] = [];
    try {
      for (const m of messages) {
        if (m.name === 'review.hold-placed') {
          await this.bucket.put<RecordedHold>(holdKey(consultationId), {
            revision: body.revision,
            placedAt: new Date().toISOString(),
          });
        }
        const previous = sent.at(-1)?.envelope;
        sent.push(await m.send(previous ? { causedBy: previous } : marking));
      }
    } catch (error) {
      this.verdicts.abandon(sent);
      throw error;
    }
    if (outcome.kind === 'answer' && recorded) await this.bucket.remove(holdKey(consultationId));
    // The coordinator's verdict on each; the last message (the sign-off, or the
    // hold) is DoD's answer: its refusal is the request's.
    const verdicts = await this.verdicts.judge(sent);
    const published: PublishedMessageDto[] = sent.map((m, i) => ({
      message: m.message as TechnicalReviewMessage,
      eventId: m.eventId,
      verdict: verdicts[i],
    }));
    const last = verdicts.at(-1);
    if (last) refuseIfRefused(last);
    return {
      consultationId,
      revision: body.revision,
      outcome: outcome.kind === 'hold' ? 'hold' : outcome.decision,
      outstandingAreas: outcome.kind === 'hold' ? outcome.outstanding.map((o) => o.area) : [],
      published,
      ...(last && { verdict: last }),
    };
  }

  /** The message of one step, checked against the contract (its class-validator rules). */
  private message(
    step: Step,
    consultationId: string,
    body: TechnicalReviewBodyDto,
    outcome: TechnicalReviewOutcome,
    officer: { name: string; title: string },
  ): CheckedMessage {
    switch (step) {
      case 'place-hold':
        return this.checked('review.hold-placed', {
          consultationId,
          agency: AGENCY,
          reason: outcome.kind === 'hold' ? outcome.reason : COMPLETE,
        });
      case 'release-hold':
        return this.checked('review.hold-released', {
          consultationId,
          agency: AGENCY,
          reason: COMPLETE,
        });
      case 'sign-off':
        return this.checked('signoff.submitted', {
          consultationId,
          agency: AGENCY,
          revision: body.revision,
          ...signOffOf(outcome),
          officer: { name: officer.name, title: officer.title },
          submittedAt: new Date().toISOString(),
        });
    }
  }

  private checked<N extends TechnicalReviewMessage>(
    name: N,
    payload: PayloadOf<N>,
  ): CheckedMessage {
    const result = validatePayloadWithClassValidator(name, payload);
    if (!result.ok) throw new InvalidReviewRequestError(result.errors, UNPROCESSABLE);
    return { name, send: (opts) => this.verdicts.send(name, result.payload, opts) };
  }
}

/** A message ready to go: its name and how to publish it (as DoD) for the coordinator's verdict. */
interface CheckedMessage {
  name: TechnicalReviewMessage;
  send(opts: PublishOptions): Promise<SentMessage>;
}

/** The decision part of DoD's sign-off for an answered form. */
function signOffOf(
  outcome: TechnicalReviewOutcome,
): Pick<PayloadOf<'signoff.submitted'>, 'decision' | 'conditions' | 'rationale'> {
  switch (outcome.kind) {
    case 'hold':
      throw new Error('a held review is not signed off');
    case 'answer':
      switch (outcome.decision) {
        case 'concur':
          return { decision: 'concur' };
        case 'concur-with-conditions':
          return {
            decision: 'concur-with-conditions',
            conditions: outcome.conditions.map((k) => ({
              id: k.id,
              text: k.text,
              category: k.category,
            })),
          };
        case 'non-concur':
          return { decision: 'non-concur', rationale: outcome.rationale };
      }
  }
}
