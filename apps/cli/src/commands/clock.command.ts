import type { Command } from 'commander';
import type { DevClock } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { UsageError } from '../cli.errors';
import { integer } from '../parse';

/** "+3d 4h 0m" */
export function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  let rest = Math.round(Math.abs(offsetMs) / 60_000);
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  return `${sign}${days}d ${hours}h ${minutes}m`;
}

function render(ctx: CommandContext, clock: DevClock): void {
  if (ctx.out.json) {
    ctx.out.data(clock);
    return;
  }
  const fired =
    clock.fired === undefined
      ? ''
      : `; clocks that fell due changed ${clock.fired} consultation(s)`;
  ctx.out.line(
    `${clock.now}  ${ctx.out.c.dim(`(${offsetText(clock.offsetMs)} from real time${fired})`)}`,
  );
}

export function registerClockCommand(program: Command, deps: CliDeps): void {
  const clock = program
    .command('clock')
    .description(
      "the coordinator's dev clock (GET /dev/clock); needs a coordinator started with DEV_CLOCK=true",
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      render(ctx, await ctx.api.devClock());
    });
  clock
    .command('advance')
    .description('move the dev clock forward, so deadlines, reminders and review periods fall due')
    .option('--days <n>', 'days to add', integer(0, 3650))
    .option('--hours <n>', 'hours to add', integer(0, 10_000))
    .option('--minutes <n>', 'minutes to add', integer(0, 100_000))
    .action(async (opts: { days?: number; hours?: number; minutes?: number }, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      const by = Object.fromEntries(
        Object.entries(opts).filter(([, v]) => v !== undefined),
      ) as typeof opts;
      if (!Object.values(by).some((v) => v !== undefined && v > 0)) {
        throw new UsageError('say how far to move the clock', 'e.g. icb clock advance --days 10');
      }
      render(ctx, await ctx.api.advanceDevClock(by));
    });
}
