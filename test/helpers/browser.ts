// A real browser for tests: Debian's chromium driven by playwright-core, which never downloads a browser
// of its own. When chromium is missing the helper installs it from Debian (tests and CI run as root); a
// browser that cannot be had fails the suite, never skips it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** apt-get update plus chromium and its libraries on a slow mirror: minutes, not seconds. */
export const CHROMIUM_INSTALL_TIMEOUT_MS = 10 * 60_000;

const run = promisify(execFile);

async function apt(args: string[], timeoutMs: number): Promise<void> {
  try {
    // Waits for another apt or dpkg run to finish instead of failing on its lock.
    await run('apt-get', ['-o', 'DPkg::Lock::Timeout=120', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as Error & { stderr?: string; killed?: boolean };
    const why = e.killed ? `timed out after ${Math.round(timeoutMs / 1000)} s` : (e.stderr?.trim().split('\n').slice(-5).join('\n') ?? e.message);
    throw new Error(`apt-get ${args.join(' ')} failed: ${why}`);
  }
}

/** Makes sure Debian's chromium is at CHROMIUM_PATH, installing it with apt-get when it is not. */
export async function ensureChromium(): Promise<string> {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const hint = `The browser tests need Debian's chromium at ${CHROMIUM_PATH}: install it with 'apt-get install chromium' (as root)`;
  if (process.getuid?.() !== 0) throw new Error(`${hint}; this process is not root, so it cannot install it itself.`);
  const started = Date.now();
  try {
    await apt(['update'], CHROMIUM_INSTALL_TIMEOUT_MS);
    await apt(['install', '-y', '--no-install-recommends', 'chromium'], CHROMIUM_INSTALL_TIMEOUT_MS - (Date.now() - started));
  } catch (err) {
    throw new Error(`${hint}. Installing it failed: ${(err as Error).message}`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`${hint}. apt-get installed chromium but ${CHROMIUM_PATH} is still missing.`);
  return CHROMIUM_PATH;
}

/** Headless chromium with nothing that reaches out to the internet on its own. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await ensureChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}
