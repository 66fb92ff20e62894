// The two paths the list benchmark times: GET over real HTTP against the listening app, and the same
// SELECT (text and values as the route sent them) straight through pg.
import http from 'node:http';
import type { Pool } from 'pg';
import type { Phase } from '../api/measure';
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

export async function apiPhase(agent: http.Agent, url: string, token: string, n: number, concurrency: number): Promise<Phase> {
  const m = await measure(() => inFlight(n, concurrency, () => get(agent, url, token)));
  return { name: 'API', ...m };
}

/** pg parses the rows (timestamps, JSON) as it does for drizzle; nothing maps or serialises them after. */
export async function rawPhase(pool: Pool, query: CapturedQuery, n: number, concurrency: number): Promise<Phase> {
  const m = await measure(() => inFlight(n, concurrency, () => pool.query(query.text, query.values)));
  return { name: 'raw SQL', ...m };
}
