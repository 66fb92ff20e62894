// Benchmark (not a test): opening cases through `POST /v1/cases` against starting the same workflows with
// a raw Temporal client, on the same dev server in the same run. Reports throughput and latency of both
// and their ratio, where an API request's time goes, and writes them to docs/BENCHMARKS.md.
//   npm run bench:api -- --requests 2000 --concurrency 32 --warmup 1000
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { Command } from 'commander';
import { eq, sql } from 'drizzle-orm';
import { close } from '../api/listen';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import type { Phase } from './api/measure';
import { merge } from './api/measure';
import { apiPhase, rawPhase, reservePhase } from './api/phases';
import type { ApiRun } from './api/report';
import { resultLines, runProblems, writeApiSection } from './api/report';
import { ServerTimings } from './api/server-timings';
import { startBenchStack } from './bench-stack';
import { serveApp } from './serve-app';
import { integer } from './options';

const opts = new Command()
  .option('--requests <n>', 'measured case openings per path', integer('--requests', 1), 2000)
  .option('--concurrency <n>', 'openings in flight (raw starts, or HTTP connections)', integer('--concurrency', 1), 32)
  .option('--warmup <n>', 'uncounted openings per path before measuring', integer('--warmup', 0), 1000)
  .option('--no-write', 'do not update docs/BENCHMARKS.md')
  .parse()
  .opts<{ requests: number; concurrency: number; warmup: number; write: boolean }>();

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** The real app, its `workflow.start` timed; a token for this run's operator. */
async function startApi(client: Client, db: Db, taskQueue: string, timings: ServerTimings, operator: string) {
  const api = await serveApp({ client: timings.instrument(client), db, taskQueue }, (app) => [timings.stamp, app]);
  return { http: api.http, url: api.url, token: await api.sign({ sub: operator, role: 'operator', regions: ['64'] }) };
}

/** Every 201 must be a new case: the run's idempotency rows, and the workflows on its task queue once visible. */
async function countEffects(client: Client, db: Db, taskQueue: string, operator: string, expectedWorkflows: number) {
  const [rows] = await db.select({ n: sql<number>`count(*)::int` }).from(idempotencyKeys).where(eq(idempotencyKeys.scope, `cases:${operator}`));
  let workflows = 0;
  for (let attempt = 0; attempt < 30; attempt++) {
    ({ count: workflows } = await client.workflow.count(`TaskQueue = '${taskQueue}'`));
    if (workflows >= expectedWorkflows) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return { rows, workflows };
}

async function main(): Promise<void> {
  const stack = await startBenchStack();
  const { client, database } = stack;
  // No worker polls this queue: both paths measure the start alone, not the cases' first steps.
  const taskQueue = `bench-api-${randomUUID()}`;
  // A staff id of its own per run, so the idempotency rows of this run can be counted on a shared database.
  const operator = `bench-op-${randomUUID().slice(0, 8)}`;
  const timings = new ServerTimings();
  const { http, url, token } = await startApi(client, database.db, taskQueue, timings, operator);
  const openedBy = { id: operator, role: 'operator' } as const;
  const { requests: n, concurrency: c, warmup } = opts;

  let warmupOk = { raw: 0, api: 0 };
  if (warmup > 0) {
    log(`warm-up: ${warmup} each, uncounted`);
    const raw = await rawPhase(client, taskQueue, openedBy, warmup, c);
    const api = await apiPhase(url, token, warmup, c);
    warmupOk = { raw: raw.latencies.length, api: api.latencies.length };
  }
  // Alternate the order in two halves (API, raw, raw, API) so neither path always runs on the warmer, or
  // fuller, server.
  const half = Math.max(1, Math.floor(n / 2));
  const rest = n - half;
  log(`measuring: ${n} each, ${c} in flight, database ${database.kind}`);
  const timedApi = async (count: number) => {
    timings.recording = true;
    const phase = await apiPhase(url, token, count, c);
    timings.recording = false;
    return phase;
  };
  const a1 = await timedApi(half);
  const r1 = await rawPhase(client, taskQueue, openedBy, half, c);
  const r2 = rest > 0 ? await rawPhase(client, taskQueue, openedBy, rest, c) : undefined;
  const a2 = rest > 0 ? await timedApi(rest) : undefined;
  for (const [name, x, y] of [['raw', r1, r2], ['api', a1, a2]] as const) {
    if (y) log(`${name} halves: ${(x.latencies.length / x.seconds).toFixed(0)} /s, ${(y.latencies.length / y.seconds).toFixed(0)} /s`);
  }
  const both = (x: Phase, y: Phase | undefined) => (y ? merge(x, y) : x);
  const api = both(a1, a2);
  const raw = both(r1, r2);

  // Not a path of its own: how long the API's database write takes by itself, at the same concurrency.
  const reserved = await reservePhase(database.db, `bench-reserve:${operator}`, Math.min(n, 1000), c);
  const expectedWorkflows = warmupOk.raw + warmupOk.api + raw.latencies.length + api.latencies.length;
  const { rows, workflows } = await countEffects(client, database.db, taskQueue, operator, expectedWorkflows);
  const run: ApiRun = { raw, api, reserved, timings, rows, apiOk: warmupOk.api + api.latencies.length, workflows, expectedWorkflows, options: opts, databaseKind: database.kind };

  const result = resultLines(run);
  process.stdout.write(`${result.join('\n')}\n`);
  const problems = runProblems(run);
  if (opts.write && problems.length === 0) writeApiSection(run, result);
  await close(http);
  await stack.stop();
  if (problems.length) throw new Error(`the run is not valid (nothing written): ${problems.join('; ')}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
