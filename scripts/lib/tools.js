// @ts-check
// The servers' binaries (nats-server, FerretDB): found on the PATH when
// recent enough, else built once from the pinned versions (versions.json, with
// their patches) into a cache shared by every checkout. Part of
// scripts/lib/infra.js, which re-exports what others use.
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { log, InfraError } = require('./infra-log.js');

/** @typedef {{ version: string, module: string, package?: string, binary: string, minGo: string, minOnPath?: string, patches?: string[] }} ToolPin */

/** @type {{ 'nats-server': ToolPin, ferretdb: ToolPin }} */
const VERSIONS = require('./versions.json');

/** The repository root: patch paths in versions.json are relative to it. */
const ROOT = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------
// Binaries: resolve, install, cache
// ---------------------------------------------------------------------------

function toolsDir() {
  return process.env.ICB_TOOLS_DIR || path.join(os.homedir(), '.cache', 'icb', 'tools');
}

/**
 * The patches that versions.json lists for a tool (absolute paths), and a
 * short hash of their content. The hash is part of the cache folder's name, so
 * a changed patch builds a new binary and an unchanged one reuses the cache.
 * @param {keyof typeof VERSIONS} name
 * @returns {{ files: string[], hash: string } | undefined}
 */
function patchesOf(name) {
  const list = VERSIONS[name].patches || [];
  if (list.length === 0) return undefined;
  const hash = crypto.createHash('sha256');
  const files = list.map((rel) => path.resolve(ROOT, rel));
  for (const file of files) {
    let content;
    try {
      content = fs.readFileSync(file);
    } catch (err) {
      throw new InfraError(`${file} (listed in scripts/lib/versions.json) cannot be read`, {
        cause: err,
      });
    }
    // Length-prefixed, so that no two different lists of patches hash alike.
    hash.update(`${content.length}\n`);
    hash.update(content);
  }
  return { files, hash: hash.digest('hex').slice(0, 8) };
}

/** @param {keyof typeof VERSIONS} name */
function cachedBinaryPath(name) {
  const pin = VERSIONS[name];
  const patches = patchesOf(name);
  const dir = `${name}-${pin.version}${patches ? `-p${patches.hash}` : ''}`;
  return path.join(toolsDir(), dir, pin.binary);
}

/** @param {string} name @returns {string | undefined} */
function findOnPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** "v2.15.2" / "2.15.2" / "go1.26.8" -> [2, 15, 2] @param {string} v */
function parseVersion(v) {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] || 0)] : undefined;
}

/** @param {string} a @param {string} b @returns {number} <0 when a<b */
function compareVersions(a, b) {
  const pa = parseVersion(a) || [0, 0, 0];
  const pb = parseVersion(b) || [0, 0, 0];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** @param {string} bin @param {string[]} args */
function versionOf(bin, args = ['--version']) {
  try {
    return execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    return `unknown (${/** @type {Error} */ (err).message.split('\n')[0]})`;
  }
}

function findGo() {
  return findOnPath('go') || ['/usr/local/go/bin/go'].find((p) => fs.existsSync(p));
}

/** @param {ToolPin} pin */
function missingGoMessage(pin) {
  return [
    `Cannot install ${pin.module}@${pin.version}: the Go toolchain is not installed.`,
    'Do one of:',
    `  - install Go >= ${pin.minGo} (https://go.dev/dl/, or your distribution's golang package if it is recent enough),`,
    `    then run again (binaries are cached in ${toolsDir()});`,
    '  - point at servers you already run: NATS_URL=nats://host:4222 MONGO_URL=mongodb://host:27017/',
    '    (nats-server needs JetStream enabled);',
    '  - or run the whole stack with Docker: docker compose up --build',
  ].join('\n');
}

/**
 * Runs a command, streaming its output to stderr with a prefix.
 * @param {string} cmd @param {string[]} args @param {import('node:child_process').SpawnOptions} options
 * @returns {Promise<void>}
 */
function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line) log(`  ${line}`);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new InfraError(`${cmd} ${args.join(' ')} exited with ${code}\n${output.slice(-4000)}`),
          ),
    );
  });
}

