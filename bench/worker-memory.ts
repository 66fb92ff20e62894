// Benchmark (not a test): a worker's memory with N open cases idle on their timers, per cached case, for
// the raw floor (a workflow that sleeps) and for Sigap in the same run; then with a cache smaller than the
// cases (memory bounded) and the latency of reading a cached and an evicted case.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sigap_bench npm run bench:worker-memory -- --cases 5000 --cache 1000
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { Pool } from 'pg';
import { startBenchStack } from './bench-stack';
import { shownUrl } from './report';
import type { PhaseContext, PhaseResult } from './worker-memory/phase';
import { allCached, bounded } from './worker-memory/phase';
import type { MemoryRun } from './worker-memory/report';
import { resultLines, writeMemorySection } from './worker-memory/report';
import type { System } from './worker-memory/systems';
import { bundle, rawSystem, runKey, sigapSystem } from './worker-memory/systems';
import { integer } from './options';

const opts = new Command()
  .option('--cases <n>', 'open cases per system', integer('--cases', 2), 5000)
  .option('--cache <n>', 'the smaller cache of the bounded phase', integer('--cache', 1), 1000)
  .option('--start-concurrency <n>', 'case starts in flight', integer('--start-concurrency', 1), 64)
  .option('--read-concurrency <n>', 'reads in flight while every case is read once (bounded phase)', integer('--read-concurrency', 1), 8)
  .option('--samples <n>', 'sequential reads per latency class', integer('--samples', 1), 200)
  .option('--systems <names>', 'comma-separated: raw, sigap', 'raw,sigap')
  .option('--no-write', 'do not update docs/BENCHMARKS.md')
  .parse()
  .opts<{ cases: number; cache: number; startConcurrency: number; readConcurrency: number; samples: number; systems: string; write: boolean }>();

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

async function measureSystem(system: System, ctx: Omit<PhaseContext, 'bundlePath' | 'env'> & { env: Omit<PhaseContext['env'], 'taskQueue'> }): Promise<PhaseResult[]> {
  const bundlePath = await bundle(system);
  try {
    const phaseCtx: PhaseContext = { ...ctx, bundlePath, env: { ...ctx.env, taskQueue: `bench-memory-${randomUUID()}` } };
    const caseIds = Array.from({ length: opts.cases }, () => randomUUID());
    log(`${system.name}: ${opts.cases} cases, all cached`);
    const a = await allCached(system, phaseCtx, caseIds, opts.startConcurrency, opts.samples);
    log(`${system.name}: RSS ${(a.before.rss / 2 ** 20).toFixed(0)} → ${(a.after.rss / 2 ** 20).toFixed(0)} MiB, ${a.cached} cached; now a cache of ${opts.cache}`);
    const b = opts.cache < opts.cases ? await bounded(system, phaseCtx, caseIds, opts.cache, opts.samples, opts.readConcurrency) : undefined;
    if (b) log(`${system.name}: RSS ${(b.before.rss / 2 ** 20).toFixed(0)} → ${(b.after.rss / 2 ** 20).toFixed(0)} MiB, ${b.cached} cached`);
    return b ? [a, b] : [a];
  } finally {
    fs.rmSync(bundlePath, { force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const databaseUrl = process.env.DATABASE_URL;
  // The worker is a process of its own: it must reach the same read model, which an in-memory PGlite is not.
  if (!databaseUrl) throw new Error('DATABASE_URL (PostgreSQL) is required: the measured workers are separate processes');
  const stack = await startBenchStack();
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const payloadKeys = runKey();
  const wanted = opts.systems.split(',').map((s) => s.trim());
  const systems = [
    ...(wanted.includes('raw') ? [rawSystem(stack.connection)] : []),
    ...(wanted.includes('sigap') ? [sigapSystem(stack.connection, payloadKeys, pool)] : []),
  ];
  const results: PhaseResult[] = [];
  try {
    // Raw first, as in the escalation benchmark; each system on a task queue and workers of its own.
    for (const system of systems) {
      results.push(...(await measureSystem(system, { client: stack.client, log, env: { address: stack.address, databaseUrl, payloadKeys } })));
    }
  } finally {
    await pool.end();
    await stack.stop();
  }
  const o = opts;
  const command = `DATABASE_URL=${shownUrl(databaseUrl)} npm run bench:worker-memory -- --cases ${o.cases} --cache ${o.cache} --start-concurrency ${o.startConcurrency} --read-concurrency ${o.readConcurrency} --samples ${o.samples}${o.systems === 'raw,sigap' ? '' : ` --systems ${o.systems}`}`;
  const run: MemoryRun = { results, options: opts, command, seconds: (performance.now() - started) / 1000 };
  const result = resultLines(run);
  process.stdout.write(`${result.join('\n')}\n`);
  if (opts.write) writeMemorySection(run, result);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
