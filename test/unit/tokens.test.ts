// Development tokens are never ones the API would reject; the simulators' derived callback token is one
// the API accepts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTokenVerifier, signToken } from '../../api/auth/tokens';
import { callbackTokenFrom, SIMULATOR_PARTNER_ID } from '../../partners/callback-token';
import { testTokenSettings } from '../helpers/api';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const SECRET = 'sigap-token-test-secret-0123456789abcdef';

test('signing refuses claims the verifier would reject (a one-character subject)', async () => {
  await expect(signToken(testTokenSettings, { sub: 'x', role: 'operator', regions: ['*'] })).rejects.toThrow('token claims rejected: sub');
  const good = await signToken(testTokenSettings, { sub: 'op-1', role: 'operator', regions: ['64.72'] });
  await expect(createTokenVerifier(testTokenSettings)(good)).resolves.toEqual({ id: 'op-1', role: 'operator', regions: ['64.72'] });
});

test('`npm run token -- --sub x` fails with a usage error instead of printing a token the API rejects', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-token-'));
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const env = { ...process.env, SIGAP_DATA_DIR: dataDir, SIGAP_JWT_SECRET: SECRET, NODE_ENV: 'development' };
  const refused = await run(tsx, ['scripts/dev-token.ts', '--sub', 'x'], { cwd: ROOT, env }).catch((e: { code: number; stderr: string; stdout: string }) => e);
  expect(refused).toMatchObject({ code: 1, stdout: '' });
  expect((refused as { stderr: string }).stderr).toMatch(/--sub.*opaque id of 2–64/);
  const { stdout } = await run(tsx, ['scripts/dev-token.ts', '--sub', 'op-7', '--role', 'case_manager'], { cwd: ROOT, env });
  const verify = createTokenVerifier({ issuer: 'sigap', audience: 'sigap-api', secret: new TextEncoder().encode(SECRET) });
  await expect(verify(stdout.trim())).resolves.toMatchObject({ id: 'op-7', role: 'case_manager' });
}, 60_000);

test('the simulators derive a partner token the API accepts from the shared secret, unless one is given', async () => {
  const verify = createTokenVerifier({ issuer: 'sigap', audience: 'sigap-api', secret: new TextEncoder().encode(SECRET) });
  const derived = await callbackTokenFrom({ SIGAP_JWT_SECRET: SECRET });
  await expect(verify(derived!)).resolves.toEqual({ id: SIMULATOR_PARTNER_ID, role: 'partner', regions: ['*'] });
  expect(await callbackTokenFrom({ PARTNER_CALLBACK_TOKEN: 'given', SIGAP_JWT_SECRET: SECRET })).toBe('given');
  expect(await callbackTokenFrom({})).toBeUndefined();
});

test('a verified token is trusted again for a minute at most, never past its expiry, and only by its exact text', async () => {
  let now = Date.now();
  const verify = createTokenVerifier(testTokenSettings, () => now);
  const expected = { id: 'ps-9', role: 'case_manager', regions: ['64.72'] };
  // Ten seconds to live, accepted until thirty seconds after that (the clocks' tolerance).
  const brief = await signToken(testTokenSettings, { sub: 'ps-9', role: 'case_manager', regions: ['64.72'] }, '10s');
  const first = await verify(brief);
  expect(first).toEqual(expected);
  first.regions.push('*');
  // What one caller does to its principal is not what the next request gets.
  await expect(verify(brief)).resolves.toEqual(expected);
  // Within the minute, but past expiry and tolerance: refused, though it was verified a moment ago.
  now += 41_000;
  await expect(verify(brief)).rejects.toThrow('token rejected');
  // A token whose signature is altered is checked in full, whatever was verified before.
  const long = await signToken(testTokenSettings, { sub: 'ps-9', role: 'case_manager', regions: ['64.72'] });
  await expect(verify(long)).resolves.toEqual(expected);
  const [head, body, signature] = long.split('.');
  const forged = `${head}.${body}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
  await expect(verify(forged)).rejects.toThrow('token rejected');
  // Hours later (its eight hours are over) it is refused too: nothing is kept past an expiry.
  now += 9 * 3600_000;
  await expect(verify(long)).rejects.toThrow('token rejected');
});
