import type { Command } from 'commander';
import {
  AgencyKeyRegistry,
  verifyChain,
  verifyLogSignatures,
  type LogEntry,
  type SignatureFailure,
  type VerifyResult,
} from '@icb/contracts';
import type { ApiClient } from '../api-client';
import type { AuditVerification } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { AuditChainBrokenError, UnexpectedResponseError, UsageError } from '../cli.errors';
import { parseUuid } from '../parse';

/** Entries asked for per request when exporting a log. */
export const AUDIT_PAGE = 500;

export function brokenChainError(id: string, v: AuditVerification): AuditChainBrokenError {
  return new AuditChainBrokenError(
    `the audit log of ${id} is broken at entry ${v.firstBadSeq ?? '?'} (${v.problem ?? 'unknown problem'})${v.detail ? `: ${v.detail}` : ''}`,
    'the log was altered outside the coordinator; compare with a backup and report it',
  );
}

/** What `icb audit verify --keys` found, checked here rather than by the coordinator. */
export interface OfflineAuditReport {
  consultationId: string;
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  chain: VerifyResult;
  signatures: { verified: number; failed: number; failures: SignatureFailure[] };
}

/** Every page of a consultation's exported log, in order. */
export async function exportLog(
  api: ApiClient,
  id: string,
): Promise<{ entries: LogEntry[]; head: { seq: number; hash: string } }> {
  const entries: LogEntry[] = [];
  let after = 0;
  for (;;) {
    const page = await api.auditLog(id, { after, limit: AUDIT_PAGE });
    entries.push(...page.entries);
    if (page.next === undefined || page.entries.length === 0) {
      // The coordinator always sends it; its OpenAPI document marks it optional.
      if (!page.head)
        throw new UnexpectedResponseError(`the audit log of ${id} came without its head`);
      return { entries, head: page.head };
    }
    after = page.next;
  }
}

/**
 * Checks an exported log without trusting the coordinator: the hash chain
 * up to the head it records, and every agency position's signature against
 * the agencies' public keys (ADR 15).
 */
export function auditOffline(
  consultationId: string,
  log: { entries: LogEntry[]; head: { seq: number; hash: string } },
  keys: AgencyKeyRegistry,
): OfflineAuditReport {
  const chain = verifyChain(log.entries, log.head);
  const signatures = verifyLogSignatures(log.entries, keys);
  return {
    consultationId,
    ok: chain.ok && signatures.failures.length === 0,
    entries: log.entries.length,
    head: log.head,
    chain,
    signatures: {
      verified: signatures.verified,
      failed: signatures.failures.length,
      failures: signatures.failures,
    },
  };
}

async function readKeys(ctx: CommandContext, file: string): Promise<AgencyKeyRegistry> {
  const json = await ctx.readJson(file);
  try {
    return AgencyKeyRegistry.parse(json);
  } catch (error) {
    throw new UsageError(
      `${file}: ${(error as Error).message}`,
      'give the agencies’ public key registry (a JWK Set, e.g. .local/stack/keys/agency-keys.json)',
    );
  }
}

export function registerAuditCommand(program: Command, deps: CliDeps): void {
  const audit = program
    .command('audit')
    .description("check a consultation's hash-chained event log");
  audit
    .command('verify')
    .description(
      'verify the hash chain of a consultation’s event log; with --keys, export the log and check the chain ' +
        'and every agency’s signature here, without trusting the coordinator; exits 4 on any failure',
    )
    .argument('<id>', 'consultation id (UUID)', parseUuid)
    .option(
      '--keys <file>',
      'the agencies’ public key registry (JWK Set): check offline, every signature included',
    )
    .action(async (id: string, opts: { keys?: string }, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
      if (opts.keys) return verifyOffline(ctx, id, opts.keys);
      const v = await ctx.api.verifyAudit(id);
      if (ctx.out.json) ctx.out.data(v);
      else if (v.ok) {
        ctx.out.line(`${ctx.out.c.green('ok')}  ${v.entries} entries, head ${v.head ?? '—'}`);
      } else {
        ctx.out.line(
          `${ctx.out.c.red('BROKEN')}  ${v.entries} entries; first bad entry #${v.firstBadSeq ?? '?'}: ${v.problem ?? '?'}`,
        );
        if (v.detail) ctx.out.line(`  ${v.detail}`);
      }
      if (!v.ok) throw brokenChainError(id, v);
    });
}

async function verifyOffline(ctx: CommandContext, id: string, keysFile: string): Promise<void> {
  const keys = await readKeys(ctx, keysFile);
  const report = auditOffline(id, await exportLog(ctx.api, id), keys);
  const { chain, signatures } = report;
  if (ctx.out.json) ctx.out.data(report);
  else {
    const status = report.ok ? ctx.out.c.green('ok') : ctx.out.c.red('FAILED');
    ctx.out.line(
      `${status}  ${report.entries} entries, chain ${chain.ok ? 'intact' : 'BROKEN'}, ` +
        `${signatures.verified} signatures verified, ${signatures.failed} failures`,
    );
    if (!chain.ok) {
      ctx.out.line(`  chain: entry #${chain.firstBadSeq} ${chain.problem}: ${chain.detail}`);
    }
    for (const f of signatures.failures) {
      ctx.out.line(`  entry #${f.seq} (${f.actor}, ${f.eventId}): ${f.code}: ${f.reason}`);
    }
  }
  if (!chain.ok) throw brokenChainError(id, chain);
  if (signatures.failed > 0) {
    const first = signatures.failures[0];
    throw new AuditChainBrokenError(
      `${signatures.failed} agency position(s) in the log of ${id} do not carry a valid signature (first: entry ${first.seq}, ${first.code})`,
      'the log holds a position its agency did not sign with a registered key; report it',
    );
  }
}
