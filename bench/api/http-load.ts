// One HTTP load the API benchmarks share: keep-alive connections from a thread of its own (see
// http-load-thread.ts), each request with a bearer token (and a POST with its own Idempotency-Key),
// latencies of the expected status only, everything else counted as a failure by its kind.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { LoadJob, LoadResult } from './http-load-thread';
import type { Measured } from './measure';

export interface HttpLoad {
  /** The first request's URL (its path and query are every request's, unless `paths` names each request's path in turn). */
  url: string;
  paths?: string[];
  token: string;
  /** A POST's body; without one, the load sends GETs. */
  body?: unknown;
  n: number;
  concurrency: number;
  /** The status of an answer that counts (201 for an opening, 200 for a command or a page). */
  ok: number;
  /** GETs only: uncounted requests before the thread says it is ready. */
  warmup?: number;
}

export interface ReadyLoad {
  /** Sends the requests; the latencies, failures and the moment of the last answer (this thread's clock). */
  run(): Promise<Pick<Measured, 'latencies' | 'failures'> & { endedAt: number }>;
}

/** Boots the load generator's thread (not part of any measurement) and returns when it is ready. */
export async function startHttpLoad(load: HttpLoad): Promise<ReadyLoad> {
  const { body, ...rest } = load;
  const job: LoadJob = body === undefined ? rest : { ...rest, body: JSON.stringify(body) };
  // A thread does not inherit tsx's loader: it registers tsx's require hook, then loads the TypeScript.
  const file = JSON.stringify(path.join(__dirname, 'http-load-thread.ts'));
  const thread = new Worker(`require('tsx/cjs'); require(${file});`, { eval: true, workerData: job });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      const onExit = (code: number) => reject(new Error(`the load thread exited (${code}) before its answer`));
      thread.once('error', onError).once('exit', onExit).once('message', (m: T) => {
        thread.off('error', onError).off('exit', onExit);
        resolve(m);
      });
    });
  await next<'ready'>();
  return {
    async run() {
      const answer = next<LoadResult>();
      thread.postMessage('go');
      const result = await answer;
      await thread.terminate();
      const failures = new Map(result.failures);
      const answered = result.latencies.length + [...failures.values()].reduce((a, b) => a + b, 0);
      if (answered < load.n) failures.set('missing responses', load.n - answered);
      // Its clock is the thread's: turned into this thread's performance.now() for the phase's wall time.
      return { latencies: result.latencies, failures, endedAt: result.endedAtEpochMs - performance.timeOrigin };
    },
  };
}
