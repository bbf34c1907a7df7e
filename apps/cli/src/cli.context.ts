import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ApiClient } from './api-client';
import { HttpApiClient } from './api-client';
import type { BusClient } from './bus-client';
import { NatsBusClient } from './bus-client';
import { resolveConfig, type CliConfig, type Environment, type GlobalOptions } from './cli.config';
import { UsageError } from './cli.errors';
import { Output, type Streams } from './output';

/**
 * What the commands need from the outside world, injected so that a spec can
 * run any command with fake clients and captured output.
 */
export interface CliDeps extends Streams {
  env: Environment;
  /** Creates the coordinator client (default: HTTP). */
  api?: (config: CliConfig) => ApiClient;
  /** Connects to NATS (default: the official client). */
  bus?: (config: CliConfig) => Promise<BusClient>;
  now?: () => Date;
  /** Aborted on Ctrl-C: ends `watch`. */
  signal?: AbortSignal;
  /** Reads `--file` (default: the file system; `-` reads `stdin`). */
  readFile?: (path: string) => Promise<string>;
  stdin?: AsyncIterable<Buffer | string>;
  /** Waits between reconnects (default: a timer that the signal cuts short). */
  delay?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** One command run: configuration resolved from the global options, clients made on demand. */
export class CommandContext {
  readonly config: CliConfig;
  readonly out: Output;
  private apiClient?: ApiClient;

  constructor(
    readonly deps: CliDeps,
    command: Command,
  ) {
    this.config = resolveConfig(
      command.optsWithGlobals<GlobalOptions>(),
      deps.env,
      deps.stdout.isTTY === true,
    );
    this.out = new Output(deps, this.config.json, this.config.color);
  }

  get api(): ApiClient {
    this.apiClient ??= this.deps.api
      ? this.deps.api(this.config)
      : new HttpApiClient(this.config.apiUrl, {
          authorization: this.config.authorization,
          signedInAs: this.config.signedInAs,
        });
    return this.apiClient;
  }

  now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  get signal(): AbortSignal {
    return this.deps.signal ?? new AbortController().signal;
  }

  /** Connects to NATS, runs `work`, and closes the connection whatever happens. */
  async withBus<T>(work: (bus: BusClient) => Promise<T>): Promise<T> {
    const bus = this.deps.bus
      ? await this.deps.bus(this.config)
      : await NatsBusClient.connect(this.config);
    try {
      return await work(bus);
    } finally {
      await bus.close();
    }
  }

  async delay(ms: number): Promise<void> {
    if (this.deps.delay) return this.deps.delay(ms, this.signal);
    const signal = this.signal;
    if (signal.aborted) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Reads a JSON document from a file, or from stdin when the path is `-`. */
  async readJson(path: string): Promise<unknown> {
    let text: string;
    try {
      if (path === '-') {
        const chunks: string[] = [];
        for await (const chunk of this.deps.stdin ?? process.stdin) chunks.push(String(chunk));
        text = chunks.join('');
      } else {
        text = this.deps.readFile ? await this.deps.readFile(path) : await readFile(path, 'utf8');
      }
    } catch (error) {
      const why =
        (error as { code?: string }).code ??
        (error instanceof Error ? error.message : String(error));
      throw new UsageError(`cannot read ${path === '-' ? 'stdin' : path} (${why})`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new UsageError(
        `${path === '-' ? 'stdin' : path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
