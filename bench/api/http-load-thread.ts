// The load generator's own thread: the API's callers are elsewhere (a browser, the CLI), so their HTTP
// client does not run on the API's event loop. Its CPU still counts in this process's figures.
// Keep-alive sockets, `concurrency` requests in flight, each with its own Idempotency-Key.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { count } from './measure';

export interface LoadJob {
  url: string;
  /** Each request's path in turn; the URL's own path when absent. */
  paths?: string[];
  token: string;
  body: string;
  n: number;
  concurrency: number;
  ok: number;
}

export interface LoadResult {
  latencies: number[];
  failures: [string, number][];
  /** Wall-clock time (epoch ms, fractional) of the last response. */
  endedAtEpochMs: number;
}

const REQUEST_TIMEOUT_MS = 60_000;

function post(job: LoadJob, target: URL, agent: http.Agent, path: string): Promise<{ status: number; ms: number } | { error: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${job.token}`, 'idempotency-key': randomUUID() },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(job.body);
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const target = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  let endedAtEpochMs = Date.now();
  await Promise.all(
    Array.from({ length: Math.min(job.concurrency, job.n) }, async () => {
      while (next < job.n) {
        const i = next++;
        const answer = await post(job, target, agent, job.paths ? job.paths[i % job.paths.length]! : target.pathname);
        endedAtEpochMs = performance.timeOrigin + performance.now();
        if ('error' in answer) count(failures, `connection error (${answer.error})`);
        else if (answer.status === job.ok) latencies.push(answer.ms);
        else count(failures, `HTTP ${answer.status}`);
      }
    }),
  );
  agent.destroy();
  return { latencies, failures: [...failures], endedAtEpochMs };
}

// Booted before the phase is measured: it says it is ready, and starts on the first message.
if (parentPort) {
  const port = parentPort;
  port.once('message', () => void run(workerData as LoadJob).then((result) => port.postMessage(result)));
  port.postMessage('ready');
}
