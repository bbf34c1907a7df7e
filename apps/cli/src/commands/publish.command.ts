import { Option, type Command } from 'commander';
import { MESSAGE_NAMES, PARTIES, PRECEDENCES, type Precedence } from '@icb/contracts';
import type { PublishAck } from '../bus-client';
import { CommandContext, type CliDeps } from '../cli.context';
import {
  composeMessage,
  messageNameOf,
  type ComposedMessage,
  type ComposeOptions,
} from '../compose-message';
import { parseUuid } from '../parse';

/** What a publishing command reports (`--json`). */
export interface PublishedReport {
  message: string;
  eventId: string;
  subject: string;
  consultationId: string;
  stream: string;
  seq: number;
  duplicate: boolean;
}

/** Sends a composed message and reports it; the consultation id alone on stdout unless `--json`. */
export async function publishAndReport(
  ctx: CommandContext,
  message: ComposedMessage,
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
  if (ctx.out.json) {
    ctx.out.data(report);
    return report;
  }
  const party = message.envelope.source.replace(/^\/icb\//, '');
  ctx.out.notice(
    ack.duplicate
      ? `JetStream already held event ${report.eventId}: nothing new was stored`
      : `published ${message.name} as ${party} (event ${report.eventId}, ${ack.stream} #${ack.seq})`,
  );
  ctx.out.line(report.consultationId);
  return report;
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
      "the envelope's marking (default: the payload's, else UNCLASSIFIED)",
    )
    .addOption(
      new Option(
        '--precedence <p>',
        "the envelope's precedence (default: the payload's, else ROUTINE)",
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
  addEnvelopeOptions(command)
    .addHelpText(
      'after',
      `\nMessages: ${MESSAGE_NAMES.join(', ')}\nAn invalid payload exits 2 with every problem listed; nothing is sent.`,
    )
    .action(
      async (
        name: ReturnType<typeof messageNameOf>,
        opts: EnvelopeOptions & { as: string; file: string },
        cmd: Command,
      ) => {
        const ctx = new CommandContext(deps, cmd);
        const payload = await ctx.readJson(opts.file);
        const message = composeMessage(name, opts.as, payload, composeOptions(ctx, opts));
        await publishAndReport(ctx, message);
      },
    );
}
