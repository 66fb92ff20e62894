// Codec access as docker-compose wires it: the development identity provider (idp/) as a process, its
// shipped directory (deploy/idp/), people signing in through its form with the authorization-code flow,
// and the API built from the compose API's settings (production: codec behind supervisors' tokens, the
// staff registry required and seeded from deploy/idp/staff.json) verifying the tokens through the
// provider's JWKS. The browser's name for the provider (localhost) and a container's (127.0.0.1 here) differ
// on purpose, as in compose. Temporal is not needed by the codec: its address is one where nothing listens.
import fs from 'node:fs';
import path from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import type { Express } from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import request from 'supertest';
import { z } from 'zod';
import { createTokenVerifier } from '../../api/auth/tokens';
import { buildApp } from '../../api/build-app';
import { registerStaffBody } from '../../api/staff/schemas';
import { tokenSettingsFrom } from '../../config/auth';
import { loadConfig } from '../../config/env';
import { createLogger } from '../../config/logger';
import type { Database } from '../../db/client';
import { openDatabase } from '../../db/client';
import { staff } from '../../db/schema';
import { recordProblems } from '../../domain/workforce';
import { EncryptionCodec } from '../../temporal/encryption-codec';
import { freePort } from '../../temporal/free-port';
import { lazyClient } from '../../temporal/runtime';
import { eventually } from '../helpers/eventually';
import type { IdpProcess } from '../helpers/idp';
import { exchangeCode, runIdpScript, signIn, startIdpProcess } from '../helpers/idp';
import { testKeyRing } from '../helpers/temporal';

const ROOT = path.join(__dirname, '..', '..');
const UI_ORIGIN = 'http://localhost:8080';
const directory = JSON.parse(fs.readFileSync(path.join(ROOT, 'deploy/idp/directory.json'), 'utf8')) as {
  clients: { clientId: string; secret: string; redirectUris?: string[] }[];
  accounts: { id: string; password: string }[];
};
const ui = directory.clients.find((c) => c.clientId === 'temporal-ui')!;
const uiClient = { clientId: ui.clientId, secret: ui.secret, redirectUri: ui.redirectUris![0]! };
const partner = directory.clients.find((c) => c.clientId === 'PARTNER-SIM')!;
const password = (id: string) => directory.accounts.find((a) => a.id === id)!.password;

let idp: IdpProcess;
let database: Database;
let closeClient: () => Promise<void>;
let app: Express;
let config: ReturnType<typeof loadConfig>;

/** A person of the directory through the whole flow, with PKCE: their access and ID tokens. */
async function tokensOf(id: string): Promise<{ access: string; idToken: string }> {
  const signedIn = await signIn(idp, { ...uiClient, username: id, password: password(id), pkce: true });
  expect(signedIn.loginStatus).toBe(303);
  const { status, body } = await exchangeCode(idp, uiClient, signedIn.code!, signedIn.verifier);
  expect(status).toBe(200);
  return { access: body.access_token!, idToken: body.id_token! };
}

/** A payload as the worker seals it, in the JSON form the Web UI sends to /codec. */
async function sealedPayload(value: unknown) {
  const [sealed] = await new EncryptionCodec(testKeyRing).encode([defaultPayloadConverter.toPayload(value)]);
  const b64 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? new Uint8Array()).toString('base64');
  return { metadata: Object.fromEntries(Object.entries(sealed!.metadata ?? {}).map(([k, v]) => [k, b64(v)])), data: b64(sealed!.data) };
}

const decode = (headers: Record<string, string>, payloads: unknown[]) =>
  request(app).post('/codec/decode').set({ Origin: UI_ORIGIN, 'X-Namespace': 'default', ...headers }).send({ payloads });

