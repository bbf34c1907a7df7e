import { api, ApiError } from '../api.js';
import {
  agencyName,
  daysBetween,
  daysLeftEl,
  debounce,
  h,
  humanize,
  kindName,
  isWithheld,
  listText,
  replaceKeepingFocus,
  timeEl,
  WITHHELD_TEXT,
  withheldEl,
} from '../dom.js';
import { CONGRESS_STEPS, LADDER_NAMES, LADDERS, LEVEL_NAMES } from '../vocab.js';
import { agenciesText, loadError, markingEl, precedenceEl, statusEl } from './common.js';

/**
 * One consultation in full: its matter, reviews, sign-offs and conditions,
 * escalation ladder, congressional notification, clocks and the whole
 * timeline. Refreshed when an event about it passes on the bus.
 */
export function mount(ctx) {
  const id = decodeURIComponent(ctx.params.id);
  const heading = h('h1', { tabindex: '-1' }, 'Consultation');
  const body = h('div', { class: 'detail' });
  let generation = 0;
  let loaded = false;
  ctx.main.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/consultations' }, 'Consultations')),
    heading,
    body,
  );

  async function load(reason) {
    const mine = ++generation;
    let c;
    try {
      c = await api.consultation(id);
    } catch (error) {
      if (mine !== generation || !ctx.isCurrent()) return;
      heading.textContent =
        error instanceof ApiError && error.status === 404 ? 'No such consultation' : 'Consultation';
      replaceKeepingFocus(
        body,
        error instanceof ApiError && error.status === 404
          ? h('p', {}, `No consultation has the id ${id}.`)
          : loadError(error),
      );
      ctx.setMarkings([]);
      return;
    }
    if (mine !== generation || !ctx.isCurrent()) return;
    render(c);
    if (loaded && reason)
      ctx.announce(`Consultation updated: ${humanize(reason.replace('.', ' '))}`);
    loaded = true;
  }

  function render(c) {
    const withheld = isWithheld(c);
    heading.replaceChildren(withheld ? withheldEl() : (c.title ?? c.id));
    ctx.setMarkings(withheld ? [] : markingsOfDetail(c));
    if (withheld) {
      replaceKeepingFocus(
        body,
        facts(c, true),
        h(
          'p',
          { class: 'withheld-notice' },
          `${WITHHELD_TEXT}. Its matter, sign-offs and what the timeline says are not shown.`,
        ),
        section('timeline', 'Timeline', timeline(c.timeline)),
      );
      return;
    }
    replaceKeepingFocus(
      body,
      facts(c, false),
      c.summary ? h('p', { class: 'summary' }, c.summary) : null,
      section('matter', 'The matter', matter(c.attributes)),
      section('reviews', 'Reviews', reviews(c.reviews)),
      section('sign-offs', 'Sign-offs', signOffs(c.signOffs)),
      section('conditions', 'Conditions', conditions(c.conditions)),
      section('escalation', 'Escalation', escalation(c.escalation)),
      section('congress', 'Congressional notification', congress(c.congress, c.kind)),
      section('clocks', 'Clocks', clocks(c.clocks)),
      Array.isArray(c.screenings) && c.screenings.length > 0
        ? section('screenings', 'Sanctions screenings', screenings(c.screenings))
        : null,
      Array.isArray(c.assessments) && c.assessments.length > 0
        ? section('assessments', 'Intelligence assessments', assessments(c.assessments))
        : null,
      c.decision ? section('decision', 'Decision', decision(c.decision)) : null,
      section('timeline', 'Timeline', timeline(c.timeline)),
    );
  }

  const refresh = debounce(() => void load(lastEvent), 200);
  let lastEvent;
  void load();
  return {
    onEvent: (event) => {
      if (event.consultationId !== id) return;
      lastEvent = event.name;
      refresh();
    },
    refresh: () => void load(),
    unmount: () => {
      refresh.cancel();
      generation += 1;
    },
  };
}

/** What the server writes in place of a text the viewer may not read. */
const WITHHELD_MARK = '[withheld]';

/** Everything with a marking the page shows: the consultation and its assessments' titles. */
function markingsOfDetail(c) {
  const assessments = Array.isArray(c.assessments) ? c.assessments : [];
  return [
    c.classification,
    ...assessments.filter((a) => !isWithheld(a)).map((a) => a.classification),
  ];
}

function section(id, title, ...content) {
  return h(
    'section',
    { 'aria-labelledby': `section-${id}`, id: `detail-${id}` },
    h('h2', { id: `section-${id}` }, title),
    ...content,
  );
}

function dl(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs
      .filter(([, v]) => v !== undefined && v !== null && v !== false)
      .map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))),
  );
}

function facts(c, withheld) {
  return dl(
    [
      ['Id', h('code', {}, c.id)],
      ['Kind', kindName(c.kind)],
      ['Status', statusEl(c.status)],
      ['Precedence', precedenceEl(c.precedence)],
      ['Classification', markingEl(c.classification)],
      !withheld && ['Reference', c.reference],
      !withheld && ['Action office', c.actionOffice],
      ['Revision', c.revision],
      ['Pending agencies', agenciesText(c.pendingAgencies)],
      [
        'Next deadline',
        c.nextDueAt
          ? [
              timeEl(c.nextDueAt),
              ' (',
              daysLeftEl(daysBetween(c.nextDueAt, new Date().toISOString())),
              ')',
            ]
          : undefined,
      ],
      ['Opened', timeEl(c.openedAt)],
      ['Updated', timeEl(c.updatedAt)],
      ['Closed', c.closedAt ? timeEl(c.closedAt) : undefined],
    ].filter(Boolean),
  );
}

function table(caption, headers, rows, cls) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: cls },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((cells) =>
          h(
            'tr',
            {},
            cells.map((c) => h('td', {}, c)),
          ),
        ),
      ),
    ),
  );
}

function none(text) {
  return h('p', { class: 'muted' }, text);
}

function matter(a) {
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

function reviews(list) {
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

function signOffs(list) {
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

function conditions(list) {
  if (!Array.isArray(list) || list.length === 0) return none('No condition imposed.');
  return table(
    'Conditions',
    ['Id', 'Condition', 'Imposed by', 'Status'],
    list.map((c) => [h('code', {}, c.id), c.text, agencyName(c.agency), humanize(c.status)]),
  );
}

function escalation(e) {
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

function congress(c, kind) {
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

function clocks(list) {
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

function screenings(list) {
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

function assessments(list) {
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

function decision(d) {
  return dl([
    ['Outcome', humanize(d.outcome)],
    ['Basis', humanize(d.basis)],
    ['Decided', timeEl(d.decidedAt)],
    ['Rationale', d.rationale],
  ]);
}

function timeline(list) {
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
