#!/usr/bin/env node
// @ts-check
// Dependencies point one way: no two folders, and no two packages, import
// each other, even through others. Part of `npm run lint`.
//
//   node scripts/check-folder-cycles.js          list the cycles; exit 1 if there is one
//
// The graph holds every .ts and .js file (specs included) of apps/*/src,
// libs/*/src and scripts/, and every import, export-from, require() and
// import() of a string literal that names one of those files (relative paths
// and the @icb/* aliases; npm packages are left out). Integration tests
// (apps/*/test, libs/*/test, test/) and bench/ are left out: they exercise
// whole apps across packages.
//
// A file's folder is the first directory under its package's source root
// (apps/coordinator/src/consultations/decide/x.ts is in
// apps/coordinator/src/consultations: a subfolder is part of its feature); a
// file directly in the root (app.module.ts, scripts/infra.js) stands alone. A
// package is apps/<name>, libs/<name>, scripts/lib or scripts.
//
// Sides: a source root may split into `write/` (the command side: version
// store, outbox, inbox, clocks) and `read/` (queries, response DTOs,
// withholding, audit verification). Their features are folders one level
// down (apps/coordinator/src/write/consultations), and the direction is
// checked on every file: the write side never imports the read side, and a
// shared folder beside them (auth, policy, time) imports neither; only files
// in the root (app.module.ts, main.ts) wire both.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');

/**
 * Imports that are known to close a cycle and accepted for now, each with its
 * reason: left out of the graph. An entry whose import is gone fails the
 * check, so the list only shrinks.
 * @type {{ from: string, to: string, reason: string }[]}
 */
const ALLOWED_IMPORTS = [];

const EXTENSIONS = ['.ts', '.js'];
/** The sides a source root may split into (see the header). */
const SIDES = new Set(['write', 'read']);
const SKIP_DIRS = new Set(['node_modules', 'dist', '.local', 'coverage']);

/**
 * The package and the folder of a file, from its path relative to the
 * repository root (forward slashes); undefined for a file outside the graph.
 * @param {string} rel
 * @returns {{ pkg: string, folder: string } | undefined}
 */
function unitOf(rel) {
  const parts = rel.split('/');
  /** @param {number} rootDepth how many parts make the source root @param {string} pkg */
  const at = (rootDepth, pkg) => ({
    pkg,
    folder: parts.length > rootDepth + 1 ? parts.slice(0, rootDepth + 1).join('/') : rel,
  });
  if (parts[0] === 'apps' || parts[0] === 'libs') {
    if (parts.length < 4 || parts[2] !== 'src') return undefined;
    const pkg = `${parts[0]}/${parts[1]}`;
    return SIDES.has(parts[3]) && parts.length > 5 ? at(4, pkg) : at(3, pkg);
  }
  if (parts[0] === 'scripts' && parts.length > 1) {
    // scripts/lib is the plain CommonJS library the scripts, the stack and
    // the tests share: a package of its own, below the scripts that use it.
    if (parts[1] === 'lib' && parts.length > 2)
      return { pkg: 'scripts/lib', folder: 'scripts/lib' };
    return at(1, 'scripts');
  }
  return undefined;
}

/**
 * Where a file stands towards the sides: 'write' or 'read' inside one,
 * 'shared' in a folder beside them, 'root' directly in the source root;
 * undefined outside apps/libs sources.
 * @param {string} rel
 */
function sideOf(rel) {
  const parts = rel.split('/');
  if (!(parts[0] === 'apps' || parts[0] === 'libs') || parts[2] !== 'src') return undefined;
  if (parts.length === 4) return 'root';
  return SIDES.has(parts[3]) ? parts[3] : 'shared';
}

/**
 * Imports against the sides' direction: write → read, and a shared folder →
 * either side, within one package (a package without sides has none).
 * @param {[string, string, string][]} edges
 */
function sideViolations(edges) {
  return edges
    .filter(([from, to]) => {
      const pkg = (/** @type {string} */ rel) => rel.split('/').slice(0, 2).join('/');
      if (pkg(from) !== pkg(to)) return false;
      const [a, b] = [sideOf(from), sideOf(to)];
      return (a === 'write' && b === 'read') || (a === 'shared' && (b === 'write' || b === 'read'));
    })
    .map(([from, to, specifier]) => ({ from, to, specifier }));
}

/** @param {string} dir @param {string[]} out */
function walk(dir, out) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|js)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Every source file of the graph, relative to `root` (forward slashes). */
function sourceFiles(root = ROOT) {
  const files = ['apps', 'libs', 'scripts'].flatMap((top) => walk(path.join(root, top), []));
  return files
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .filter((rel) => unitOf(rel) !== undefined)
    .sort();
}

/**
 * The file a specifier names, relative to the root; undefined for an npm
 * package or a path that names no file.
 * @param {string} fromRel @param {string} specifier @param {(rel: string) => boolean} exists
 */
function resolveSpecifier(fromRel, specifier, exists) {
  let base;
  const alias = /^@icb\/([a-z-]+)(\/.*)?$/.exec(specifier);
  if (alias) base = `libs/${alias[1]}/src${alias[2] ?? ''}`;
  else if (specifier.startsWith('.'))
    base = path.posix.join(path.posix.dirname(fromRel), specifier);
  else return undefined;
  base = path.posix.normalize(base);
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    // `./x.js` written for `./x.ts` (node16 resolution).
    ...(base.endsWith('.js') ? [base.slice(0, -3) + '.ts'] : []),
    ...EXTENSIONS.map((ext) => `${base}/index${ext}`),
  ];
  return candidates.find(exists);
}

