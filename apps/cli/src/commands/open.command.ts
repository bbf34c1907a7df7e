import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { CONSULTATION_KINDS, type ConsultationKind } from '@icb/contracts';
import { CommandContext, type CliDeps } from '../cli.context';
import { UsageError } from '../cli.errors';
import { composeMessage } from '../compose-message';
import { oneOf, parseUuid } from '../parse';
import {
  addEnvelopeOptions,
  addVerdictOption,
  composeOptions,
  DEFAULT_VERDICT_WAIT_SECONDS,
  publishAndReport,
  type EnvelopeOptions,
  type VerdictOptions,
} from './publish.command';

/**
 * The `consultation.opened` payload from the request file: the kind from the
 * command line, the id from `--id`, the file, or a new one.
 */
export function openingPayload(
  kind: ConsultationKind,
  file: unknown,
  id?: string,
): Record<string, unknown> {
  if (file === null || typeof file !== 'object' || Array.isArray(file)) {
    throw new UsageError(
      'the request file must hold a JSON object with the consultation.opened fields',
    );
  }
  const fields = file as Record<string, unknown>;
  if (fields.kind !== undefined && fields.kind !== kind) {
    throw new UsageError(
      `the file says kind ${JSON.stringify(fields.kind)} but the command says "${kind}"`,
    );
  }
  if (id !== undefined && fields.consultationId !== undefined && fields.consultationId !== id) {
    throw new UsageError(
      `the file has consultationId ${JSON.stringify(fields.consultationId)} but --id is ${id}`,
    );
  }
  return { ...fields, kind, consultationId: id ?? fields.consultationId ?? randomUUID() };
}

export function registerOpenCommand(program: Command, deps: CliDeps): void {
  const command = program
    .command('open')
    .description(
      'open a consultation: publish consultation.opened as state-pm; prints the consultation id',
    )
    .argument(
      '<kind>',
      `one of: ${CONSULTATION_KINDS.join(', ')}`,
      oneOf(CONSULTATION_KINDS, 'kind'),
    )
    .requiredOption(
      '--file <path>',
      'the request as JSON: the consultation.opened fields (- reads stdin)',
    )
    .option(
      '--id <uuid>',
      'the consultation id (default: the file’s consultationId, else a new one)',
      parseUuid,
    );
  addVerdictOption(addEnvelopeOptions(command), DEFAULT_VERDICT_WAIT_SECONDS).action(
    async (
      kind: ConsultationKind,
      opts: EnvelopeOptions & VerdictOptions & { file: string; id?: string },
      cmd: Command,
    ) => {
      const ctx = new CommandContext(deps, cmd);
      const payload = openingPayload(kind, await ctx.readJson(opts.file), opts.id);
      const message = composeMessage(
        'consultation.opened',
        'state-pm',
        payload,
        composeOptions(ctx, opts),
      );
      await publishAndReport(ctx, message, { waitSeconds: opts.wait });
    },
  );
}
