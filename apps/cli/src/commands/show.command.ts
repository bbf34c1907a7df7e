import type { Command } from 'commander';
import { ESCALATION_LADDERS } from '@icb/contracts';
import type {
  ConsultationDetail,
  EscalationState,
  SignOffRecord,
  WithheldConsultation,
} from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import {
  decisionColor,
  Output,
  precedenceColor,
  shortTime,
  statusColor,
  timeLeftText,
  truncate,
} from '../output';
import { parseUuid } from '../parse';

/** `pcc → [deputies] → principals → nsc`: where the matter stands on its ladder. */
export function ladderPosition(
  escalation: Pick<EscalationState, 'ladder' | 'level'>,
  out: Output,
): string {
  const levels = (ESCALATION_LADDERS[escalation.ladder] ?? []) as readonly string[];
  if (!levels.includes(escalation.level)) return escalation.level;
  return levels
    .map((l) => (l === escalation.level ? out.c.bold(out.c.magenta(`[${l}]`)) : out.c.dim(l)))
    .join(' → ');
}

/** The latest sign-off of each agency on a revision. */
export function signOffsOn(
  detail: Pick<ConsultationDetail, 'signOffs'>,
  revision: number,
): Map<string, SignOffRecord> {
  const latest = new Map<string, SignOffRecord>();
  for (const s of detail.signOffs) if (s.revision === revision) latest.set(s.agency, s);
  return latest;
}

/** A consultation above the operator's clearance: what may be said of it. */
export function renderWithheld(out: Output, d: WithheldConsultation, now: Date): void {
  const { c } = out;
  out.line(c.yellow(`[withheld: classified ${d.classification}, above your clearance]`));
  out.fields([
    ['id', d.id],
    ['kind', d.kind],
    ['status', `${statusColor(d.status, c)}  revision ${d.revision}`],
    ['precedence', precedenceColor(d.precedence, c)],
    ['classification', d.classification],
    ['opened', shortTime(d.openedAt)],
    ['updated', shortTime(d.updatedAt)],
    ['awaiting', d.pendingAgencies.length ? d.pendingAgencies.join(', ') : undefined],
    [
      'next due',
      d.nextDueAt ? `${shortTime(d.nextDueAt)} (${timeLeftText(d.nextDueAt, now, c)})` : undefined,
    ],
  ]);
  out.line();
  out.heading(`timeline (${d.timeline.length}; summaries withheld)`);
  out.printTable(
    ['#', 'at', 'actor', 'event'],
    d.timeline.map((e) => [String(e.seq), shortTime(e.at), e.actor, e.type]),
  );
}