/**
 * The file-level import edges: [from, to, specifier].
 * @param {string[]} files @param {(rel: string) => string} read
 */
function fileEdges(files, read) {
  const known = new Set(files);
  const exists = (/** @type {string} */ rel) => known.has(rel);
  /** @type {[string, string, string][]} */
  const edges = [];
  for (const from of files) {
    const { importedFiles } = ts.preProcessFile(read(from), true, true);
    for (const { fileName } of importedFiles) {
      const to = resolveSpecifier(from, fileName, exists);
      if (to && known.has(to)) edges.push([from, to, fileName]);
    }
  }
  return edges;
}

/**
 * Strongly connected components of more than one node (Tarjan), each sorted,
 * sorted by their first node: every cycle of the graph lies in one of them.
 * @param {Map<string, Set<string>>} graph
 * @returns {string[][]}
 */
function cycles(graph) {
  let index = 0;
  /** @type {Map<string, number>} */ const indexOf = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */ const found = [];
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((s) => [...s])]);

  /** @param {string} v */
  const connect = (v) => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(
          v,
          Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (low.get(w))),
        );
      } else if (onStack.has(w)) {
        low.set(
          v,
          Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (indexOf.get(w))),
        );
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      /** @type {string[]} */ const component = [];
      let w;
      do {
        w = /** @type {string} */ (stack.pop());
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!indexOf.has(v)) connect(v);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * The graph of `key` (folder or package) over file edges, leaving out edges
 * inside one node, with one example file edge per node edge.
 * @param {[string, string, string][]} edges @param {(rel: string) => string} key
 */
function collapse(edges, key) {
  /** @type {Map<string, Set<string>>} */ const graph = new Map();
  /** @type {Map<string, [string, string, string]>} */ const example = new Map();
  for (const edge of edges) {
    const [a, b] = [key(edge[0]), key(edge[1])];
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    /** @type {Set<string>} */ (graph.get(a)).add(b);
    if (!example.has(`${a} -> ${b}`)) example.set(`${a} -> ${b}`, edge);
  }
  return { graph, example };
}

/**
 * Every folder cycle and every package cycle of the files, each with the
 * imports that close it.
 * @param {string[]} files @param {(rel: string) => string} read
 */
function analyse(files, read, allowed = ALLOWED_IMPORTS) {
  const all = fileEdges(files, read);
  const isAllowed = (/** @type {[string, string, string]} */ [from, to]) =>
    allowed.some((a) => a.from === from && a.to === to);
  const edges = all.filter((edge) => !isAllowed(edge));
  const stale = allowed.filter((a) => !all.some(([from, to]) => a.from === from && a.to === to));
  const unit = (/** @type {string} */ rel) =>
    /** @type {{ pkg: string, folder: string }} */ (unitOf(rel));
  /** @param {'folder' | 'pkg'} level */
  const report = (level) => {
    const { graph, example } = collapse(edges, (rel) => unit(rel)[level]);
    return cycles(graph).map((nodes) => ({
      nodes,
      imports: nodes.flatMap((a) =>
        nodes
          .filter((b) => graph.get(a)?.has(b))
          .map((b) => {
            const [from, , specifier] = /** @type {[string, string, string]} */ (
              example.get(`${a} -> ${b}`)
            );
            return `${from} imports '${specifier}' (${b})`;
          }),
      ),
    }));
  };
  return {
    files: files.length,
    edges: all.length,
    folders: report('folder'),
    packages: report('pkg'),
    sides: sideViolations(edges),
    stale,
  };
}

function main() {
  const files = sourceFiles();
  const read = (/** @type {string} */ rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
  const result = analyse(files, read);
  for (const [level, list] of /** @type {const} */ ([
    ['folder', result.folders],
    ['package', result.packages],
  ])) {
    for (const cycle of list) {
      console.log(`${level} cycle: ${cycle.nodes.join(' <-> ')}`);
      for (const line of cycle.imports) console.log(`  ${line}`);
    }
  }
  for (const v of result.sides) {
    console.log(`against the sides' direction: ${v.from} imports '${v.specifier}' (${v.to})`);
  }
  for (const a of result.stale) {
    console.log(
      `allowed import no longer there: ${a.from} -> ${a.to}; remove it from ALLOWED_IMPORTS`,
    );
  }
  for (const a of ALLOWED_IMPORTS.filter((a) => !result.stale.includes(a))) {
    console.log(`allowed for now: ${a.from} -> ${a.to} (${a.reason})`);
  }
  const failed =
    result.folders.length + result.packages.length + result.sides.length + result.stale.length;
  console.log(
    `check-folder-cycles: ${result.files} files, ${result.edges} imports, ` +
      (failed ? `${failed} problem(s)` : 'no folder or package cycle, sides in order'),
  );
  process.exitCode = failed ? 1 : 0;
}

module.exports = { unitOf, sideOf, resolveSpecifier, fileEdges, cycles, analyse, sourceFiles };

if (require.main === module) main();
