import {
  agencyName,
  daysBetween,
  daysLeftEl,
  h,
  humanize,
  isWithheld,
  listText,
  timeEl,
  withheldEl,
} from '../dom.js';
import { dl, none, table } from './detail-layout.js';

/**
 * The record of a consultation (views/detail.js): its matter, reviews,
 * sign-offs, conditions, decision and timeline.
 */

/** What the server writes in place of a text the viewer may not read. */
const WITHHELD_MARK = '[withheld]';

/**
 * The matter: country, values, items, parties. `attributes` is the
 * `ConsultationAttributesV1` contract, which the API passes through as an
 * open object; every field is read defensively.
 * @param {Record<string, any> | undefined} a
 */
export function matter(a) {
  if (isWithheld(a)) return h('p', {}, withheldEl());
  if (!a || typeof a !== 'object') return none('No details.');
  const values = Array.isArray(a.values) ? a.values : [];
  const items = Array.isArray(a.items) ? a.items : [];
  const parties = Array.isArray(a.parties) ? a.parties : [];
  const usd = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  });
  return [
    dl([['Country', a.country]]),
    values.length > 0
      ? table(
          'Values',
          ['Category', 'Amount'],
          values.map((v) => [
            humanize(v.category),
            typeof v.amountUsd === 'number' ? usd.format(v.amountUsd) : '—',
          ]),
        )
      : null,
    items.length > 0
      ? table(
          'Items',
          ['Item', 'Quantity', 'USML category'],
          items.map((i) => [i.description ?? '—', i.quantity ?? '—', i.usmlCategory ?? '—']),
        )
      : null,
    parties.length > 0
      ? table(
          'Parties',
          ['Party', 'Role', 'Country', 'Owners'],
          parties.map((p) => [
            p.name ?? '—',
            humanize(p.role),
            p.country ?? '—',
            listText(p.ownership, (o) => `${o.ownerName} (${o.percent}%)`),
          ]),
        )
      : null,
  ];
}

/** @param {import('../api.js').Review[]} list */
export function reviews(list) {
  if (!Array.isArray(list) || list.length === 0) return none('No review requested.');
  const now = new Date().toISOString();
  return table(
    'Reviews of the current revision',
    ['Agency', 'State', 'Requested', 'Due', 'Time left', 'Acknowledged', 'Hold / extension'],
    list.map((r) => [
      agencyName(r.agency),
      humanize(r.state),
      timeEl(r.requestedAt),
      timeEl(r.dueAt),
      r.state === 'pending' && r.dueAt ? daysLeftEl(daysBetween(r.dueAt, now)) : '—',
      r.acknowledgedAt
        ? timeEl(r.acknowledgedAt)
        : r.acknowledgeBy
          ? ['due ', timeEl(r.acknowledgeBy)]
          : '—',
      [
        r.hold ? `On hold: ${r.hold.reason}` : null,
        r.extension ? `Extended ${r.extension.days} days: ${r.extension.reason}` : null,
        r.waived ? `Waived: ${r.waived.justification}` : null,
      ]
        .filter(Boolean)
        .join('; ') || '—',
    ]),
  );
}

/** @param {import('../api.js').SignOffRecord[]} list */
export function signOffs(list) {
  if (!Array.isArray(list) || list.length === 0) return none('No sign-off yet.');
  return h(
    'ol',
    { class: 'sign-offs' },
    list.map((s) =>
      h(
        'li',
        { class: 'sign-off', 'data-decision': s.decision ?? '' },
        h(
          'p',
          {},
          h('strong', {}, agencyName(s.agency)),
          `: ${humanize(s.decision)}`,
          s.basis === 'deemed-concurrence' ? ' (deemed)' : '',
          ` · revision ${s.revision} · `,
          timeEl(s.submittedAt),
        ),
        s.officer ? h('p', { class: 'muted' }, `${s.officer.name}, ${s.officer.title}`) : null,
        s.rationale ? h('p', {}, s.rationale) : null,
        s.rule ? h('p', { class: 'muted' }, `Rule: ${s.rule.source}`) : null,
        Array.isArray(s.conditions) && s.conditions.length > 0
          ? h(
              'ul',
              { class: 'conditions', 'aria-label': `Conditions of ${agencyName(s.agency)}` },
              s.conditions.map((c) =>
                h(
                  'li',
                  {},
                  h('code', {}, c.id),
                  ` ${c.text}`,
                  c.category ? ` (${humanize(c.category)})` : '',
                ),
              ),
            )
          : null,
      ),
    ),
  );
}

/** @param {import('../api.js').ConditionRecord[]} list */
export function conditions(list) {
  if (!Array.isArray(list) || list.length === 0) return none('No condition imposed.');
  return table(
    'Conditions',
    ['Id', 'Condition', 'Imposed by', 'Status'],
    list.map((c) => [h('code', {}, c.id), c.text, agencyName(c.agency), humanize(c.status)]),
  );
}

/** @param {import('../api.js').Decision} d */
export function decision(d) {
  return dl([
    ['Outcome', humanize(d.outcome)],
    ['Basis', humanize(d.basis)],
    ['Decided', timeEl(d.decidedAt)],
    ['Rationale', d.rationale],
  ]);
}

/** @param {import('../api.js').TimelineEntry[]} list */
export function timeline(list) {
  if (isWithheld(list)) return h('p', {}, withheldEl());
  if (!Array.isArray(list) || list.length === 0) return none('Nothing recorded yet.');
  return h(
    'ol',
    { class: 'timeline' },
    list.map((e) =>
      h(
        'li',
        { dataset: { type: e.type } },
        timeEl(e.at),
        ' ',
        h(
          'span',
          { class: 'actor' },
          e.actor === 'coordinator' || e.actor === 'clock'
            ? humanize(e.actor)
            : agencyName(e.actor),
        ),
        ' ',
        h('code', { class: 'event-type' }, e.type),
        h('p', {}, isWithheld(e) || e.summary === WITHHELD_MARK ? withheldEl() : e.summary),
      ),
    ),
  );
}
