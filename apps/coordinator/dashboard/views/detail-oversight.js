import { agencyName, h, humanize, isWithheld, listText, timeEl, withheldEl } from '../dom.js';
import { CONGRESS_STEPS, LADDER_NAMES, LADDERS, LEVEL_NAMES } from '../vocab.js';
import { agenciesText, markingEl } from './common.js';
import { dl, none, table } from './detail-layout.js';

/**
 * What watches over a consultation (views/detail.js): its escalation ladder,
 * congressional notification, clocks, sanctions screenings and intelligence
 * assessments.
 */

/** @param {import('../api.js').EscalationState | undefined} e */
export function escalation(e) {
  if (!e) return none('Not escalated.');
  const ladder = LADDERS[e.ladder] ?? [];
  const history = Array.isArray(e.history) ? e.history : [];
  const open = !e.resolvedAt && !e.supersededAt;
  return [
    dl([
      ['Ladder', LADDER_NAMES[e.ladder] ?? e.ladder],
      ['Current level', `${LEVEL_NAMES[e.level] ?? e.level}${open ? '' : ' (closed)'}`],
      ['Cause', humanize(e.cause)],
      ['Agency', e.agency ? agencyName(e.agency) : undefined],
      ['Reason', e.reason],
      ['Outcome', e.outcome ? humanize(e.outcome) : undefined],
      ['Resolved', e.resolvedAt ? timeEl(e.resolvedAt) : undefined],
    ]),
    h(
      'ol',
      { class: 'ladder', 'aria-label': 'Escalation ladder, lowest level first' },
      ladder.map((level) => {
        const step = history.find((s) => s.level === level);
        const current = level === e.level;
        return h(
          'li',
          {
            class: ['ladder-step', step ? 'reached' : null, current ? 'current' : null],
            'aria-current': current && open ? 'step' : undefined,
            'data-level': level,
          },
          h('span', { class: 'ladder-name' }, LEVEL_NAMES[level] ?? level),
          current && open ? h('span', { class: 'badge' }, 'here now') : null,
          step
            ? h(
                'span',
                { class: 'ladder-detail' },
                `raised `,
                timeEl(step.raisedAt),
                step.outcome
                  ? ` · ${humanize(step.outcome)} by ${step.decidedBy ?? step.chair}`
                  : ` · due `,
                step.outcome ? null : timeEl(step.dueAt),
                step.rationale ? ` · “${step.rationale}”` : null,
              )
            : h('span', { class: 'ladder-detail muted' }, 'not reached'),
        );
      }),
    ),
  ];
}

/** @param {import('../api.js').CongressState | undefined} c @param {string} kind */
export function congress(c, kind) {
  if (!c)
    return none(
      kind === 'fms-case'
        ? 'No notification state yet.'
        : 'Not applicable: only FMS cases are notified under AECA §36(b).',
    );
  const path = CONGRESS_STEPS.includes(c.step) ? CONGRESS_STEPS : [...CONGRESS_STEPS, c.step];
  const at = path.indexOf(c.step);
  const holds = Array.isArray(c.holds) ? c.holds : [];
  return [
    dl([
      ['Notification required', c.required ? 'Yes' : 'No'],
      ['State', humanize(c.step)],
      ['Country group', c.countryGroup],
      ['Review period', c.reviewDays ? `${c.reviewDays} days` : undefined],
      ['Triggered by', c.triggeredBy?.length ? listText(c.triggeredBy, humanize) : undefined],
      ['Committees', c.committees?.length ? c.committees.join(', ') : undefined],
      ['Informal notice', c.informalAt ? timeEl(c.informalAt) : undefined],
      ['Formal notice', c.formalAt ? timeEl(c.formalAt) : undefined],
      ['Transmittal', c.transmittalNumber],
      ['Review ends', c.reviewEndsAt ? timeEl(c.reviewEndsAt) : undefined],
      ['Cleared for offer', c.clearedAt ? timeEl(c.clearedAt) : undefined],
      ['Waiver', c.waiver ? c.waiver.justification : undefined],
      ['Disapproval', c.disapproval ? c.disapproval.resolution : undefined],
    ]),
    c.required
      ? h(
          'ol',
          { class: 'steps', 'aria-label': 'Notification steps' },
          path.map((step, i) =>
            h(
              'li',
              {
                class: ['step', i < at ? 'done' : null, i === at ? 'current' : null],
                'aria-current': i === at ? 'step' : undefined,
              },
              humanize(step),
            ),
          ),
        )
      : null,
    holds.length > 0
      ? table(
          'Holds',
          ['Committee', 'Member', 'Note', 'Placed', 'Lifted'],
          holds.map((x) => [
            x.committee,
            x.member ?? '—',
            x.note,
            timeEl(x.placedAt),
            x.liftedAt ? timeEl(x.liftedAt) : 'in force',
          ]),
        )
      : null,
  ];
}

/** @param {import('../api.js').ClockRecord[]} list */
export function clocks(list) {
  if (!Array.isArray(list) || list.length === 0) return none('No clock.');
  return table(
    'Clocks',
    ['Clock', 'Agency', 'Revision', 'Due', 'Fired'],
    [...list]
      .sort((a, b) => String(a.dueAt).localeCompare(String(b.dueAt)))
      .map((k) => [
        humanize(k.kind),
        k.agency ? agencyName(k.agency) : '—',
        k.revision,
        timeEl(k.dueAt),
        k.firedAt ? timeEl(k.firedAt) : 'not yet',
      ]),
  );
}

/** @param {import('../api.js').ScreeningRecord[]} list */
export function screenings(list) {
  return table(
    'Sanctions screenings',
    ['List', 'Result', 'Parties screened', 'Matches', 'Recorded'],
    list.map((s) => [
      `${s.list?.name ?? '—'} (${s.list?.versionDate ?? '—'})`,
      humanize(s.result),
      s.partiesScreened,
      listText(s.matches, (m) => `${m.partyName} → ${m.listEntryName} (${humanize(m.basis)})`),
      timeEl(s.recordedAt),
    ]),
  );
}

/** @param {import('../api.js').AssessmentRecord[]} list */
export function assessments(list) {
  return table(
    'Intelligence assessments',
    ['Title', 'Classification', 'Originator', 'Recipients', 'Shared'],
    list.map((a) =>
      isWithheld(a)
        ? [
            withheldEl(),
            markingEl(a.classification),
            agencyName(a.originator),
            '—',
            timeEl(a.sharedAt),
          ]
        : [
            a.title,
            markingEl(a.classification),
            agencyName(a.originator),
            agenciesText(a.approvedRecipients),
            timeEl(a.sharedAt),
          ],
    ),
  );
}
