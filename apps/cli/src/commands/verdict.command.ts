import type { Command } from 'commander';
import { CommandContext, type CliDeps } from '../cli.context';
import { NotFoundError } from '../cli.errors';
import { parseUuid } from '../parse';
import { refusalOf } from './publish.command';

/**
 * `icb verdict <event-id>`: the coordinator's verdict on a message (ADR 11),
 * e.g. one a command published without waiting for it to the end. Exit 0
 * when accepted, 4 when refused, 3 when there is none (yet).
 */
export function registerVerdictCommand(program: Command, deps: CliDeps): void {
  program
    .command('verdict')
    .description(
      "the coordinator's verdict on a message: accepted (with the new status) or refused",
    )
    .argument('<event-id>', 'the event id a publishing command printed', parseUuid)
    .addHelpText(
      'after',
      '\nExit 0 when accepted, 4 when refused, 3 when the coordinator has none (yet).',
    )
    .action(async (eventId: string, _opts: unknown, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      const verdict = await ctx.api.verdict(eventId);
      if (!verdict) {
        throw new NotFoundError(
          `no verdict on event ${eventId} (yet)`,
          'the coordinator has not judged it: it may still be on its way, or was never published',
        );
      }
      if (ctx.out.json) {
        ctx.out.data(verdict);
      } else {
        ctx.out.fields([
          ['event', verdict.eventId],
          ['message', `${verdict.message} from ${verdict.party}`],
          ['consultation', verdict.consultationId],
          ['outcome', verdict.changed ? verdict.outcome : `${verdict.outcome} (nothing changed)`],
          ['code', verdict.code],
          ['reason', verdict.reason],
          [
            'status',
            verdict.consultation &&
              `${verdict.consultation.status}, revision ${verdict.consultation.revision} (version ${verdict.consultation.version})`,
          ],
          ['decided', verdict.decidedAt],
        ]);
      }
      if (verdict.outcome === 'refused') throw refusalOf(verdict);
    });
}
