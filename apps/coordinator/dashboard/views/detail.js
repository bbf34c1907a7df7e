import { api, ApiError } from '../api.js';
import {
  daysBetween,
  daysLeftEl,
  debounce,
  h,
  humanize,
  isWithheld,
  kindName,
  replaceKeepingFocus,
  timeEl,
  WITHHELD_TEXT,
  withheldEl,
} from '../dom.js';
import { agenciesText, loadError, markingEl, precedenceEl, statusEl } from './common.js';
import { dl, section } from './detail-layout.js';
import { assessments, clocks, congress, escalation, screenings } from './detail-oversight.js';
import { conditions, decision, matter, reviews, signOffs, timeline } from './detail-record.js';

/** @typedef {import('../api.js').ConsultationDetail} ConsultationDetail */
/** @typedef {import('../api.js').WithheldConsultation} WithheldConsultation */

/**
 * One consultation in full: its matter, reviews, sign-offs and conditions,
 * escalation ladder, congressional notification, clocks and the whole
 * timeline. Refreshed when an event about it passes on the bus.
 */
/** @param {import('./common.js').ViewContext} ctx @returns {import('./common.js').MountedView} */
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

  /** @param {string} [reason] the event that changed it */
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

  /** @param {ConsultationDetail | WithheldConsultation} c */
  function render(c) {
    if (isWithheldConsultation(c)) {
      heading.replaceChildren(withheldEl());
      ctx.setMarkings([]);
      replaceKeepingFocus(
        body,
        facts(c),
        h(
          'p',
          { class: 'withheld-notice' },
          `${WITHHELD_TEXT}. Its matter, sign-offs and what the timeline says are not shown.`,
        ),
        section('timeline', 'Timeline', timeline(c.timeline)),
      );
      return;
    }
    heading.replaceChildren(c.title ?? c.id);
    ctx.setMarkings(markingsOfDetail(c));
    replaceKeepingFocus(
      body,
      facts(c),
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
  /** @type {string | undefined} */
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

/**
 * True when the coordinator sent only what may be said of the consultation
 * (classified above the operator's clearance).
 * @param {ConsultationDetail | WithheldConsultation} c
 * @returns {c is WithheldConsultation}
 */
function isWithheldConsultation(c) {
  return isWithheld(c);
}

/** Everything with a marking the page shows: the consultation and its assessments' titles. @param {ConsultationDetail} c */
function markingsOfDetail(c) {
  const assessments = Array.isArray(c.assessments) ? c.assessments : [];
  return [
    c.classification,
    ...assessments.filter((a) => !isWithheld(a)).map((a) => a.classification),
  ];
}

/** The facts at the top: what may be said of any consultation, and what only its readers see. @param {ConsultationDetail | WithheldConsultation} c */
function facts(c) {
  const full = isWithheldConsultation(c) ? undefined : c;
  /** @type {([string, any] | undefined)[]} */
  const pairs = [
    ['Id', h('code', {}, c.id)],
    ['Kind', kindName(c.kind)],
    ['Status', statusEl(c.status)],
    ['Precedence', precedenceEl(c.precedence)],
    ['Classification', markingEl(c.classification)],
    full && ['Reference', full.reference],
    full && ['Action office', full.actionOffice],
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
    ['Closed', full?.closedAt ? timeEl(full.closedAt) : undefined],
  ];
  return dl(pairs.flatMap((pair) => (pair ? [pair] : [])));
}
