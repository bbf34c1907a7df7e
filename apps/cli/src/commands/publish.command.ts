import { Option, type Command } from 'commander';
import { MESSAGE_NAMES, PARTIES, PRECEDENCES, type Precedence } from '@icb/contracts';
import type { Verdict } from '../api.types';
import type { PublishAck } from '../bus-client';
import { CommandContext, type CliDeps } from '../cli.context';
import { CoordinatorRefusedError } from '../cli.errors';
import {
  composeMessage,
  signingKeysFrom,
  messageNameOf,
  type ComposedMessage,
  type ComposeOptions,
} from '../compose-message';
import { integer, parseUuid } from '../parse';

/** What a publishing command reports (`--json`). */
export interface PublishedReport {
  message: string;
  eventId: string;
  subject: string;
  consultationId: string;
  stream: string;
  seq: number;
  duplicate: boolean;
  /**
   * The coordinator's verdict (ADR 11), when the command waited for it:
   * `{ outcome: 'pending' }` when none came in time.
   */
  verdict?: Verdict | { outcome: 'pending'; eventId: string };
}

/** How long the commands that change a consultation wait for the coordinator's verdict. */
export const DEFAULT_VERDICT_WAIT_SECONDS = 5;

/** First pause between two reads of the verdict; it doubles up to VERDICT_POLL_MAX_MS. */
const VERDICT_POLL_MS = 100;
const VERDICT_POLL_MAX_MS = 1_000;

/**
 * Sends a composed message and reports it; the consultation id alone on
 * stdout unless `--json`. With `waitSeconds` > 0 it then reads the
 * coordinator's verdict until it comes or the time is up: accepted (reported),
 * refused (CoordinatorRefusedError, exit 4, after the report), or pending
 * (reported, with how to read it later).
 */
