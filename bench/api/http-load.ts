// One HTTP load the API benchmarks share: autocannon over keep-alive connections, each request with its
// own Idempotency-Key and a bearer token, latencies of the expected status only, everything else counted
// as a failure by its kind.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { Measured } from './measure';
import { count } from './measure';

export interface HttpLoad {
  /** The first request's URL; `nextPath` (if given) names each request's path. */
  url: string;
  nextPath?: () => string;
  token: string;
  body: unknown;
  n: number;
  concurrency: number;
  /** The status of an answer that counts (201 for an opening, 200 for a command). */
  ok: number;
}

export async function httpLoad(load: HttpLoad): Promise<Pick<Measured, 'latencies' | 'failures'> & { endedAt: number }> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let responses = 0;
  let endedAt = performance.now();
  const { n } = load;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        connections: Math.min(load.concurrency, n),
        amount: n,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${load.token}` },
        body: JSON.stringify(load.body),
        requests: [
          {
            setupRequest: (req) => ({ ...req, ...(load.nextPath ? { path: load.nextPath() } : {}), headers: { ...req.headers, 'idempotency-key': randomUUID() } }),
          },
        ],
        // autocannon notices that it is done only on its sampling tick (1 s by default), which would add
        // up to a second of idle to the phase; the wall time ends at the last response anyway.
        sampleInt: 20,
      },
      (err, res) => (err ? reject(err as Error) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      responses += 1;
      endedAt = performance.now();
      if (statusCode === load.ok) latencies.push(responseTime);
      else count(failures, `HTTP ${statusCode}`);
    });
  });
  if (result.errors > 0) failures.set('connection errors (incl. timeouts)', result.errors);
  if (responses < n - result.errors) failures.set('missing responses', n - result.errors - responses);
  return { latencies, failures, endedAt };
}
