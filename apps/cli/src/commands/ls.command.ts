import { Option, type Command } from 'commander';
import { CONSULTATION_KINDS, CONSULTATION_STATUSES, PRECEDENCES } from '@icb/contracts';
import type { ConsultationPage, ConsultationSummary, ListQuery } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { daysLeftText, Output, precedenceColor, shortTime, statusColor, truncate } from '../output';
import { integer, listOf, parseAgency } from '../parse';

export const SORT_FIELDS = ['updatedAt', 'openedAt', 'nextDueAt', 'precedence'] as const;

/** The options as commander hands them over, each already checked against its allowed values. */
interface LsOptions {
  status?: ListQuery['status'];
  kind?: ListQuery['kind'];
  agency?: ListQuery['pendingAgency'];
  overdue?: boolean;
  precedence?: ListQuery['precedence'];
  q?: string;
  limit?: number;
  offset?: number;
  sort?: ListQuery['sort'];
  order?: ListQuery['order'];
}

export function listQueryOf(opts: LsOptions): ListQuery {
  const query: ListQuery = {};
  if (opts.status) query.status = opts.status;
  if (opts.kind) query.kind = opts.kind;
  if (opts.precedence) query.precedence = opts.precedence;
  if (opts.agency) query.pendingAgency = opts.agency;
  if (opts.overdue) query.overdue = true;
  if (opts.q !== undefined) query.q = opts.q;
  if (opts.limit !== undefined) query.limit = opts.limit;
  if (opts.offset !== undefined) query.offset = opts.offset;
  if (opts.sort) query.sort = opts.sort;
  if (opts.order) query.order = opts.order;
  return query;
}

/** One row per consultation: status coloured, overdue red, days left. */
export function consultationRow(s: ConsultationSummary, out: Output): string[] {
  const { c } = out;
  const where = s.escalationLevel
    ? c.magenta(`escalated: ${s.escalationLevel}`)
    : s.congressStep && s.congressStep !== 'not-required' && s.congressStep !== 'awaiting-clearance'
      ? `congress: ${s.congressStep}`
      : '';
  return [
    s.id,
    s.kind,
    truncate(s.title, 40),
    statusColor(s.status, c),
    precedenceColor(s.precedence, c),
    String(s.revision),
    s.pendingAgencies.join(',') || c.dim('—'),
    shortTime(s.nextDueAt),
    daysLeftText(s.daysLeft, s.overdue, c),
    where,
  ];
}

export const CONSULTATION_COLUMNS = [
  'id',
  'kind',
  'title',
  'status',
  'precedence',
  'rev',
  'awaiting',
  'due',
  'left',
  'stage',
];

export function renderPage(out: Output, page: ConsultationPage): void {
  if (page.items.length === 0) {
    out.line(
      out.c.dim(
        page.total > 0
          ? `no consultations on this page (${page.total} in all)`
          : 'no consultations match',
      ),
    );
    return;
  }
  const rows = page.items.map((s) => consultationRow(s, out));
  // The stage column (escalation, congress) only when some consultation is at one.
  const staged = rows.some((r) => r[r.length - 1] !== '');
  out.printTable(
    staged ? CONSULTATION_COLUMNS : CONSULTATION_COLUMNS.slice(0, -1),
    staged ? rows : rows.map((r) => r.slice(0, -1)),
  );
  const last = page.offset + page.items.length;
  out.line(
    out.c.dim(
      `${page.offset + 1}-${last} of ${page.total}${last < page.total ? ` (next page: --offset ${last})` : ''}`,
    ),
  );
}

export function registerLsCommand(program: Command, deps: CliDeps): void {
  program
    .command('ls')
    .description('list consultations (GET /consultations), most recently updated first')
    .option(
      '--status <statuses>',
      `only these statuses, comma-separated: ${CONSULTATION_STATUSES.join(', ')}`,
      listOf(CONSULTATION_STATUSES, 'status'),
    )
    .option(
      '--kind <kinds>',
      `only these kinds, comma-separated: ${CONSULTATION_KINDS.join(', ')}`,
      listOf(CONSULTATION_KINDS, 'kind'),
    )
    .option('--agency <agency>', 'only consultations still awaiting this agency', parseAgency)
    .option('--overdue', 'only consultations with a review past its deadline')
    .option(
      '--precedence <precedences>',
      `only these precedences: ${PRECEDENCES.join(', ')}`,
      listOf(PRECEDENCES, 'precedence'),
    )
    .option(
      '--q <text>',
      'text searched in title, summary, reference and id (only the id of a consultation above your clearance)',
    )
    .option('--limit <n>', 'page size (1-200, default 50)', integer(1, 200))
    .option('--offset <n>', 'how many to skip', integer(0, 100_000))
    .addOption(new Option('--sort <field>', 'sort by').choices(SORT_FIELDS))
    .addOption(
      new Option(
        '--order <order>',
        'default: asc for nextDueAt and precedence, desc otherwise',
      ).choices(['asc', 'desc']),
    )
    .action(async (opts: LsOptions, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      const page = await ctx.api.listConsultations(listQueryOf(opts));
      if (ctx.out.json) ctx.out.data(page);
      else renderPage(ctx.out, page);
    });
}
