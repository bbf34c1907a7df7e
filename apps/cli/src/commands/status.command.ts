import type { Command } from 'commander';
import type { ConsultationStats, HealthReport } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { CliError, ServiceDownError } from '../cli.errors';
import { Output, shortId, shortTime, statusColor, timeLeftText, truncate } from '../output';

export interface StatusResult {
  coordinator: { url: string; up: boolean; health: HealthReport };
  stats?: ConsultationStats;
}

/** Parts of the coordinator and their state, from the terminus report. */
export function healthParts(report: HealthReport): [string, string, string | undefined][] {
  const details = report.details ?? { ...(report.info ?? {}), ...(report.error ?? {}) };
  return Object.entries(details).map(([name, part]) => [
    name,
    part.status,
    typeof part.message === 'string' ? part.message : undefined,
  ]);
}

export function renderStatus(out: Output, result: StatusResult, now: Date): void {
  const { c } = out;
  const { coordinator, stats } = result;
  out.line(
    `${c.bold('coordinator')} ${coordinator.url}  ${coordinator.up ? c.green('up') : c.red('DOWN')}`,
  );
  for (const [name, state, message] of healthParts(coordinator.health)) {
    const shown = state === 'up' ? c.green(state) : c.red(state);
    out.line(`  ${name.padEnd(20)} ${shown}${message ? c.dim(`  ${message}`) : ''}`);
  }
  if (!stats) return;
  out.line();
  out.line(
    `${c.bold('open')} ${stats.open}   ${c.bold('overdue')} ${stats.overdue > 0 ? c.red(String(stats.overdue)) : '0'}   ${c.bold('escalated')} ${stats.escalated > 0 ? c.magenta(String(stats.escalated)) : '0'}   ${c.dim(`as of ${shortTime(stats.asOf)}`)}`,
  );
  const counted = Object.entries(stats.byStatus).filter(([, n]) => n > 0);
  if (counted.length > 0) {
    out.printTable(
      ['status', 'count'],
      counted.map(([s, n]) => [statusColor(s, c), String(n)]),
    );
  } else {
    out.line(c.dim('no consultations yet'));
  }
  if (stats.closestClocks.length > 0) {
    out.line();
    out.heading('closest clocks');
    const asOf = new Date(Date.parse(stats.asOf) || now.getTime());
    out.printTable(
      ['consultation', 'title', 'clock', 'agency', 'due', 'left'],
      stats.closestClocks.map((k) => [
        shortId(k.consultationId),
        truncate(k.title, 40),
        k.kind,
        k.agency ?? '—',
        shortTime(k.dueAt),
        timeLeftText(k.dueAt, asOf, c),
      ]),
    );
  }
}

export function registerStatusCommand(program: Command, deps: CliDeps): void {
  program
    .command('status')
    .description(
      "the coordinator's health and a summary: counts by status, overdue, escalated, closest clocks",
    )
    .addHelpText(
      'after',
      '\nExits 5 when the coordinator cannot be reached or reports a part (NATS, database) down.',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      const health = await ctx.api.health();
      let stats: ConsultationStats | undefined;
      let statsError: unknown;
      try {
        stats = await ctx.api.stats();
      } catch (error) {
        // A coordinator with its database down still answers /health: report that first.
        if (health.up || !(error instanceof CliError)) throw error;
        statsError = error;
      }
      const result: StatusResult = {
        coordinator: { url: ctx.config.apiUrl, up: health.up, health: health.report },
        ...(stats ? { stats } : {}),
      };
      if (ctx.out.json) ctx.out.data(result);
      else renderStatus(ctx.out, result, ctx.now());
      if (!health.up) {
        const down = healthParts(health.report)
          .filter(([, state]) => state !== 'up')
          .map(([name]) => name);
        throw new ServiceDownError(
          `the coordinator at ${ctx.config.apiUrl} reports ${down.length ? down.join(', ') : 'a part'} down`,
          statsError instanceof Error
            ? statsError.message
            : 'its log says why; is NATS (and the database) running?',
        );
      }
    });
}
