import { Command, CommanderError } from 'commander';
import type { CliDeps } from './cli.context';
import { processEnvironment } from './cli.config';
import { errorReport, EXIT, EXIT_CODES_HELP, exitCodeOf, type ExitCode } from './cli.errors';
import { Output } from './output';
import { registerAuditCommand } from './commands/audit.command';
import { registerClockCommand } from './commands/clock.command';
import { registerConditionCommand } from './commands/condition.command';
import { registerDlqCommand } from './commands/dlq.command';
import { registerLsCommand } from './commands/ls.command';
import { registerOpenCommand } from './commands/open.command';
import { registerPublishCommand } from './commands/publish.command';
import { registerQueueCommand } from './commands/queue.command';
import { registerShowCommand } from './commands/show.command';
import { registerSignOffCommand } from './commands/signoff.command';
import { registerStatusCommand } from './commands/status.command';
import { registerVerdictCommand } from './commands/verdict.command';
import { registerWatchCommand } from './commands/watch.command';

const CONFIG_HELP = `Configuration:
  --api <url>      ICB_API_URL    coordinator REST API (default http://127.0.0.1:3000)
  --nats <url>     NATS_URL       NATS server(s) (default nats://127.0.0.1:4222)
                   ICB_USER, ICB_PASSWORD     operator sign-in (default on a local stack:
                                              officer, from .local/stack/operator-credentials.json)
                   ICB_TOKEN      an API or session token instead
                   NATS_USER, NATS_PASSWORD   who publishes, when the server needs it (default
                                              on a local stack: the message's own agency,
                                              <agency>-adapter from .local/stack/nats-users.json,
                                              or ICB_NATS_USERS_FILE); never the coordinator
                   NATS_TLS_CA_FILE  the CA of a NATS server with TLS (ICB_NATS_TLS=1 npm start)
                   BUS_NAMESPACE  first subject token (default icb: icb.evt.…)
                   NO_COLOR, FORCE_COLOR      colour off / on when not a terminal
                   ICB_DEBUG=1    stack traces of unexpected errors`;

/** The `icb` program, with every command registered on it. */
export function buildProgram(deps: CliDeps): Command {
  const program = new Command('icb')
    .description(
      'Interagency Coordination Bus: read the coordinator, follow events, drive the bus by hand',
    )
    .option('--api <url>', 'coordinator URL (env ICB_API_URL; default http://127.0.0.1:3000)')
    .option('--nats <url>', 'NATS URL (env NATS_URL; default nats://127.0.0.1:4222)')
    .option('--json', 'print machine-readable JSON only')
    .option('--no-color', 'no colour')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', `\n${CONFIG_HELP}\n\n${EXIT_CODES_HELP}`);
  registerStatusCommand(program, deps);
  registerLsCommand(program, deps);
  registerShowCommand(program, deps);
  registerQueueCommand(program, deps);
  registerWatchCommand(program, deps);
  registerOpenCommand(program, deps);
  registerSignOffCommand(program, deps);
  registerConditionCommand(program, deps);
  registerPublishCommand(program, deps);
  registerVerdictCommand(program, deps);
  registerAuditCommand(program, deps);
  registerDlqCommand(program, deps);
  registerClockCommand(program, deps);
  // Every command: errors are thrown (not process.exit), and written where the deps say.
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(s),
    });
    if (command !== program) command.addHelpText('after', `\n${EXIT_CODES_HELP}`);
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit
 * code; every error is mapped here, once.
 */
export async function main(argv: string[], deps: CliDeps): Promise<ExitCode> {
  const program = buildProgram(deps);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    const code = exitCodeOf(error);
    // Commander already printed its own message (and help) to stderr.
    if (error instanceof CommanderError) return code;
    const json = argv.includes('--json');
    const color =
      !json && deps.stdout.isTTY === true && !argv.includes('--no-color') && !deps.env.NO_COLOR;
    new Output(deps, json, color).error(errorReport(error));
    if (code === EXIT.unexpected && deps.env.ICB_DEBUG && error instanceof Error && error.stack) {
      deps.stderr.write(`${error.stack}\n`);
    }
    return code;
  }
}

/** The process entry: real streams and environment; Ctrl-C ends `watch` cleanly. */
export function runMain(): void {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `icb ls | head`: the reader went away; stop quietly.
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
  });
  void main(process.argv.slice(2), {
    env: processEnvironment(),
    stdout: process.stdout,
    stderr: process.stderr,
    signal: controller.signal,
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runMain();
