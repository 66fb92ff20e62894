// Development tokens are never ones the API would reject; the simulators' derived callback token is one
// the API accepts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { createTokenVerifier, signToken, trustedAfterCheck } from '../../api/auth/tokens';
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

test('a token is checked in full once, then trusted for a minute at most and never past its expiry', async () => {
  let now = 1_700_000_000_000;
  const checked: string[] = [];
  // Counts the full checks; the principal and expiry are what a real check of these tokens would give.
  const verify = trustedAfterCheck(async (token, at) => {
    checked.push(token);
    return { principal: { id: 'ps-9', role: 'case_manager', regions: ['64.72'] }, exp: token === 'brief' ? at / 1000 + 10 : at / 1000 + 8 * 3600 };
  }, () => now);
  const first = await verify('long');
  first.regions.push('*');
  const again = await verify('long');
  expect(again).toEqual({ id: 'ps-9', role: 'case_manager', regions: ['64.72'] });
  // What a caller does to its principal, first or kept, is not what the next request gets.
  again.regions.push('*');
  await expect(verify('long')).resolves.toEqual({ id: 'ps-9', role: 'case_manager', regions: ['64.72'] });
  expect(checked).toEqual(['long']);
  now += 59_000;
  await verify('long');
  expect(checked).toEqual(['long']);
  now += 2_000;
  await verify('long');
  expect(checked).toEqual(['long', 'long']);
  // Ten seconds to live and thirty of tolerance: checked again after forty, within the minute.
  await verify('brief');
  now += 39_000;
  await verify('brief');
  expect(checked).toEqual(['long', 'long', 'brief']);
  now += 2_000;
  await verify('brief');
  expect(checked).toEqual(['long', 'long', 'brief', 'brief']);
});

test('a verified token is refused once expired though checked a moment before, and an altered one is checked in full', async () => {
  const brief = await signToken(testTokenSettings, { sub: 'ps-9', role: 'case_manager', regions: ['64.72'] }, '10s');
  const long = await signToken(testTokenSettings, { sub: 'ps-9', role: 'case_manager', regions: ['64.72'] });
  // The clock starts after signing: a slow signature does not eat into the ten seconds.
  let now = Date.now();
  const verify = createTokenVerifier(testTokenSettings, () => now);
  const expected = { id: 'ps-9', role: 'case_manager', regions: ['64.72'] };
  await expect(verify(brief)).resolves.toEqual(expected);
  await expect(verify(long)).resolves.toEqual(expected);
  // Within the minute, but past expiry and tolerance: refused, though it was verified 50 s ago.
  now += 50_000;
  await expect(verify(brief)).rejects.toThrow('token rejected');
  await expect(verify(long)).resolves.toEqual(expected);
  const [head, body, signature] = long.split('.');
  const forged = `${head}.${body}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
  await expect(verify(forged)).rejects.toThrow('token rejected');
});

test('a token without an expiry is refused, however well signed', async () => {
  const claims = { role: 'case_manager', regions: ['64.72'] };
  const sign = (withExpiry: boolean) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('ps-9').setIssuer('sigap').setAudience('sigap-api').setIssuedAt();
    return (withExpiry ? jwt.setExpirationTime('1h') : jwt).sign(testTokenSettings.secret!);
  };
  const verify = createTokenVerifier(testTokenSettings);
  await expect(verify(await sign(true))).resolves.toEqual({ id: 'ps-9', ...claims });
  await expect(verify(await sign(false))).rejects.toThrow('token rejected');
});
