// The API under test: createApp() with the real dev-server worker and database, and callers with real
// bearer tokens that the app verifies with jose.
import { createHmac } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import type { AppDeps } from '../../api/app';
import { createApp } from '../../api/app';
import type { TokenSettings } from '../../config/auth';
import { createTokenVerifier } from '../../api/auth/tokens';
import { createLogger } from '../../config/logger';
import type { DevWorker } from './dev-worker';
import { eventually } from './eventually';

const SECRET = 'sigap-test-only-jwt-secret-0123456789abcdef';
export const testTokenSettings: TokenSettings = { issuer: 'sigap', audience: 'sigap-api', secret: new TextEncoder().encode(SECRET) };

export function testApp(dev: Pick<DevWorker, 'client' | 'database' | 'taskQueue'>, overrides: Partial<AppDeps> = {}): Express {
  return createApp({
    client: dev.client,
    db: dev.database.db,
    taskQueue: dev.taskQueue,
    policy: {},
    logger: createLogger('silent'),
    checks: {},
    verifyToken: createTokenVerifier(testTokenSettings),
    rateLimitPerMinute: 1_000_000,
    // Production's 1.8 s request deadline is exercised by the fault suite; here a busy 2-core machine
    // running several suites at once must not turn a slow answer into a 503.
    requestDeadlineMs: 15_000,
    ...overrides,
  });
}

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

/**
 * A signed HS256 token, made synchronously here (and independently of jose) so that tests can build
 * headers inline; the app still verifies it with jose, which also proves the two agree.
 */
export function tokenFor(who: string, regions: string[] = ['*'], extra: Record<string, unknown> = {}): string {
  const [role, sub] = who.split(':');
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub, role, regions, iss: 'sigap', aud: 'sigap-api', iat: now, exp: now + 3600, ...extra }));
  const signature = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Headers for a caller given as "role:staffId", with a region scope (every region by default). */
export function as(who: string, regions: string[] = ['*']): Record<string, string> {
  return { Authorization: `Bearer ${tokenFor(who, regions)}` };
}

/** supertest bound to one caller (an admin for every region unless said otherwise). */
export function caller(app: Express, who = 'admin:test-admin', regions: string[] = ['*']) {
  const headers = as(who, regions);
  return {
    get: (path: string) => request(app).get(path).set(headers),
    post: (path: string) => request(app).post(path).set(headers),
  };
}

/**
 * Waits until the read model holds everything the case has recorded (`projection: current`): commands
 * answer before their records are written, so a test that reads the timeline right after one waits here.
 */
export async function caughtUp(app: Express, caseId: string): Promise<void> {
  await eventually(async () => ((await caller(app).get(`/v1/cases/${caseId}`)).body.projection === 'current' ? true : undefined), `the read model of ${caseId}`);
}

/** Rules v3 over the API: the rapid assessment, then the supervisor's pathway decision. */
export async function decideOverApi(app: Express, caseId: string, pathway: string, regions: string[] = ['*']): Promise<void> {
  const rapid = { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'has_capacity', needs: [] };
  await request(app).post(`/v1/cases/${caseId}/commands`).set(as('case_manager:cm-rapid', regions)).send(rapid).expect(200);
  await request(app).post(`/v1/cases/${caseId}/commands`).set(as('supervisor:spv-decides', regions)).send({ type: 'decidePathway', pathway }).expect(200);
}