beforeAll(async () => {
  idp = await startIdpProcess();
  // A database of its own: the directory's Kasi registered in the shared one would receive other suites'
  // 64.72 notices (a registered Kasi is addressed by name).
  database = openDatabase({ pgliteDir: null });
  await database.migrate();
  // What the compose file's staff-seed service does (scripts/staff-import.ts): the directory's people in the registry.
  const records = z.array(registerStaffBody).parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'deploy/idp/staff.json'), 'utf8')));
  const today = new Date().toISOString().slice(0, 10);
  const blank = { kecamatanCode: null, certificationNo: null, certifiedUntil: null, verifiedUntil: null, active: true };
  expect(records.flatMap((r) => recordProblems({ ...blank, ...r }, today, true))).toEqual([]);
  for (const r of records) await database.db.insert(staff).values({ ...r, provinceCode: r.regionCode.slice(0, 2) }).onConflictDoNothing();
  const temporalAddress = `127.0.0.1:${await freePort()}`;
  // The compose API's environment, with this test's addresses.
  config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    TEMPORAL_ADDRESS: temporalAddress,
    SIGAP_PAYLOAD_KEYS: 'unused-1:c2lnYXAtdGVzdC1vbmx5LWtleS0zMi1ieXRlcy4uLi4=',
    SIGAP_JWT_JWKS_URL: `${idp.backChannel}/jwks`,
    SIGAP_JWT_ISSUER: idp.issuer,
    SIGAP_JWT_AUDIENCE: 'sigap-api',
    SIGAP_CODEC_ENDPOINT: 'on',
    SIGAP_CODEC_CORS_ORIGIN: UI_ORIGIN,
    LOG_LEVEL: 'silent',
  });
  const { client, connection } = lazyClient(temporalAddress, 'default', testKeyRing);
  closeClient = () => connection.close();
  app = buildApp(config, client, database, testKeyRing, createLogger('silent'));
}, 60_000);

afterAll(async () => {
  await closeClient?.();
  await database?.close();
  await idp?.stop();
});

test('the compose API settings put the codec behind supervisors and the registry, with keys from the provider', () => {
  expect(config.codecEndpoint).toBe(true);
  expect(config.codecAuth).toBe(true);
  expect(config.staffRegistry).toBe('required');
  expect(tokenSettingsFrom(config)).toEqual({ issuer: idp.issuer, audience: 'sigap-api', jwksUrl: `${idp.backChannel}/jwks` });
});

test('discovery sends browsers to the issuer and containers to the name they asked for', async () => {
  const doc = (await (await fetch(`${idp.backChannel}/.well-known/openid-configuration`)).json()) as Record<string, string>;
  expect(doc.issuer).toBe(idp.issuer);
  expect(doc.authorization_endpoint).toBe(`${idp.issuer}/auth`);
  expect(doc.token_endpoint).toBe(`${idp.backChannel}/token`);
  expect(doc.jwks_uri).toBe(`${idp.backChannel}/jwks`);
});

