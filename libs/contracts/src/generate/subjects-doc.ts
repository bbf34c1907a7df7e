import { MESSAGES, MESSAGE_NAMES, type MessageName } from '../catalog';
import {
  cloudEventType,
  DLQ_SUBJECT_PREFIX,
  EVENT_SUBJECT_PREFIX,
  RPC_SUBJECT_PREFIX,
  type MessageDefinition,
} from '../define';
import { AGENCIES, type Party } from '../parties';
import { verdictSubject } from '../verdict';
import { payloadClassName } from '../json-schema';
import { channelAddress } from './asyncapi';

export const SUBJECTS_DOC_PATH = 'docs/subjects.md';

function publishersText(publishers: readonly Party[]): string {
  return publishers.length === AGENCIES.length && AGENCIES.every((a) => publishers.includes(a))
    ? 'any agency'
    : publishers.join(', ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A Markdown table with padded columns, as Prettier formats it (so formatting the docs leaves it alone). */
function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The subject catalog, as Markdown. */
export function generateSubjectsDoc(): string {
  const header = [
    'Name',
    'Subject',
    'Publishers',
    'Addressed',
    'CloudEvents type',
    'Payload',
    'Summary',
  ];
  const rows = MESSAGE_NAMES.map((name: MessageName) => {
    const d = MESSAGES[name] as unknown as MessageDefinition;
    return [
      `\`${name}\``,
      `\`${channelAddress(name)}\``,
      publishersText(d.publishers),
      d.addressee ? 'yes' : 'no',
      `\`${cloudEventType(d)}\``,
      `\`${payloadClassName(name)}\``,
      cell(d.summary),
    ];
  });
  const table = markdownTable(header, rows);
  return `# Subject catalog

<!-- Generated from libs/contracts by scripts/generate-contracts.ts: do not edit; run \`npm run generate\`. -->

Every message is published on \`${EVENT_SUBJECT_PREFIX}.<publisher>.<name>.v<version>\`, followed by
\`.<addressee>\` for a message addressed to one party. \`<publisher>\` is the party that
published it, and it must equal the envelope's \`source\` (\`/icb/<party>\`). The body is a
CloudEvents 1.0 event in structured mode; its JSON Schema is \`docs/schemas/<name>.v<version>.json\`,
and \`docs/asyncapi.yaml\` describes the same channels.

## Prefixes

- \`${EVENT_SUBJECT_PREFIX}.>\` (stream): events. They are stored in a JetStream stream and
  consumed by durable consumers; the envelope id is the \`Nats-Msg-Id\`, so a re-publish is
  de-duplicated.
- \`${RPC_SUBJECT_PREFIX}.>\` (request/reply, core NATS): answers wanted now rather than stored.
  No stream covers them: a stream on a request subject would answer the request with a
  publish acknowledgement instead of the service's reply. \`${verdictSubject('dod').replace(/dod$/, '<party>')}\`
  carries the coordinator's verdict on each message the party published (accepted, or
  refused with a code and a reason; ADR 11): only the coordinator publishes there, only
  that party reads it, and the coordinator keeps every verdict (\`GET /messages/{eventId}/verdict\`),
  so one missed here is read there.
- \`${DLQ_SUBJECT_PREFIX}.>\` (dead letters): messages a consumer could not process
  (invalid, unknown subject, or out of retries), with the reason. Kept apart from the
  event stream so that replaying events never replays dead letters. Whatever an agency
  publishes that the catalog does not let it (a message of another publisher, or none in
  the catalog) is dead-lettered by the coordinator, or, when addressed to a party, by that
  party's adapter: never stored unread (ADR 13).
- \`icb.leaf.<agency>.in.>\`, \`icb.leaf.<agency>.out.>\` (JetStream sourcing, ADR 21): when an
  agency runs on its own leaf node, the hub delivers there what the leaf's \`ICB_EVENTS\`
  sources (what is addressed to the agency), and the leaf what the hub's streams source from
  its \`ICB_OUTBOX_<AGENCY>\` (what it published) and its dead letters. No service publishes or
  subscribes there; only that agency's leaf link carries them, and no event subject crosses
  the link as a core message.

## Who reads what (ADR 6, ADR 17)

An agency reads only the events addressed to it (\`${EVENT_SUBJECT_PREFIX}.*.*.*.v1.<agency>\`): its
NATS user may neither subscribe to nor create a consumer on anything else. Of the messages
published without an addressee (another agency's sign-off, Treasury's screening, a decision)
it learns what the coordinator's need-to-know policy says
(\`apps/coordinator/src/policy/need-to-know.data.ts\`, effective-dated): a \`notice.forwarded\`
addressed to it, one per message and recipient (its id derived from both, so a relay is
de-duplicated), marked like the consultation, with only the fields the policy names (a
sign-off's position, never its rationale). Content stays behind the coordinator's API. The
coordinator reads everything; the operators' NATS user reads (the events, the dead letters) and publishes nothing.

## Messages

${table}
`;
}
