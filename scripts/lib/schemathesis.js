// @ts-check
// Schemathesis (the OpenAPI fuzzer of test/fuzz/openapi-fuzz.int-spec.ts), in
// a Python virtual environment of its own, cached beside nats-server and
// FerretDB under ${ICB_TOOLS_DIR:-~/.cache/icb/tools}/schemathesis-<version>-c<hash>/.
// The version is pinned in scripts/lib/versions.json and every dependency in
// scripts/schemathesis/constraints.txt (hypothesis decides what a seed
// generates: the same pins, the same run); the hash of the constraints is
// part of the folder's name, so changing a pin installs anew.
//
// Plain CommonJS with no dependency outside Node's standard library, like
// infra.js: `node scripts/infra.js ensure` installs it before `npm ci`.
//
// Installed into a temporary folder and renamed into place once complete, so
// an interrupted install never leaves a broken tool behind. A virtual
// environment's console scripts (bin/st) name their folder in their first
// line and break on a rename; its bin/python does not, so the tool is run as
// `<venv>/bin/python -m schemathesis.cli`.
'use strict';

const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** @typedef {{ version: string, package: string, module: string, minPython: string, constraints: string }} PythonToolPin */

/** @type {PythonToolPin} */
const PIN = require('./versions.json').schemathesis;

const ROOT = path.resolve(__dirname, '..', '..');

/** @param {string} message */
function log(message) {
  process.stderr.write(`[infra] ${message}\n`);
}

function toolsDir() {
  return (
    process.env.ICB_TOOLS_DIR || path.join(require('node:os').homedir(), '.cache', 'icb', 'tools')
  );
}

/** The constraints file and a short hash of its content. */
function constraints() {
  const file = path.resolve(ROOT, PIN.constraints);
  const content = fs.readFileSync(file);
  return { file, hash: crypto.createHash('sha256').update(content).digest('hex').slice(0, 8) };
}

function cacheDir() {
  return path.join(toolsDir(), `schemathesis-${PIN.version}-c${constraints().hash}`);
}

/** @param {string} dir */
function pythonOf(dir) {
  return path.join(dir, 'bin', 'python');
}

/** A file that is written last: its presence means the install completed. */
const MARKER = '.icb-installed';

/** @param {string} v "Python 3.11.7" -> [3, 11] */
function majorMinor(v) {
  const m = /(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/**
 * A Python >= minPython on the PATH that can make a virtual environment with
 * pip (Debian splits `venv` out into the python3-venv package).
 * @returns {{ bin: string, version: string }}
 */
function findPython() {
  const [wantMajor, wantMinor] = majorMinor(PIN.minPython);
  const tried = [];
  for (const name of [
    'python3',
    'python3.14',
    'python3.13',
    'python3.12',
    'python3.11',
    'python',
  ]) {
    let version;
    try {
      version = execFileSync(
        name,
        ['-c', 'import sys, venv, ensurepip; print(sys.version.split()[0])'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ).trim();
    } catch (err) {
      const stderr = /** @type {{ stderr?: string }} */ (err).stderr || '';
      if (/No module named/.test(stderr)) tried.push(`${name}: ${stderr.trim().split('\n').pop()}`);
      continue;
    }
    const [major, minor] = majorMinor(version);
    if (major > wantMajor || (major === wantMajor && minor >= wantMinor)) {
      return { bin: name, version };
    }
    tried.push(`${name}: ${version} is older than ${PIN.minPython}`);
  }
  throw new Error(
    [
      `Cannot install schemathesis ${PIN.version}: it needs Python >= ${PIN.minPython} with venv and pip.`,
      ...tried.map((t) => `  - ${t}`),
      'Install one (e.g. `apt-get install python3 python3-venv`), then run again.',
    ].join('\n'),
  );
}

/**
 * @param {string} cmd @param {string[]} args
 * @returns {Promise<void>}
 */
function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      output += chunk.toString();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${output.slice(-4000)}`)),
    );
  });
}

/**
 * The cached schemathesis, installed first when missing (about 20 s with a
 * warm pip cache; a few milliseconds when already installed).
 * @returns {Promise<{ python: string, command: string[], version: string, source: 'cache' | 'installed' }>}
 */
async function ensureSchemathesis() {
  const dir = cacheDir();
  const found = (/** @type {'cache' | 'installed'} */ source) => ({
    python: pythonOf(dir),
    command: [pythonOf(dir), '-m', 'schemathesis.cli'],
    version: PIN.version,
    source,
  });
  // bin/python is a link to the Python it was made with: gone with that Python, reinstall.
  if (fs.existsSync(path.join(dir, MARKER)) && fs.existsSync(pythonOf(dir))) return found('cache');

  const python = findPython();
  fs.mkdirSync(toolsDir(), { recursive: true });
  const work = fs.mkdtempSync(path.join(toolsDir(), `.${path.basename(dir)}-`));
  fs.chmodSync(work, 0o755); // mkdtemp makes it private; the tool is not
  const started = Date.now();
  log(`installing schemathesis ${PIN.version} with Python ${python.version} into ${dir}...`);
  try {
    await run(python.bin, ['-m', 'venv', work]);
    await run(pythonOf(work), [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-input',
      '--constraint',
      constraints().file,
      `${PIN.package}==${PIN.version}`,
    ]);
    fs.writeFileSync(path.join(work, MARKER), `${PIN.package}==${PIN.version}\n`);
    if (fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
    try {
      fs.renameSync(work, dir);
    } catch (err) {
      // Another run finished the same install first: its copy is as good as ours.
      if (!fs.existsSync(path.join(dir, MARKER))) throw err;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  log(`installed schemathesis ${PIN.version} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return found('installed');
}

module.exports = { ensureSchemathesis, SCHEMATHESIS_VERSION: PIN.version };
