import type { Command } from 'commander';
import { AGENCIES, type Agency } from '@icb/contracts';
import type { ConditionRecord, ConsultationDetail, WithheldConsultation } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { NotFoundError, RefusedError, UsageError } from '../cli.errors';
import { composeMessage } from '../compose-message';
import { parseAgency, parseConditionId, parseUuid } from '../parse';
import {
  addEnvelopeOptions,
  addVerdictOption,
  composeOptions,
  DEFAULT_VERDICT_WAIT_SECONDS,
  publishAndReport,
  type EnvelopeOptions,
  type VerdictOptions,
} from './publish.command';

/** The condition on the consultation as the coordinator has it (exit 3 when there is none). */
async function conditionOf(
  ctx: CommandContext,
  id: string,
  conditionId: string,
): Promise<ConditionRecord> {
  const detail: ConsultationDetail | WithheldConsultation = await ctx.api.consultation(id);
  if ('withheld' in detail && detail.withheld) {
    throw new RefusedError(
      `consultation ${id} is classified above your clearance (${detail.classification})`,
      'sign in as an operator cleared for it (ICB_USER)',
    );
  }
  const condition = (detail as ConsultationDetail).conditions.find((k) => k.id === conditionId);
  if (!condition) {
    const ids = (detail as ConsultationDetail).conditions.map((k) => k.id);
    throw new NotFoundError(
      `consultation ${id} has no condition ${conditionId}`,
      ids.length > 0 ? `its conditions: ${ids.join(', ')}` : 'it has no conditions',
    );
  }
  return condition;
}

/**
 * `icb condition request-removal` and `icb condition answer-removal`: the
 * action office asks the agency that imposed a condition to agree to drop it
 * (`condition.removal-requested`, as state-pm), and that agency answers
 * (`condition.removal-answered`, as itself), each with the coordinator's
 * verdict awaited (ADR 11).
 */
export function registerConditionCommand(program: Command, deps: CliDeps): void {
  const condition = program
    .command('condition')
    .description('drop a condition: the action office asks, the agency that imposed it answers');

  const ask = condition
    .command('request-removal')
    .description(
      'ask the imposing agency to agree to drop a condition (condition.removal-requested, as state-pm)',
    )
    .argument('<id>', 'consultation id (UUID)', parseUuid)
    .argument('<condition-id>', 'the condition’s id, e.g. DOD-AT-1', parseConditionId)
    .requiredOption('--justification <text>', 'why the condition should go');
  addVerdictOption(addEnvelopeOptions(ask), DEFAULT_VERDICT_WAIT_SECONDS)
    .addHelpText(
      'after',
      '\nThe imposing agency is read from the coordinator (exit 3 when the consultation has no such\n' +
        'condition). The coordinator refuses a second request while one waits (exit 4).',
    )
    .action(
      async (
        id: string,
        conditionId: string,
        opts: EnvelopeOptions & VerdictOptions & { justification: string },
        cmd: Command,
      ) => {
        const ctx = new CommandContext(deps, cmd);
        const found = await conditionOf(ctx, id, conditionId);
        const message = composeMessage(
          'condition.removal-requested',
          'state-pm',
          {
            consultationId: id,
            conditionId,
            imposingAgency: found.agency,
            justification: opts.justification,
          },
          composeOptions(ctx, opts),
        );
        await publishAndReport(ctx, message, { waitSeconds: opts.wait });
      },
    );

  const answer = condition
    .command('answer-removal')
    .description(
      'answer a request to drop a condition, as the agency that imposed it (condition.removal-answered)',
    )
    .argument('<id>', 'consultation id (UUID)', parseUuid)
    .argument('<condition-id>', 'the condition’s id, e.g. DOD-AT-1', parseConditionId)
    .requiredOption('--agency <agency>', `the imposing agency: ${AGENCIES.join(', ')}`, parseAgency)
    .option('--agree', 'agree: the condition is dropped')
    .option('--refuse', 'refuse: the condition stays')
    .requiredOption('--comment <text>', 'why, for the record');
  addVerdictOption(addEnvelopeOptions(answer), DEFAULT_VERDICT_WAIT_SECONDS)
    .addHelpText(
      'after',
      '\nExactly one of --agree and --refuse. Only the agency that imposed the condition may answer\n' +
        '(exit 4 otherwise); the coordinator refuses an answer nobody asked for (exit 4).',
    )
    .action(
      async (
        id: string,
        conditionId: string,
        opts: EnvelopeOptions &
          VerdictOptions & { agency: Agency; agree?: boolean; refuse?: boolean; comment: string },
        cmd: Command,
      ) => {
        if (Boolean(opts.agree) === Boolean(opts.refuse)) {
          throw new UsageError('give exactly one of --agree and --refuse');
        }
        const ctx = new CommandContext(deps, cmd);
        const found = await conditionOf(ctx, id, conditionId);
        if (found.agency !== opts.agency) {
          throw new RefusedError(
            `condition ${conditionId} was imposed by ${found.agency}, not ${opts.agency}`,
            `only ${found.agency} answers: --agency ${found.agency}`,
          );
        }
        const message = composeMessage(
          'condition.removal-answered',
          opts.agency,
          {
            consultationId: id,
            conditionId,
            agency: opts.agency,
            agreed: Boolean(opts.agree),
            comment: opts.comment,
          },
          composeOptions(ctx, opts),
        );
        await publishAndReport(ctx, message, { waitSeconds: opts.wait });
      },
    );
}
