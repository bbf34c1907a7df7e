import Table from 'cli-table3';
import pc from 'picocolors';
import type { Colors } from 'picocolors/types';
import type { ErrorReport } from './cli.errors';

/** Where the CLI writes: stdout for results, stderr for errors and progress. */
export interface Streams {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

const DAY_MS = 86_400_000;

/**
 * Calendar days (24 h) until `dueAt`, rounded up; negative when past
 * (-1: less than a day) — the coordinator's own rule for `daysLeft`.
 */
export function daysLeft(dueAt: string, now: Date): number {
  const ms = Date.parse(dueAt) - now.getTime();
  return ms >= 0 ? Math.ceil(ms / DAY_MS) : -Math.ceil(-ms / DAY_MS);
}

/** Colour per consultation status: open ones stand out, closed ones fade. */
export function statusColor(status: string, c: Colors): string {
  switch (status) {
    case 'in-review':
      return c.cyan(status);
    case 'escalated':
      return c.magenta(status);
    case 'congressional-review':
      return c.blue(status);
    case 'approved':
    case 'cleared-for-offer':
      return c.green(status);
    case 'denied':
    case 'disapproved':
      return c.red(status);
    case 'withdrawn':
      return c.dim(status);
    default:
      return status;
  }
}

export function decisionColor(decision: string, c: Colors): string {
  switch (decision) {
    case 'concur':
      return c.green(decision);
    case 'concur-with-conditions':
      return c.yellow(decision);
    case 'non-concur':
      return c.red(decision);
    case 'no-equity':
      return c.dim(decision);
    default:
      return decision;
  }
}

export function precedenceColor(precedence: string, c: Colors): string {
  switch (precedence) {
    case 'FLASH':
      return c.bold(c.red(precedence));
    case 'IMMEDIATE':
      return c.yellow(precedence);
    default:
      return precedence;
  }
}

/** "3d left", "due today", "2d overdue": red when overdue, yellow within two days. */
export function daysLeftText(days: number | null | undefined, overdue: boolean, c: Colors): string {
  if (days === null || days === undefined) return c.dim('—');
  if (overdue || days < 0) return c.red(c.bold(`${Math.abs(days)}d overdue`));
  const text = days === 0 ? 'due now' : `${days}d left`;
  return days <= 2 ? c.yellow(text) : text;
}

/**
 * Time left until `dueAt` for a clock shown with its date: hours under a day
 * ("3h left", "5h overdue"), days otherwise (as daysLeftText).
 */
export function timeLeftText(dueAt: string, now: Date, c: Colors): string {
  const ms = Date.parse(dueAt) - now.getTime();
  if (Number.isNaN(ms)) return c.dim('—');
  if (Math.abs(ms) < DAY_MS) {
    const hours = Math.ceil(Math.abs(ms) / 3_600_000);
    return ms < 0 ? c.red(c.bold(`${hours}h overdue`)) : c.yellow(`${hours}h left`);
  }
  const days = daysLeft(dueAt, now);
  return daysLeftText(days, days < 0, c);
}

/** `2026-03-02 14:30Z`: minutes are enough for an operator. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

/** The first 8 characters of a UUID, enough to tell consultations apart on a screen. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The CLI's output: JSON on stdout in `--json` mode, tables and colour
 * otherwise; errors on stderr, one line and a hint (or one JSON object).
 */
export class Output {
  readonly c: Colors;

  constructor(
    private readonly streams: Streams,
    readonly json: boolean,
    color: boolean,
  ) {
    this.c = pc.createColors(color);
  }

  /** A result, in JSON mode (pretty-printed). */
  data(value: unknown): void {
    this.streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** One JSON value per line (`watch --json`). */
  jsonLine(value: unknown): void {
    this.streams.stdout.write(`${JSON.stringify(value)}\n`);
  }

  line(text = ''): void {
    this.streams.stdout.write(`${text}\n`);
  }

  /** A notice for the operator (progress, reconnects): stderr, so stdout stays clean. */
  notice(text: string): void {
    this.streams.stderr.write(`${this.c.dim(text)}\n`);
  }

  heading(text: string): void {
    this.line(this.c.bold(text));
  }

  table(head: string[], rows: string[][]): string {
    const table = new Table({
      head: head.map((h) => this.c.bold(h)),
      style: { head: [], border: [], compact: true },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    table.push(...rows);
    return table.toString();
  }

  printTable(head: string[], rows: string[][]): void {
    this.line(this.table(head, rows));
  }

  /** Aligned "label  value" lines. */
  fields(pairs: [string, string | undefined][]): void {
    const shown = pairs.filter((p): p is [string, string] => p[1] !== undefined);
    const width = Math.max(0, ...shown.map(([k]) => k.length));
    for (const [k, v] of shown) this.line(`${this.c.dim(k.padEnd(width))}  ${v}`);
  }

  error(report: ErrorReport): void {
    if (this.json) {
      this.streams.stderr.write(`${JSON.stringify({ error: report })}\n`);
      return;
    }
    const hint = report.hint ? ` — ${report.hint}` : '';
    const lines = [`${this.c.red('error')}: ${report.message}${hint}`];
    for (const e of report.errors ?? []) lines.push(`  - ${e}`);
    this.streams.stderr.write(`${lines.join('\n')}\n`);
  }
}
