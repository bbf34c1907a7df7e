import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The repository's root. This file runs from libs/testing/src (Jest) or,
 * built, from dist/libs/testing/src (the benchmarks: tsconfig.build.json
 * keeps the repository's layout under dist/, which holds no package.json).
 */
const SOURCE_ROOT = resolve(__dirname, '..', '..', '..');
const REPO_ROOT = existsSync(join(SOURCE_ROOT, 'package.json'))
  ? SOURCE_ROOT
  : resolve(SOURCE_ROOT, '..');

/**
 * One of the plain CommonJS libraries of scripts/lib, shared with the local
 * stack (they run before any build, so they are not compiled to dist/).
 */
export function scriptsLib<T>(name: 'infra' | 'operators' | 'nats-cluster' | 'nats-auth'): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(REPO_ROOT, 'scripts', 'lib', `${name}.js`)) as T;
}
