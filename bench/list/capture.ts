// The SELECT a list route sends, taken from the API's own pg pool as drizzle hands it over (text and bound
// values), so the raw path runs the very same statement; and how long the API's requests spent in the app
// and in that statement.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Pool, QueryConfig } from 'pg';
import type { Db } from '../../db/client';

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

/** Only the list's own read: not the staff registry's lookup, not anything else a request may send. */
const LIST_QUERY = /^select .* from "cases"/is;

export class QueryCapture {
  /** While set, the next list query is kept here. */
  private wanted: ((q: CapturedQuery) => void) | undefined;
  recording = false;
  /** Time each recorded list query took, from the call into the pool (waiting for a connection included). */
  timings: number[] = [];
  /** Time each recorded request spent in the app: headers read until the response finished. */
  requests: number[] = [];

  /** Wraps the pool drizzle uses (Db.$client: drizzle's node-postgres driver keeps it there). */
  constructor(db: Db) {
    const pool = (db as unknown as { $client?: Pool }).$client;
    if (!pool || typeof pool.query !== 'function') throw new Error('the database handle has no pg pool to capture from');
    const query = pool.query.bind(pool) as (config: QueryConfig, values?: unknown[]) => Promise<unknown>;
    (pool as unknown as { query: typeof query }).query = async (config, values) => {
      const text = typeof config === 'string' ? config : config.text;
      if (!LIST_QUERY.test(text)) return query(config, values);
      this.wanted?.({ text, values: values ?? [] });
      this.wanted = undefined;
      const t = performance.now();
      try {
        return await query(config, values);
      } finally {
        if (this.recording) this.timings.push(performance.now() - t);
      }
    };
  }

  /** The list query of the request `send` makes. */
  async next(send: () => Promise<unknown>): Promise<CapturedQuery> {
    let captured: CapturedQuery | undefined;
    this.wanted = (q) => (captured = q);
    await send();
    this.wanted = undefined;
    if (!captured) throw new Error('the request sent no list query');
    return captured;
  }

  /** A request listener that runs before the app's. */
  stamp = (_req: IncomingMessage, res: ServerResponse): void => {
    if (!this.recording) return;
    const arrived = performance.now();
    res.once('finish', () => this.requests.push(performance.now() - arrived));
  };

  /** The timings recorded since the last call, and a fresh start. */
  take(): { inQuery: number[]; inApp: number[] } {
    const taken = { inQuery: this.timings, inApp: this.requests };
    this.timings = [];
    this.requests = [];
    return taken;
  }
}