/**
 * Builds a pinned Go binary into the cache. Builds into a temporary folder and
 * renames it into place, so an interrupted install never leaves a broken
 * binary behind.
 * @param {keyof typeof VERSIONS} name
 */
async function installTool(name) {
  const pin = VERSIONS[name];
  const target = cachedBinaryPath(name);
  const go = findGo();
  if (!go) throw new InfraError(missingGoMessage(pin));
  const goVersion = versionOf(go, ['env', 'GOVERSION']);
  if (compareVersions(goVersion, pin.minGo) < 0 && !/auto/.test(process.env.GOTOOLCHAIN || '')) {
    throw new InfraError(
      `${pin.module}@${pin.version} needs Go >= ${pin.minGo}, but ${go} is ${goVersion}.\n` +
        missingGoMessage(pin).split('\n').slice(1).join('\n'),
    );
  }

  const finalDir = path.dirname(target);
  const patches = patchesOf(name);
  if (patches && name !== 'ferretdb') {
    throw new InfraError(`${name}: patches are only applied to the FerretDB source build`);
  }
  fs.mkdirSync(toolsDir(), { recursive: true });
  const work = fs.mkdtempSync(path.join(toolsDir(), `.${path.basename(finalDir)}-`));
  const started = Date.now();
  log(
    `installing ${name} ${pin.version}${patches ? ` with ${patches.files.length} patch(es)` : ''} ` +
      `with ${goVersion} into ${finalDir} (the first time takes a few minutes)...`,
  );
  try {
    const env = { ...process.env, GOFLAGS: '-buildvcs=false' };
    const binDir = path.join(work, 'bin');
    fs.mkdirSync(binDir);
    if (name === 'ferretdb') {
      // `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a
      // binary that panics at start ("Invalid build/version/version.txt"):
      // FerretDB embeds its version from a file that its release tooling
      // generates and the module does not ship. So: copy the module source,
      // write that file, apply our patches (scripts/ferretdb/) and build the
      // command from the copy.
      log(`  go mod download ${pin.module}@${pin.version}`);
      const json = execFileSync(go, ['mod', 'download', '-json', `${pin.module}@${pin.version}`], {
        encoding: 'utf8',
        env,
      });
      const moduleDir = /** @type {{ Dir: string }} */ (JSON.parse(json)).Dir;
      const src = path.join(work, 'src');
      log(`  copying ${moduleDir} to ${src}`);
      fs.cpSync(moduleDir, src, { recursive: true });
      makeWritable(src); // the module cache is read-only
      fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${pin.version}\n`);
      fs.writeFileSync(
        path.join(src, 'build', 'version', 'package.txt'),
        `icb-source-build${patches ? `-p${patches.hash}` : ''}\n`,
      );
      for (const file of patches ? patches.files : []) await applyPatch(src, file);
      // As FerretDB's production build (build/ferretdb/production.Dockerfile):
      // no cgo (its SQLite is modernc.org/sqlite, pure Go), -trimpath, no tags.
      // -mod=mod: the copy is built as the main module (unlike `go install
      // m@v`), so let go fix up its go.mod/go.sum if a patch ever needs that
      // rather than fail (v1.24.2's own go.sum is complete).
      const args = ['build', '-trimpath', '-o', path.join(binDir, pin.binary), pin.package || '.'];
      log(`  (in ${src}) CGO_ENABLED=0 GOFLAGS=-mod=mod go ${args.join(' ')}`);
      await run(go, args, {
        cwd: src,
        env: { ...env, CGO_ENABLED: '0', GOFLAGS: `${env.GOFLAGS} -mod=mod` },
      });
    } else {
      await run(go, ['install', '-trimpath', `${pin.module}@${pin.version}`], {
        env: { ...env, GOBIN: binDir },
      });
    }
    fs.mkdirSync(path.dirname(finalDir), { recursive: true });
    if (!fs.existsSync(target)) fs.rmSync(finalDir, { recursive: true, force: true });
    try {
      fs.renameSync(binDir, finalDir);
    } catch (err) {
      // Another run (a second jest, a developer's `npm start`) finished the
      // same install first: its binary is as good as ours.
      if (!fs.existsSync(target)) throw err;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  log(`installed ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return target;
}

/**
 * Applies a unified diff (paths a/... b/..., -p1) to a source tree, all or
 * nothing: with `git apply` when git is installed (kept from looking for a
 * repository above the tree, which would resolve the paths against it), else
 * with `patch` without fuzz.
 * @param {string} dir @param {string} file
 */
async function applyPatch(dir, file) {
  const rel = path.relative(ROOT, file);
  const git = findOnPath('git');
  if (git) {
    log(`  applying ${rel} (git apply)`);
    await run(git, ['apply', '--verbose', file], {
      cwd: dir,
      env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(dir) },
    });
    return;
  }
  const patch = findOnPath('patch');
  if (patch) {
    log(`  applying ${rel} (patch -p1)`);
    await run(patch, ['-p1', '-N', '-t', '-F', '0', '-i', file], { cwd: dir });
    return;
  }
  throw new InfraError(
    `cannot apply ${rel}: neither git nor patch is installed (e.g. apt-get install patch)`,
  );
}

/** @param {string} dir */
function makeWritable(dir) {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(p);
    else fs.chmodSync(p, 0o644);
  }
}

/**
 * @param {keyof typeof VERSIONS} name
 * @returns {Promise<{ bin: string, source: 'cache' | 'installed' }>}
 */
async function cachedOrInstall(name) {
  const target = cachedBinaryPath(name);
  if (fs.existsSync(target)) return { bin: target, source: 'cache' };
  fs.mkdirSync(toolsDir(), { recursive: true });
  return { bin: await installTool(name), source: 'installed' };
}

/**
 * @typedef {{ kind: 'external', url: string }} ExternalServer
 * @typedef {{ kind: 'nats-server' | 'ferretdb' | 'mongod', bin: string, source: 'path' | 'cache' | 'installed', version: string }} LocalServer
 */

/**
 * NATS_URL if set; else nats-server from the PATH (if recent enough); else the
 * pinned, cached build (installed on first use).
 * @returns {Promise<ExternalServer | LocalServer>}
 */
async function resolveNats() {
  if (process.env.NATS_URL) return { kind: 'external', url: process.env.NATS_URL };
  const pin = VERSIONS['nats-server'];
  const onPath = findOnPath('nats-server');
  if (onPath) {
    const version = versionOf(onPath);
    if (!pin.minOnPath || compareVersions(version, pin.minOnPath) >= 0) {
      return { kind: 'nats-server', bin: onPath, source: 'path', version };
    }
    log(
      `ignoring ${onPath} (${version}): older than ${pin.minOnPath}; using the pinned ${pin.version}`,
    );
  }
  const { bin, source } = await cachedOrInstall('nats-server');
  return { kind: 'nats-server', bin, source, version: versionOf(bin) };
}

/**
 * MONGO_URL if set; else mongod from the PATH; else the pinned, cached FerretDB
 * (installed on first use).
 * @returns {Promise<ExternalServer | LocalServer>}
 */
async function resolveMongo() {
  if (process.env.MONGO_URL) return { kind: 'external', url: process.env.MONGO_URL };
  const mongod = findOnPath('mongod');
  if (mongod) {
    return {
      kind: 'mongod',
      bin: mongod,
      source: 'path',
      version: versionOf(mongod).split('\n')[0],
    };
  }
  const { bin, source } = await cachedOrInstall('ferretdb');
  return { kind: 'ferretdb', bin, source, version: versionOf(bin).split('\n')[0] };
}

module.exports = {
  VERSIONS,
  toolsDir,
  cachedBinaryPath,
  resolveNats,
  resolveMongo,
  versionOf,
};
