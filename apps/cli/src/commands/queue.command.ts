import type { Command } from 'commander';
import { AGENCIES } from '@icb/contracts';
import type { AgencyQueue } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { daysLeftText, Output, precedenceColor, shortTime, statusColor, truncate } from '../output';
import { integer, parseAgency } from '../parse';

export function renderQueue(out: Output, queue: AgencyQueue): void {
  const { c } = out;
  out.heading(`${queue.agency}: ${queue.total} awaiting an answer`);
  if (queue.items.length === 0) {
    out.line(c.dim('nothing in the queue'));
    return;
  }
  out.printTable(
    ['id', 'kind', 'title', 'status', 'precedence', 'rev', 'due', 'left', 'review'],
    queue.items.map((item) => {
      const r = item.review;
      const notes = [
        r.hold ? c.yellow(`on hold: ${truncate(r.hold.reason, 30)}`) : undefined,
        r.extension ? `+${r.extension.days}d extension` : undefined,
        r.acknowledgedAt ? undefined : c.yellow('not acknowledged'),
      ].filter(Boolean);
      return [
        item.id,
        item.kind,
        truncate(item.title, 40),
        statusColor(item.status, c),
        precedenceColor(item.precedence, c),
        String(r.revision),
        shortTime(r.dueAt),
        daysLeftText(r.daysLeft, r.overdue, c),
        notes.join(', '),
      ];
    }),
  );
  const last = queue.offset + queue.items.length;
  if (last < queue.total)
    out.line(c.dim(`${queue.offset + 1}-${last} of ${queue.total} (next page: --offset ${last})`));
}

export function registerQueueCommand(program: Command, deps: CliDeps): void {
  program
    .command('queue')
    .description("an agency's queue: consultations awaiting its answer, its closest deadline first")
    .argument('<agency>', `one of: ${AGENCIES.join(', ')}`, parseAgency)
    .option('--limit <n>', 'page size (1-200, default 50)', integer(1, 200))
    .option('--offset <n>', 'how many to skip', integer(0, 100_000))
    .action(async (agency: string, opts: { limit?: number; offset?: number }, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      const queue = await ctx.api.agencyQueue(agency, opts);
      if (ctx.out.json) ctx.out.data(queue);
      else renderQueue(ctx.out, queue);
    });
}
