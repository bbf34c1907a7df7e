import type { Command } from 'commander';
import {
  AGENCIES,
  SIGN_OFF_DECISIONS,
  type Agency,
  type SignOffConditionV1,
  type SignOffDecision,
  type SigningOfficerV1,
} from '@icb/contracts';
import type { ConsultationDetail } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { RefusedError } from '../cli.errors';
import { composeMessage } from '../compose-message';
import {
  integer,
  parseAgency,
  parseCondition,
  parseDecision,
  parseOfficer,
  parseUuid,
} from '../parse';
import {
  addEnvelopeOptions,
  addVerdictOption,
  composeOptions,
  DEFAULT_VERDICT_WAIT_SECONDS,
  publishAndReport,
  type EnvelopeOptions,
  type VerdictOptions,
} from './publish.command';

export interface SignOffOptions extends EnvelopeOptions, Partial<VerdictOptions> {
  agency: Agency;
  decision: SignOffDecision;
  rationale?: string;
  condition?: SignOffConditionV1[];
  revision?: number;
  officer?: SigningOfficerV1;
  force?: boolean;
}

/** Who signs when `--officer` is not given. */
export function defaultOfficer(agency: Agency): SigningOfficerV1 {
  return { name: 'Duty officer', title: `${agency} (via icb CLI)` };
}

/** The `signoff.submitted` payload from the options. */
export function signOffPayload(
  consultationId: string,
  revision: number,
  opts: SignOffOptions,
  now: Date,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    consultationId,
    agency: opts.agency,
    revision,
    decision: opts.decision,
    officer: opts.officer ?? defaultOfficer(opts.agency),
    submittedAt: now.toISOString(),
  };
  if (opts.condition && opts.condition.length > 0) payload.conditions = opts.condition;
  if (opts.rationale !== undefined) payload.rationale = opts.rationale;
  return payload;
}

/**
 * The refusals the coordinator would answer with `message.refused`, caught
 * before sending (`--force` sends anyway): a closed or escalated consultation,
 * an agency that does not clear it, another revision, a second answer.
 */
export function signOffRefusal(
  detail: Pick<ConsultationDetail, 'id' | 'status' | 'clearers' | 'revision' | 'signOffs'>,
  agency: Agency,
  revision: number,
): RefusedError | undefined {
  const hint = 'send it anyway with --force (the coordinator will answer with message.refused)';
  if (detail.status !== 'in-review') {
    return new RefusedError(
      `consultation ${detail.id} is ${detail.status}: sign-offs are taken only while it is in review`,
      hint,
    );
  }
  if (!detail.clearers.includes(agency)) {
    return new RefusedError(
      `${agency} is not a clearer of ${detail.id} (clearers: ${detail.clearers.join(', ') || 'none'})`,
      'the action office adds clearers with clearance.parties-changed (icb publish)',
    );
  }
  if (revision !== detail.revision) {
    return new RefusedError(
      `revision ${revision} is not the current revision ${detail.revision} of ${detail.id}`,
      hint,
    );
  }
  const previous = detail.signOffs.find((s) => s.agency === agency && s.revision === revision);
  if (previous) {
    return new RefusedError(
      `${agency} already answered "${previous.decision}" on revision ${revision}`,
      'one answer per revision: ask the action office for an amendment',
    );
  }
  return undefined;
}

export function registerSignOffCommand(program: Command, deps: CliDeps): void {
  const command = program
    .command('signoff')
    .description("publish an agency's sign-off (signoff.submitted) on a consultation")
    .argument('<id>', 'consultation id (UUID)', parseUuid)
    .requiredOption('--agency <agency>', `the agency signing: ${AGENCIES.join(', ')}`, parseAgency)
    .requiredOption('--decision <decision>', SIGN_OFF_DECISIONS.join(' | '), parseDecision)
    .option('--rationale <text>', 'why (required for non-concur)')
    .option(
      '--condition <"ID: text">',
      'a condition (required for concur-with-conditions; repeat for more); "ID [category]: text" sets a category',
      parseCondition,
    )
    .option(
      '--revision <n>',
      'the revision answered (default: the current one, read from the coordinator)',
      integer(1),
    )
    .option(
      '--officer <"Name, Title">',
      'the signing officer (default: "Duty officer, <agency> (via icb CLI)")',
      parseOfficer,
    )
    .option('--force', 'skip the checks against the coordinator and publish anyway');
  addVerdictOption(addEnvelopeOptions(command), DEFAULT_VERDICT_WAIT_SECONDS)
    .addHelpText(
      'after',
      '\nBefore publishing, the consultation is read from the coordinator: a sign-off it would refuse\n(not in review, not a clearer, another revision, already answered) exits 4 unless --force.\n' +
        'Then the coordinator’s verdict is awaited (--wait): refused exits 4 with its code and reason.',
    )
    .action(async (id: string, opts: SignOffOptions, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      let revision = opts.revision;
      if (!opts.force || revision === undefined) {
        const detail = await ctx.api.consultation(id);
        revision ??= detail.revision;
        if ('withheld' in detail && detail.withheld) {
          throw new RefusedError(
            `consultation ${id} is classified above your clearance (${detail.classification})`,
            'sign in as an operator cleared for it (ICB_USER), or publish with --force --revision <n>',
          );
        }
        if (!opts.force) {
          const refusal = signOffRefusal(detail as ConsultationDetail, opts.agency, revision);
          if (refusal) throw refusal;
        }
      }
      const payload = signOffPayload(id, revision, opts, ctx.now());
      const message = composeMessage(
        'signoff.submitted',
        opts.agency,
        payload,
        composeOptions(ctx, opts),
      );
      await publishAndReport(ctx, message, { waitSeconds: opts.wait });
    });
}
