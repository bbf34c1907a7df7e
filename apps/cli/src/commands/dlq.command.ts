import type { Command } from 'commander';
import type { DeadLetterList, ReplayResult } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { CliError, EXIT, PartlyFailedError, UsageError } from '../cli.errors';
import { Output, shortTime, truncate } from '../output';
import { integer } from '../parse';

export function renderDeadLetters(out: Output, list: DeadLetterList): void {
  const { c } = out;
  if (list.items.length === 0) {
    out.line(c.dim('no dead letters'));
    return;
  }
  out.printTable(
    ['seq', 'when', 'consumer', 'subject', 'code', 'tries', 'reason'],
    list.items.map(({ seq, record: r }) => [
      String(seq),
      shortTime(r.deadLetteredAt),
      r.consumer,
      r.subject,
      c.red(r.code),
      String(r.deliveryCount),
      truncate([r.reason, ...(r.errors ?? [])].join('; '), 70),
    ]),
  );
  out.line(c.dim(`${list.items.length} shown of ${list.total}; replay with: icb dlq replay <seq>`));
}

interface ReplayAll {
  replayed: ReplayResult[];
  failed: { seq: number; code: string; message: string }[];
}

export function registerDlqCommand(program: Command, deps: CliDeps): void {
  const dlq = program
    .command('dlq')
    .description('dead letters: messages a consumer could not process');
  dlq
    .command('ls')
    .description('list dead letters (GET /dead-letters)')
    .option('--limit <n>', 'at most this many (1-1000)', integer(1, 1000))
    .option('--consumer <name>', 'only those of this consumer')
    .action(async (opts: { limit?: number; consumer?: string }, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      const list = await ctx.api.deadLetters(opts);
      if (ctx.out.json) ctx.out.data(list);
      else renderDeadLetters(ctx.out, list);
    });
  dlq
    .command('replay')
    .description(
      'publish a dead letter again on its original subject and remove it (POST /dead-letters/:seq/replay)',
    )
    .argument('[seq]', 'the dead letter, by its sequence (see icb dlq ls)', integer(1))
    .option('--all', 'replay every dead letter')
    .action(async (seq: number | undefined, opts: { all?: boolean }, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      if ((seq === undefined) === !opts.all) {
        throw new UsageError('give either a sequence number or --all', 'e.g. icb dlq replay 12');
      }
      if (seq !== undefined) {
        const result = await ctx.api.replayDeadLetter(seq);
        if (ctx.out.json) ctx.out.data(result);
        else
          ctx.out.line(
            `replayed #${result.seq} on ${result.subject} (stream sequence ${result.streamSequence})`,
          );
        return;
      }
      const list = await ctx.api.deadLetters({ limit: 1000 });
      const outcome: ReplayAll = { replayed: [], failed: [] };
      for (const { seq: s } of list.items) {
        try {
          outcome.replayed.push(await ctx.api.replayDeadLetter(s));
        } catch (error) {
          // One that cannot be replayed (gone meanwhile, refused) does not stop the others.
          if (!(error instanceof CliError) || error.exitCode === EXIT.unreachable) throw error;
          outcome.failed.push({ seq: s, code: error.code, message: error.message });
        }
      }
      if (ctx.out.json) ctx.out.data(outcome);
      else {
        for (const r of outcome.replayed) ctx.out.line(`replayed #${r.seq} on ${r.subject}`);
        for (const f of outcome.failed)
          ctx.out.line(ctx.out.c.red(`failed #${f.seq}: ${f.message}`));
        ctx.out.line(
          ctx.out.c.dim(`${outcome.replayed.length} replayed, ${outcome.failed.length} failed`),
        );
      }
      if (outcome.failed.length > 0) {
        throw new PartlyFailedError(
          `${outcome.failed.length} of ${list.items.length} dead letters were not replayed`,
        );
      }
    });
  dlq
    .command('discard')
    .description('delete a dead letter for good (DELETE /dead-letters/:seq)')
    .argument('<seq>', 'the dead letter, by its sequence', integer(1))
    .action(async (seq: number, _opts: unknown, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      await ctx.api.discardDeadLetter(seq);
      if (ctx.out.json) ctx.out.data({ seq, discarded: true });
      else ctx.out.line(`discarded #${seq}`);
    });
}