export async function publishAndReport(
  ctx: CommandContext,
  message: ComposedMessage,
  opts: { waitSeconds?: number } = {},
): Promise<PublishedReport> {
  const ack: PublishAck = await ctx.withBus((bus) => bus.publish(message));
  const report: PublishedReport = {
    message: message.name,
    eventId: message.envelope.id,
    subject: message.subject,
    consultationId: message.envelope.subject,
    stream: ack.stream,
    seq: ack.seq,
    duplicate: ack.duplicate,
  };
  const waitMs = (opts.waitSeconds ?? 0) * 1000;
  const verdict = waitMs > 0 ? await awaitVerdict(ctx, report.eventId, waitMs) : undefined;
  if (waitMs > 0) report.verdict = verdict ?? { outcome: 'pending', eventId: report.eventId };
  if (ctx.out.json) {
    ctx.out.data(report);
  } else {
    const party = message.envelope.source.replace(/^\/icb\//, '');
    ctx.out.notice(
      ack.duplicate
        ? `JetStream already held event ${report.eventId}: nothing new was stored`
        : `published ${message.name} as ${party} (event ${report.eventId}, ${ack.stream} #${ack.seq})`,
    );
    if (waitMs > 0 && verdict?.outcome !== 'refused') {
      ctx.out.notice(
        verdict
          ? describeAccepted(verdict)
          : `no verdict from the coordinator within ${opts.waitSeconds} s; read it later with: icb verdict ${report.eventId}`,
      );
    }
    ctx.out.line(report.consultationId);
  }
  if (verdict?.outcome === 'refused') throw refusalOf(verdict);
  return report;
}

/**
 * Reads the coordinator's verdict on an event until it has one or `waitMs`
 * has been spent waiting (the pauses grow from 100 ms to 1 s).
 */
export async function awaitVerdict(
  ctx: CommandContext,
  eventId: string,
  waitMs: number,
): Promise<Verdict | undefined> {
  let waited = 0;
  let pause = VERDICT_POLL_MS;
  for (;;) {
    const verdict = await ctx.api.verdict(eventId);
    if (verdict || waited >= waitMs) return verdict;
    const step = Math.min(pause, waitMs - waited);
    await ctx.delay(step);
    waited += step;
    pause = Math.min(pause * 2, VERDICT_POLL_MAX_MS);
  }
}

/** One line for an accepted verdict. */
export function describeAccepted(v: Verdict): string {
  const where = v.consultation
    ? `: ${v.consultation.status}, revision ${v.consultation.revision} (version ${v.consultation.version})`
    : '';
  return v.changed
    ? `accepted by the coordinator${where}`
    : `accepted by the coordinator, nothing changed (${v.code ?? 'already so'})${where}`;
}

/** The error a refused verdict exits with (4), its code the refusal's. */
export function refusalOf(v: Verdict): CoordinatorRefusedError {
  return new CoordinatorRefusedError(
    v.code ?? 'REFUSED',
    `the coordinator refused ${v.message} (event ${v.eventId}): ${v.code ?? 'REFUSED'}: ${v.reason ?? ''}`,
    'the refusal is on the consultation’s timeline too: icb show ' + v.consultationId,
  );
}

/** `--wait <seconds>`: how long to wait for the coordinator's verdict. */
export function addVerdictOption(command: Command, defaultSeconds: number): Command {
  return command.option(
    '--wait <seconds>',
    `wait this long for the coordinator's verdict (0: do not wait; default ${defaultSeconds})`,
    integer(0, 60),
    defaultSeconds,
  );
}

export interface VerdictOptions {
  wait: number;
}

/** Envelope options every publishing command takes. */
export function addEnvelopeOptions(command: Command): Command {
  return command
    .option('--event-id <uuid>', 'the event id (and Nats-Msg-Id); a new one by default', parseUuid)
    .option(
      '--correlation-id <uuid>',
      'the conversation this event belongs to (default: its own id)',
      parseUuid,
    )
    .option('--causation-id <uuid>', 'the event that caused this one', parseUuid)
    .option(
      '--classification <marking>',
      "the envelope's marking: may raise the payload's, never lower it (default: the payload's, else UNCLASSIFIED)",
    )
    .addOption(
      new Option(
        '--precedence <p>',
        "the envelope's precedence: the more urgent of this and the payload's (default: the payload's, else ROUTINE)",
      ).choices(PRECEDENCES),
    );
}

export interface EnvelopeOptions {
  eventId?: string;
  correlationId?: string;
  causationId?: string;
  classification?: string;
  precedence?: Precedence;
}

export function composeOptions(ctx: CommandContext, opts: EnvelopeOptions): ComposeOptions {
  return {
    id: opts.eventId,
    correlationId: opts.correlationId,
    causationId: opts.causationId,
    classification: opts.classification,
    precedence: opts.precedence,
    time: ctx.now(),
    namespace: ctx.config.namespace,
    signingKeys: signingKeysFrom(ctx.deps.env),
  };
}

export function registerPublishCommand(program: Command, deps: CliDeps): void {
  const command = program
    .command('publish')
    .description(
      'publish any catalog message as a party, validated first (congress steps, escalation decisions, amendments...)',
    )
    .argument(
      '<message>',
      'message name, e.g. escalation.decided (see docs/subjects.md)',
      messageNameOf,
    )
    .requiredOption('--as <party>', `who publishes it: ${PARTIES.join(', ')}`)
    .requiredOption('--file <path>', 'the payload as JSON (- reads stdin)');
  addVerdictOption(addEnvelopeOptions(command), 0)
    .addHelpText(
      'after',
      `\nMessages: ${MESSAGE_NAMES.join(', ')}\nAn invalid payload exits 2 with every problem listed; nothing is sent.\n` +
        'With --wait, a message the coordinator refuses exits 4 with its code and reason (not every\n' +
        'message is judged by the coordinator: one addressed to an agency never gets a verdict).',
    )
    .action(
      async (
        name: ReturnType<typeof messageNameOf>,
        opts: EnvelopeOptions & VerdictOptions & { as: string; file: string },
        cmd: Command,
      ) => {
        const ctx = new CommandContext(deps, cmd);
        const payload = await ctx.readJson(opts.file);
        const message = composeMessage(name, opts.as, payload, composeOptions(ctx, opts));
        await publishAndReport(ctx, message, { waitSeconds: opts.wait });
      },
    );
}
