import type { Command } from 'commander';
import type { AuditVerification } from '../api.types';
import { CommandContext, type CliDeps } from '../cli.context';
import { AuditChainBrokenError } from '../cli.errors';
import { parseUuid } from '../parse';

export function brokenChainError(id: string, v: AuditVerification): AuditChainBrokenError {
  return new AuditChainBrokenError(
    `the audit log of ${id} is broken at entry ${v.firstBadSeq ?? '?'} (${v.problem ?? 'unknown problem'})${v.detail ? `: ${v.detail}` : ''}`,
    'the log was altered outside the coordinator; compare with a backup and report it',
  );
}

export function registerAuditCommand(program: Command, deps: CliDeps): void {
  const audit = program
    .command('audit')
    .description("check a consultation's hash-chained event log");
  audit
    .command('verify')
    .description('verify the hash chain of a consultation’s event log; exits 4 when it is broken')
    .argument('<id>', 'consultation id (UUID)', parseUuid)
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = new CommandContext(deps, cmd);
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
