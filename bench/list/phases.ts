// The two paths the list benchmark times: GET over real HTTP against the listening app, and the same
// SELECT (text and values as the route sent them) straight through pg.
import http from 'node:http';
import type { Pool } from 'pg';
import type { Phase } from '../api/measure';
import { startHttpLoad } from '../api/http-load';
import { inFlight, measure } from '../api/measure';
import type { CapturedQuery } from './capture';

export class HttpError extends Error {
  override name = 'HttpError';
}

/** One GET on a keep-alive agent; the whole body is read, as a client would before using it. */
export function get(agent: http.Agent, url: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        if (res.statusCode === 200) resolve(body);
        else reject(new HttpError(`HTTP ${res.statusCode}`));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export function agentFor(concurrency: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: concurrency });
}

/** Uncounted requests of the load thread before each phase (see http-load-thread.ts). */
const CLIENT_WARMUP = 20;

/**
 * The API's callers are elsewhere: the load comes from a thread of its own, not the API's event loop.
 * `around` is told when the measured requests begin and end (the thread's warm-up is neither).
 */
export async function apiPhase(url: string, token: string, n: number, concurrency: number, around: { start?: () => void; stop?: () => void } = {}): Promise<Phase> {
  const load = await startHttpLoad({ url, token, n, concurrency, ok: 200, warmup: CLIENT_WARMUP });
  around.start?.();
  try {
    const m = await measure(() => load.run());
    return { name: 'API', ...m };
  } finally {
    around.stop?.();
  }
}

/** pg parses the rows (timestamps, JSON) as it does for drizzle; nothing maps or serialises them after. */
export async function rawPhase(pool: Pool, query: CapturedQuery, n: number, concurrency: number): Promise<Phase> {
  const m = await measure(() => inFlight(n, concurrency, () => pool.query(query.text, query.values)));
  return { name: 'raw SQL', ...m };
}
