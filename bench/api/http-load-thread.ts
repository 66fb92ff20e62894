// The load generator's own thread: the API's callers are elsewhere (a browser, the CLI), so their HTTP
// client does not run on the API's event loop. Its CPU still counts in this process's figures.
// Keep-alive sockets, `concurrency` requests in flight; a POST carries its own Idempotency-Key, a GET's
// answer is read whole, as a client reads a page before it shows it.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { count } from './measure';

export interface LoadJob {
  url: string;
  /** Each request's path in turn; the URL's own path and query when absent. */
  paths?: string[];
  token: string;
  /** A POST's JSON body; a job without one sends GETs. */
  body?: string;
  n: number;
  concurrency: number;
  ok: number;
  /**
   * GETs only: requests sent before the thread says it is ready, uncounted, so that the measured ones find
   * its HTTP client compiled and its sockets open (a fresh thread's first requests are slower on its side).
   */
  warmup?: number;
}

export interface LoadResult {
  latencies: number[];
  failures: [string, number][];
  /** Wall-clock time (epoch ms, fractional) of the last response. */
  endedAtEpochMs: number;
}

const REQUEST_TIMEOUT_MS = 60_000;

function send(job: LoadJob, target: URL, agent: http.Agent, path: string): Promise<{ status: number; ms: number } | { failure: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const get = job.body === undefined;
    const headers: http.OutgoingHttpHeaders = get
      ? { accept: 'application/json', authorization: `Bearer ${job.token}` }
      : { 'content-type': 'application/json', authorization: `Bearer ${job.token}`, 'idempotency-key': randomUUID() };
    const req = http.request({ host: target.hostname, port: target.port, path, method: get ? 'GET' : 'POST', agent, headers }, (res) => {
      let bytes = 0;
      if (get) res.on('data', (c: Buffer) => (bytes += c.length));
      else res.resume();
      res.on('end', () => {
        const ms = performance.now() - started;
        // A page that came back empty is not an answer, whatever its status.
        if (get && res.statusCode === job.ok && bytes === 0) resolve({ failure: `HTTP ${res.statusCode}, empty body` });
        else resolve({ status: res.statusCode ?? 0, ms });
      });
      // A connection cut mid-body ends neither the response nor the request: without this it waited forever.
      res.on('close', () => {
        if (!res.complete) resolve({ failure: 'connection closed mid-response' });
      });
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ failure: `connection error (${err.code ?? err.message})` }));
    req.end(job.body);
  });
}

async function run(job: LoadJob, n: number, agent: http.Agent): Promise<LoadResult> {
  const target = new URL(job.url);
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  let endedAtEpochMs = Date.now();
  await Promise.all(
    Array.from({ length: Math.min(job.concurrency, n) }, async () => {
      while (next < n) {
        const i = next++;
        const answer = await send(job, target, agent, job.paths ? job.paths[i % job.paths.length]! : target.pathname + target.search);
        endedAtEpochMs = performance.timeOrigin + performance.now();
        if ('failure' in answer) count(failures, answer.failure);
        else if (answer.status === job.ok) latencies.push(answer.ms);
        else count(failures, `HTTP ${answer.status}`);
      }
    }),
  );
  return { latencies, failures: [...failures], endedAtEpochMs };
}

// Booted (and warmed, for GETs) before the phase is measured: it says it is ready, and starts on the first message.
if (parentPort) {
  const port = parentPort;
  const job = workerData as LoadJob;
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const warmup = job.body === undefined ? (job.warmup ?? 0) : 0;
  port.once('message', () =>
    void run(job, job.n, agent).then((result) => {
      agent.destroy();
      port.postMessage(result);
    }),
  );
  void run(job, warmup, agent).then((warm) => {
    if (warm.failures.length) throw new Error(`the load thread's warm-up failed: ${JSON.stringify(warm.failures)}`);
    port.postMessage('ready');
  });
}