test('a supervisor signed in with PKCE decrypts; an operator is refused; no token is 401', async () => {
  const secret = { subject: { name: 'Contoh Warga', nik: '6472000000000000' } };
  const payloads = [await sealedPayload(secret)];
  const kasi = await tokensOf('kasi.demo');
  const operator = await tokensOf('operator.demo');

  // As the UI sends it (ui-server v2.49): the access token, and the ID token in Authorization-Extras.
  const decoded = await decode({ Authorization: `Bearer ${kasi.access}`, 'Authorization-Extras': kasi.idToken }, payloads).expect(200);
  expect(decoded.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
  const [plain] = decoded.body.payloads as { metadata: Record<string, string>; data: string }[];
  expect(Buffer.from(plain!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
  expect(JSON.parse(Buffer.from(plain!.data, 'base64').toString('utf8'))).toEqual(secret);

  const refused = await decode({ Authorization: `Bearer ${operator.access}` }, payloads);
  expect(refused.status).toBe(403);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.body.code).toBe('FORBIDDEN');
  expect(JSON.stringify(refused.body)).not.toContain('Contoh Warga');

  const anonymous = await decode({}, payloads);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(anonymous.body.code).toBe('UNAUTHENTICATED');

  // The ID token is for the UI, not for Sigap: another audience, refused.
  expect((await decode({ Authorization: `Bearer ${kasi.idToken}` }, payloads)).status).toBe(401);
});

test("the browser's preflight may send both of the UI's token headers", async () => {
  const res = await request(app)
    .options('/codec/decode')
    .set({ Origin: UI_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,authorization-extras,content-type,x-namespace' })
    .expect(204);
  expect(res.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
  const allowed = String(res.headers['access-control-allow-headers']).toLowerCase().split(/\s*,\s*/);
  expect(allowed).toEqual(expect.arrayContaining(['authorization', 'authorization-extras', 'content-type', 'x-namespace']));
});

test('tokens carry the claims Sigap reads, for its audience, under the issuer the browser knows', async () => {
  const { access } = await tokensOf('kasi.demo');
  const verify = createTokenVerifier(tokenSettingsFrom(config));
  expect(await verify(access)).toEqual({ id: 'kasi.demo', role: 'supervisor', regions: ['64.72'] });
  const { payload, protectedHeader } = await jwtVerify(access, createRemoteJWKSet(new URL(`${idp.backChannel}/jwks`)), { issuer: idp.issuer, audience: 'sigap-api' });
  expect(protectedHeader.alg).toBe('RS256');
  expect(payload.client_id).toBe('temporal-ui');
});

test("the Temporal UI server's own flow: no PKCE, a nonce, an ID token it can verify", async () => {
  const signedIn = await signIn(idp, { ...uiClient, username: 'admin.demo', password: password('admin.demo'), pkce: false });
  expect(signedIn.iss).toBe(idp.issuer);
  const { status, body } = await exchangeCode(idp, uiClient, signedIn.code!);
  expect(status).toBe(200);
  expect(body.token_type).toBe('Bearer');
  // What go-oidc checks with TEMPORAL_AUTH_ISSUER_URL: the issuer, the client as audience, the nonce.
  const { payload } = await jwtVerify(body.id_token!, createRemoteJWKSet(new URL(`${idp.backChannel}/jwks`)), { issuer: idp.issuer, audience: uiClient.clientId });
  expect(payload).toMatchObject({ sub: 'admin.demo', nonce: signedIn.nonce, name: 'Admin Demo' });
  await decode({ Authorization: `Bearer ${body.access_token}` }, [await sealedPayload({ ok: true })]).expect(200);
});

test('a wrong password gets the form again and no code; a wrong PKCE verifier gets no token', async () => {
  const refused = await signIn(idp, { ...uiClient, username: 'kasi.demo', password: 'not-the-password', pkce: true });
  expect(refused.loginStatus).toBe(401);
  expect(refused.code).toBeUndefined();
  // The provider logs the refusal (its output reaches here through a pipe, a moment later), never what was typed.
  const output = await eventually(async () => (idp.output.join('').includes('sign-in refused') ? idp.output.join('') : undefined), 'the refusal in the log', 5_000);
  expect(output).not.toContain('not-the-password');

  const signedIn = await signIn(idp, { ...uiClient, username: 'kasi.demo', password: password('kasi.demo'), pkce: true });
  const wrong = await exchangeCode(idp, uiClient, signedIn.code!, `${signedIn.verifier}x`);
  expect(wrong.status).toBe(400);
  expect(wrong.body.error).toBe('invalid_grant');
  expect(wrong.body.access_token).toBeUndefined();
});

test("the partner simulators' token (client credentials) is a partner's, and the codec refuses it", async () => {
  const token = (await runIdpScript('client-token.ts', { IDP_TOKEN_URL: `${idp.backChannel}/token`, IDP_CLIENT_ID: partner.clientId, IDP_CLIENT_SECRET: partner.secret })).trim();
  expect(await createTokenVerifier(tokenSettingsFrom(config))(token)).toEqual({ id: 'PARTNER-SIM', role: 'partner', regions: ['*'] });
  expect((await decode({ Authorization: `Bearer ${token}` }, [])).status).toBe(403);
  await expect(runIdpScript('client-token.ts', { IDP_TOKEN_URL: `${idp.backChannel}/token`, IDP_CLIENT_ID: partner.clientId, IDP_CLIENT_SECRET: 'wrong-secret-0123456789' })).rejects.toThrow(/refused/);
});