export function renderDetail(out: Output, d: ConsultationDetail, now: Date): void {
  const { c } = out;
  out.line(c.bold(d.title));
  out.fields([
    ['id', d.id],
    ['kind', d.kind],
    ['status', `${statusColor(d.status, c)}  revision ${d.revision}`],
    ['precedence', precedenceColor(d.precedence, c)],
    ['classification', d.classification],
    ['action office', d.actionOffice],
    ['reference', d.reference],
    ['opened', shortTime(d.openedAt)],
    ['updated', shortTime(d.updatedAt)],
    ['closed', d.closedAt ? shortTime(d.closedAt) : undefined],
    ['awaiting', d.pendingAgencies.length ? d.pendingAgencies.join(', ') : undefined],
    [
      'decision',
      d.decision
        ? `${d.decision.outcome === 'approved' ? c.green(d.decision.outcome) : c.red(d.decision.outcome)} (${d.decision.basis}) ${shortTime(d.decision.decidedAt)}`
        : undefined,
    ],
  ]);
  out.line(c.dim(truncate(d.summary, 300)));

  out.line();
  out.heading(`clearers (revision ${d.revision})`);
  const signOffs = signOffsOn(d, d.revision);
  out.printTable(
    ['agency', 'review', 'due', 'left', 'sign-off', 'officer', 'conditions / rationale'],
    d.clearers.map((agency) => {
      const review = d.reviews.find((r) => r.agency === agency);
      const s = signOffs.get(agency);
      const pending = review?.state === 'pending';
      const left = review && pending ? timeLeftText(review.dueAt, now, c) : undefined;
      const notes = [
        ...(s?.conditions ?? []).map((k) => `${k.id}: ${truncate(k.text, 50)}`),
        s?.rationale ? `rationale: ${truncate(s.rationale, 60)}` : undefined,
        s?.basis === 'deemed-concurrence'
          ? `deemed${s.rule ? ` (${s.rule.source})` : ''}`
          : undefined,
        review?.hold ? c.yellow(`on hold: ${truncate(review.hold.reason, 40)}`) : undefined,
      ].filter((n): n is string => Boolean(n));
      return [
        agency,
        review?.state ?? c.dim('—'),
        review ? shortTime(review.dueAt) : '—',
        left === undefined ? c.dim('—') : review?.hold ? c.yellow('paused') : left,
        s ? decisionColor(s.decision, c) : c.dim('—'),
        s?.officer ? `${s.officer.name}, ${s.officer.title}` : '',
        notes.join('\n'),
      ];
    }),
  );

  if (d.conditions.length > 0) {
    out.line();
    out.heading('conditions');
    out.printTable(
      ['id', 'agency', 'rev', 'status', 'text'],
      d.conditions.map((k) => [k.id, k.agency, String(k.revision), k.status, truncate(k.text, 70)]),
    );
  }

  const clocks = d.clocks.filter((k) => !k.firedAt);
  if (clocks.length > 0) {
    out.line();
    out.heading('clocks');
    out.printTable(
      ['clock', 'agency', 'rev', 'due', 'left'],
      [...clocks]
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .map((k) => [
          k.kind,
          k.agency ?? '—',
          String(k.revision),
          shortTime(k.dueAt),
          timeLeftText(k.dueAt, now, c),
        ]),
    );
  }

  if (d.escalation) {
    const e = d.escalation;
    out.line();
    out.heading(
      `escalation (${e.ladder} ladder)${e.resolvedAt ? ` — resolved ${shortTime(e.resolvedAt)}: ${e.outcome ?? ''}` : ''}`,
    );
    out.line(`  ${ladderPosition(e, out)}`);
    out.line(
      `  ${c.dim('cause')} ${e.cause}${e.agency ? ` (${e.agency})` : ''}: ${truncate(e.reason, 100)}`,
    );
    if (e.history.length > 0) {
      out.printTable(
        ['level', 'chair', 'raised', 'due', 'decided', 'outcome'],
        e.history.map((h) => [
          h.level,
          h.chair,
          shortTime(h.raisedAt),
          shortTime(h.dueAt),
          shortTime(h.decidedAt),
          h.outcome ?? '',
        ]),
      );
    }
  }

  if (d.congress) {
    const g = d.congress;
    out.line();
    out.heading('congress (AECA §36(b))');
    out.fields([
      ['step', g.step],
      ['required', g.required ? `yes (${g.countryGroup}, ${g.reviewDays}-day review)` : 'no'],
      ['informal notice', g.informalAt ? shortTime(g.informalAt) : undefined],
      [
        'formal notice',
        g.formalAt
          ? `${shortTime(g.formalAt)}${g.transmittalNumber ? ` (${g.transmittalNumber})` : ''}`
          : undefined,
      ],
      ['review ends', g.reviewEndsAt ? shortTime(g.reviewEndsAt) : undefined],
      [
        'cleared',
        g.clearedAt ? `${shortTime(g.clearedAt)}${g.basis ? ` (${g.basis})` : ''}` : undefined,
      ],
      [
        'holds',
        g.holds.length
          ? g.holds
              .map(
                (h) =>
                  `${h.holdId} ${h.committee}${h.liftedAt ? ' (lifted)' : c.yellow(' (open)')}`,
              )
              .join(', ')
          : undefined,
      ],
    ]);
  }

  out.line();
  out.heading('timeline');
  out.printTable(
    ['#', 'at', 'actor', 'type', 'summary'],
    d.timeline.map((t) => [
      String(t.seq),
      shortTime(t.at),
      t.actor,
      t.type,
      truncate(t.summary, 80),
    ]),
  );
}

export function registerShowCommand(program: Command, deps: CliDeps): void {
  program
    .command('show')
    .description(
      'one consultation: header, clearers and sign-offs, conditions, clocks, escalation, congress, timeline',
    )
    .argument('<id>', 'consultation id (UUID)', parseUuid)
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      const detail = await ctx.api.consultation(id);
      if (ctx.out.json) ctx.out.data(detail);
      else if ('withheld' in detail && detail.withheld) renderWithheld(ctx.out, detail, ctx.now());
      else renderDetail(ctx.out, detail as ConsultationDetail, ctx.now());
    });
}
