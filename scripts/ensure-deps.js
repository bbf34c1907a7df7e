// Installs the npm dependencies when they are missing or older than the
// lockfile, so `npm start` and `npm test` work as the first command on a
// fresh clone. A no-op (a few milliseconds) when node_modules is current.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

if (mtime(installed) === 0 || mtime(installed) < mtime(lock)) {
  process.stderr.write(
    '[deps] node_modules is missing or older than package-lock.json: running npm ci\n',
  );
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
