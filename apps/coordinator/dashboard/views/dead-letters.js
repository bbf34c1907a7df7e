import { api } from '../api.js';
import { clearanceAllows, parseMarking } from '../classification.js';
import { h, replaceKeepingFocus, timeEl } from '../dom.js';
import { loadError, markingEl } from './common.js';

/**
 * The dead-letter stream (`GET /dead-letters`): what a consumer could not
 * process, and why. Action officers may replay or discard an entry; others
 * read. A message's body is shown only when it carries a classification
 * marking the viewer is cleared for (it counts towards the page's banner);
 * an unmarked or unreadable body is not shown.
 * @param {import('./common.js').ViewContext} ctx @returns {import('./common.js').MountedView}
 */
export function mount(ctx) {
  const canAct = Array.isArray(ctx.user.roles) && ctx.user.roles.includes('action-officer');
  const results = h('div', { class: 'results' });
  const status = h('p', { class: 'notice', role: 'status' });
  ctx.main.append(
    h('h1', { tabindex: '-1' }, 'Dead letters'),
    h(
      'p',
      {},
      canAct
        ? 'Replay publishes the original message again on its subject; discard removes the entry.'
        : 'Read only: replaying or discarding needs the action-officer role.',
    ),
    h('p', {}, h('button', { type: 'button', on: { click: () => void load() } }, 'Reload')),
    status,
    results,
  );
  let generation = 0;

  async function load() {
    const mine = ++generation;
    let list;
    try {
      list = await api.deadLetters();
    } catch (error) {
      if (mine === generation && ctx.isCurrent()) replaceKeepingFocus(results, loadError(error));
      return;
    }
    if (mine !== generation || !ctx.isCurrent()) return;
    const items = Array.isArray(list.items) ? list.items : [];
    const bodies = items.map((e) => readBody(e.record, ctx.user.clearance));
    ctx.setMarkings(bodies.filter((b) => b.shown).map((b) => b.marking));
    replaceKeepingFocus(
      results,
      h(
        'p',
        { class: 'result-count' },
        `${list.total} dead-lettered message${list.total === 1 ? '' : 's'}`,
      ),
      items.length === 0
        ? null
        : h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { id: 'dead-letters-table' },
              h('caption', { class: 'visually-hidden' }, 'Dead-lettered messages, oldest first'),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  [
                    'Seq',
                    'Dead-lettered',
                    'Consumer',
                    'Why',
                    'Subject',
                    'Deliveries',
                    'Message',
                    canAct ? 'Actions' : null,
                  ]
                    .filter(Boolean)
                    .map((t) => h('th', { scope: 'col' }, t)),
                ),
              ),
              h(
                'tbody',
                {},
                items.map((e, i) => row(e, bodies[i])),
              ),
            ),
          ),
    );
  }

  /** @param {import('../api.js').DeadLetterEntry} entry @param {ShownBody} body */
  function row(entry, body) {
    const r = entry.record;
    return h(
      'tr',
      { dataset: { seq: entry.seq } },
      h('th', { scope: 'row' }, String(entry.seq)),
      h('td', {}, timeEl(r.deadLetteredAt)),
      h('td', {}, r.consumer ?? '—'),
      h(
        'td',
        {},
        h('code', {}, r.code ?? '—'),
        h('p', {}, r.reason ?? ''),
        Array.isArray(r.errors) && r.errors.length > 0
          ? h(
              'ul',
              {},
              r.errors.map((x) => h('li', {}, x)),
            )
          : null,
      ),
      h('td', {}, h('code', {}, r.subject ?? '—')),
      h('td', { class: 'num' }, String(r.deliveryCount ?? '—')),
      h(
        'td',
        {},
        body.shown
          ? h(
              'details',
              {},
              h('summary', {}, 'Message ', markingEl(body.marking)),
              h('pre', {}, body.text),
            )
          : h('span', { class: 'withheld' }, body.why),
      ),
      canAct
        ? h(
            'td',
            { class: 'actions' },
            h(
              'button',
              {
                type: 'button',
                dataset: { key: `replay-${entry.seq}` },
                on: { click: () => void act('replay', entry.seq) },
              },
              `Replay ${entry.seq}`,
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                dataset: { key: `discard-${entry.seq}` },
                on: { click: () => void act('discard', entry.seq) },
              },
              `Discard ${entry.seq}`,
            ),
          )
        : null,
    );
  }

  /** @param {'replay' | 'discard'} action @param {number} seq */
  async function act(action, seq) {
    const question =
      action === 'replay'
        ? `Publish dead letter ${seq} again on its original subject?`
        : `Remove dead letter ${seq} without replaying it?`;
    if (!window.confirm(question)) return;
    try {
      if (action === 'replay') {
        const result = await api.replay(seq);
        status.textContent = `Dead letter ${seq} replayed on ${result.subject}.`;
      } else {
        await api.discard(seq);
        status.textContent = `Dead letter ${seq} discarded.`;
      }
      ctx.announce(status.textContent);
    } catch (error) {
      status.textContent = `Could not ${action} dead letter ${seq}: ${error instanceof Error ? error.message : String(error)}`;
    }
    await load();
  }

  void load();
  return {
    refresh: () => void load(),
    unmount: () => {
      generation += 1;
    },
  };
}

/**
 * @typedef {{ shown: true, marking: string, text: string } | { shown: false, why: string }} ShownBody
 */

/**
 * The body of a dead letter, if it may be shown: JSON with a marking the viewer is cleared for.
 * @param {import('../api.js').DeadLetterRecord | undefined} record @param {string} clearance
 * @returns {ShownBody}
 */
function readBody(record, clearance) {
  if (record?.withheld === true) return { shown: false, why: 'Withheld: above your clearance' };
  if (!record || record.encoding !== 'utf8' || typeof record.data !== 'string') {
    return { shown: false, why: 'Not shown: not a readable message' };
  }
  let parsed;
  try {
    parsed = JSON.parse(record.data);
  } catch {
    return { shown: false, why: 'Not shown: not JSON, so it carries no classification marking' };
  }
  const marking = parsed && typeof parsed === 'object' ? parsed.classification : undefined;
  if (!parseMarking(marking)) {
    return { shown: false, why: 'Not shown: the message carries no classification marking' };
  }
  if (!clearanceAllows(clearance, marking)) {
    return { shown: false, why: 'Withheld: above your clearance' };
  }
  return { shown: true, marking, text: JSON.stringify(parsed, null, 2) };
}
