// The real app as every API benchmark serves it: createApp with a token secret of the run's own, no rate
// limit to speak of, listening on a free local port; the benchmark decides what sees each request first.
import { randomUUID } from 'node:crypto';
import type { RequestListener, Server } from 'node:http';
import { createServer } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Express } from 'express';
import { createApp } from '../api/app';
import { createTokenVerifier, signToken } from '../api/auth/tokens';
import { createLogger } from '../config/logger';
import type { Db } from '../db/client';

export interface ServedApp {
  http: Server;
  url: string;
  /** A token for the run's caller, signed with the run's secret. */
  sign(claims: Parameters<typeof signToken>[1]): Promise<string>;
}

/** `listeners` get the app and return, in order, what handles each request (timers, then the app). */
export async function serveApp(deps: { client: Client; db: Db; taskQueue: string }, listeners: (app: Express) => RequestListener[]): Promise<ServedApp> {
  const settings = { issuer: 'sigap', audience: 'sigap-api', secret: new TextEncoder().encode(randomUUID() + randomUUID()) };
  const app = createApp({
    ...deps,
    policy: {},
    logger: createLogger('silent'),
    checks: {},
    verifyToken: createTokenVerifier(settings),
    rateLimitPerMinute: 100_000_000,
  });
  const http: Server = createServer();
  for (const listener of listeners(app)) http.on('request', listener);
  http.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  if (!address || typeof address === 'string') throw new Error('the API is not listening on a port');
  return { http, url: `http://127.0.0.1:${address.port}`, sign: (claims) => signToken(settings, claims) };
}
