import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * One of the plain CommonJS libraries of scripts/lib (shared with the local
 * stack), found by walking up: from src under Jest, from dist for the benchmarks.
 */
export function scriptsLib<T>(name: 'infra' | 'operators'): T {
  for (let dir = __dirname, i = 0; i < 8; i++, dir = dirname(dir)) {
    const file = join(dir, 'scripts', 'lib', `${name}.js`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (existsSync(file)) return require(file) as T;
  }
  throw new Error(`scripts/lib/${name}.js not found above ${__dirname}`);
}
