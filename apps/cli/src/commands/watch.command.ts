import type { Command } from 'commander';
import type { Envelope } from '@icb/contracts';
import type { SseEvent } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { ApiUnreachableError, CliError } from '../cli.errors';
import { decisionColor, Output, shortId, statusColor, truncate } from '../output';
import { parseUuid } from '../parse';

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 10_000;

/** The fields worth a glance, per message: who, what, which revision, why. */
export function keyFields(data: Record<string, unknown>, out: Output): string {
  const { c } = out;
  const parts: string[] = [];
  const str = (k: string): string | undefined => {
    const v = data[k];
    return typeof v === 'string' ? v : undefined;
  };
  const [from, to, agency, decision, outcome, level, kind] = [
    'from',
    'to',
    'agency',
    'decision',
    'outcome',
    'level',
    'kind',
  ].map(str);
  if (from && to) parts.push(`${statusColor(from, c)} → ${statusColor(to, c)}`);
  if (agency) parts.push(agency);
  if (decision) parts.push(decisionColor(decision, c));
  if (outcome) parts.push(`outcome=${outcome}`);
  if (level) parts.push(`level=${level}`);
  if (kind) parts.push(kind);
  if (typeof data.revision === 'number') parts.push(`r${data.revision}`);
  const code = str('code');
  if (code) parts.push(c.red(code));
  const why = str('reason') ?? str('title') ?? str('rationale');
  if (why) parts.push(c.dim(truncate(why, 60)));
  return parts.join('  ');
}

/** One line per event: time, message, consultation, key fields. */
export function eventLine(event: SseEvent, out: Output): string | undefined {
  let envelope: Envelope<Record<string, unknown>>;
  try {
    envelope = JSON.parse(event.data) as Envelope<Record<string, unknown>>;
  } catch {
    return undefined;
  }
  const name = event.event ?? envelope.type;
  const time = typeof envelope.time === 'string' ? envelope.time.slice(11, 19) : '--:--:--';
  const source =
    typeof envelope.source === 'string' ? envelope.source.replace(/^\/icb\//, '') : '?';
  const data = envelope.data && typeof envelope.data === 'object' ? envelope.data : {};
  return [
    out.c.dim(time),
    out.c.bold(name.padEnd(28)),
    shortId(String(envelope.subject ?? '')).padEnd(8),
    source.padEnd(11),
    keyFields(data, out),
  ].join(' ');
}

export function registerWatchCommand(program: Command, deps: CliDeps): void {
  program
    .command('watch')
    .description(
      'follow bus events live (GET /events, server-sent events) until Ctrl-C; reconnects when dropped',
    )
    .option('--consultation <id>', 'only events about this consultation', parseUuid)
    .option(
      '--type <prefix>',
      'only messages whose name starts with this, e.g. signoff. or consultation.status-changed',
    )
    .addHelpText('after', '\nWith --json, prints one CloudEvents envelope per line (JSON Lines).')
    .action(async (opts: { consultation?: string; type?: string }, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      const signal = ctx.signal;
      const query = { consultationId: opts.consultation, type: opts.type };
      let opened = false;
      let retryMs = FIRST_RETRY_MS;
      while (!signal.aborted) {
        try {
          const events = ctx.api.events(query, {
            signal,
            onOpen: () => {
              ctx.out.notice(
                opened ? 'reconnected' : `watching ${ctx.config.apiUrl}/events (Ctrl-C to stop)`,
              );
              opened = true;
              retryMs = FIRST_RETRY_MS;
            },
          });
          for await (const event of events) {
            if (ctx.out.json) {
              try {
                ctx.out.jsonLine(JSON.parse(event.data));
              } catch {
                // not an envelope (never sent by the coordinator): skip it
              }
            } else {
              const line = eventLine(event, ctx.out);
              if (line) ctx.out.line(line);
            }
          }
          if (signal.aborted) break;
          ctx.out.notice(`the coordinator closed the stream; reconnecting in ${retryMs / 1000} s`);
        } catch (error) {
          if (signal.aborted) break;
          // Not reachable at first, or refused (a bad filter): nothing to wait for.
          if (!opened || !(error instanceof ApiUnreachableError)) throw error;
          const why = error instanceof CliError ? error.message : String(error);
          ctx.out.notice(`${why}; reconnecting in ${retryMs / 1000} s`);
        }
        await ctx.delay(retryMs);
        retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
      }
    });
}
