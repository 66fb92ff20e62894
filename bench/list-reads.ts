// Benchmark (not a test): the read side at scale. GET /v1/cases and /v1/escalations with the filters
// staff use, on the generated read model (npm run bench:generate-read-model), each against the very SELECT
// the route sent, run raw through pg in the same run; p50/p99 of both, their ratio, and each query's plan.
//   npm run bench:list -- --requests 1000 --concurrency 8
import type { Agent } from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Command } from 'commander';
import { Pool } from 'pg';
import { openDatabase } from '../db/client';
import type { Db } from '../db/client';
import { merge } from './api/measure';
import { QueryCapture } from './list/capture';
import { explain } from './list/explain';
import type { CallerName, ListFilter } from './list/filters';
import { CALLER_NAMES, callers, findScene, listFilters } from './list/filters';
import { agentFor, apiPhase, get, rawPhase } from './list/phases';
import type { FilterResult, ListRun, ModeResult } from './list/report';
import { resultLines, runProblems, writeListSection } from './list/report';
import { generated } from './read-model/meta';
import { readModelUrl } from './read-model/target';
import { shownUrl } from './report';
import { serveApp } from './serve-app';
import { integer } from './options';

const opts = new Command()
  .option('--requests <n>', 'measured requests (and raw queries) per filter and concurrency', integer('--requests', 2), 1000)
  .option('--concurrency <n>', 'requests in flight in the concurrent round (the first is sequential)', integer('--concurrency', 2), 8)
  .option('--warmup <n>', 'uncounted requests of each path per filter', integer('--warmup', 0), 50)
  .option('--url <url>', 'PostgreSQL URL of the generated read model (default: BENCH_READ_DATABASE_URL, else sigap_bench_read on 127.0.0.1)')
  .option('--no-write', 'do not update docs/BENCHMARKS.md')
  .parse()
  .opts<{ requests: number; concurrency: number; warmup: number; url?: string; write: boolean }>();

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** The real app. Lists never call Temporal: its client is lazy and never connects. */
async function startApi(db: Db, capture: QueryCapture) {
  const client = new TemporalClient({ connection: Connection.lazy({ address: '127.0.0.1:7233' }) });
  const api = await serveApp({ client, db, taskQueue: 'bench-list' }, (app) => [capture.stamp, app]);
  return { http: api.http, base: api.url, sign: api.sign };
}

interface Bench {
  base: string;
  tokens: Record<CallerName, string>;
  capture: QueryCapture;
  raw: Pool;
  /** For the single requests around the measured ones (page one's cursor, the captured statement). */
  agent: Agent;
}

/** Page one's cursor, for a filter that reads page two. */
async function pathOf(b: Bench, f: ListFilter): Promise<string> {
  if (!f.page2) return f.path;
  const first = JSON.parse(await get(b.agent, `${b.base}${f.path}`, b.tokens[f.caller])) as { nextCursor: string | null };
  if (!first.nextCursor) throw new Error(`${f.name}: page one has no next page`);
  return `${f.path}&cursor=${encodeURIComponent(first.nextCursor)}`;
}

async function mode(b: Bench, url: string, token: string, query: FilterResult['query'], c: number): Promise<ModeResult> {
  const half = Math.floor(opts.requests / 2);
  const recording = { start: () => (b.capture.recording = true), stop: () => (b.capture.recording = false) };
  const timedApi = (n: number) => apiPhase(url, token, n, c, recording);
  // API, raw, raw, API: neither path always runs on the warmer cache or the busier minute.
  const a1 = await timedApi(half);
  const r1 = await rawPhase(b.raw, query, half, c);
  const r2 = await rawPhase(b.raw, query, opts.requests - half, c);
  const a2 = await timedApi(opts.requests - half);
  return { concurrency: c, api: merge(a1, a2), raw: merge(r1, r2), ...b.capture.take() };
}

async function runFilter(b: Bench, f: ListFilter): Promise<Omit<FilterResult, 'plan'>> {
  const url = `${b.base}${await pathOf(b, f)}`;
  const token = b.tokens[f.caller];
  let body = '';
  const query = await b.capture.next(async () => (body = await get(b.agent, url, token)));
  const items = (JSON.parse(body) as { items: unknown[] }).items.length;
  if (opts.warmup > 0) {
    await apiPhase(url, token, opts.warmup, opts.concurrency);
    await rawPhase(b.raw, query, opts.warmup, opts.concurrency);
  }
  b.capture.take();
  const modes: ModeResult[] = [];
  for (const c of [1, opts.concurrency]) modes.push(await mode(b, url, token, query, c));
  return { filter: f, query, items, modes };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  const url = readModelUrl(opts.url);
  const database = openDatabase({ url });
  // A migration added since the rows were generated (an index) is built here, before anything is timed.
  await database.migrate();
  const raw = new Pool({ connectionString: url, max: 10 });
  const meta = await generated(raw);
  if (!meta) throw new Error(`no generated read model at ${shownUrl(url)}: run npm run bench:generate-read-model first`);
  const scene = await findScene(raw);
  log(`${meta.rows} cases at ${shownUrl(url)}; region ${scene.region} (${scene.regionCases} cases), worker ${scene.worker} (${scene.workerOpen} open)`);
  const capture = new QueryCapture(database.db);
  const api = await startApi(database.db, capture);
  const claims = callers(scene);
  const signed = await Promise.all(CALLER_NAMES.map(async (c) => [c, await api.sign(claims[c])] as const));
  const tokens = Object.fromEntries(signed) as Record<CallerName, string>;
  const agent = agentFor(1);
  const b: Bench = { base: api.base, tokens, capture, raw, agent };

  const results: FilterResult[] = [];
  for (const f of listFilters(scene)) {
    log(`${f.name}: ${opts.requests} each, sequential then ${opts.concurrency} in flight`);
    const measured = await runFilter(b, f);
    results.push({ ...measured, plan: await explain(raw, measured.query) });
  }
  const env = process.env.BENCH_READ_DATABASE_URL && !opts.url ? `BENCH_READ_DATABASE_URL=${shownUrl(url)} ` : '';
  const command = `${env}npm run bench:list -- --requests ${opts.requests} --concurrency ${opts.concurrency} --warmup ${opts.warmup}${opts.url ? ` --url ${shownUrl(url)}` : ''}`;
  const run: ListRun = { scene, generated: meta, results, options: opts, command, seconds: (performance.now() - started) / 1000, load: { start: loadAtStart, end: os.loadavg()[0]! } };
  const result = resultLines(run);
  process.stdout.write(`${result.join('\n')}\n\n${results.map((r) => `${r.filter.name}: ${r.plan.scans.join(' + ')}${r.plan.sorts ? ' + sort' : ''}`).join('\n')}\n`);
  const problems = runProblems(run);
  if (opts.write && problems.length === 0) writeListSection(run, result);
  agent.destroy();
  await new Promise((r) => api.http.close(r));
  await raw.end();
  await database.close();
  if (problems.length) throw new Error(`the run is not valid (nothing written): ${problems.join('; ')}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
