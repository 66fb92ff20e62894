// The worker-memory benchmark's result: memory before and after per system and phase, MiB per cached case
// and its ratio to the floor, reads of cached and evicted cases, and the section in docs/BENCHMARKS.md.
import { machine, percentile, writeSection } from '../report';
import type { PhaseResult } from './phase';

export interface MemoryRun {
  results: PhaseResult[];
  options: { cases: number; cache: number; startConcurrency: number; readConcurrency: number; samples: number };
  command: string;
  seconds: number;
}

const MiB = 2 ** 20;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const ms = (xs: number[]) => (xs.length ? `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 99).toFixed(1)} ms` : '—');
/** What the phase leaves per case it holds: the SDK's gauge where it answered, else the cases the cache can hold. */
const held = (r: PhaseResult) => r.cached ?? Math.min(r.cases, r.cacheLimit);
export const rssPerCase = (r: PhaseResult) => (r.after.rss - r.before.rss) / held(r) / MiB;
export const heapPerCase = (r: PhaseResult) => (r.after.heapUsed - r.before.heapUsed) / held(r) / MiB;

function memoryRow(r: PhaseResult): string {
  return `| ${r.system} | ${r.phase} | ${r.cacheLimit} | ${r.cached ?? 'n/a'} of ${r.cases} | ${mib(r.before.rss)} → **${mib(r.after.rss)}** | ${mib(r.before.heapUsed)} → ${mib(r.after.heapUsed)} | ${mib(r.before.external + r.before.arrayBuffers)} → ${mib(r.after.external + r.after.arrayBuffers)} | **${rssPerCase(r).toFixed(3)} MiB** | ${heapPerCase(r).toFixed(3)} MiB | ${r.loadSeconds.toFixed(1)} + ${r.settleSeconds.toFixed(1)} s | ${(r.workerCpuMs / r.cases).toFixed(1)} ms |`;
}

function readRow(system: string, a: PhaseResult | undefined, b: PhaseResult | undefined, c: number): string {
  return `| ${system} | ${ms(a?.readCached ?? [])} | ${ms(b?.readCached ?? [])} | **${ms(b?.readEvicted ?? [])}** | ${ms(b?.firstReads ?? [])} (${c} in flight) |`;
}

export function resultLines(run: MemoryRun): string[] {
  const find = (system: string, phase: PhaseResult['phase']) => run.results.find((r) => r.system === system && r.phase === phase);
  const systems = [...new Set(run.results.map((r) => r.system))];
  const sigap = find('Sigap', 'all cached');
  const raw = find('raw floor', 'all cached');
  const bounded = find('Sigap', 'bounded');
  return [
    '| system | phase | cache limit | cached (SDK gauge) of cases | RSS before → after | main-thread V8 heap used before → after | external + array buffers | RSS per cached case | main heap per cached case | opening (or reading) + until idle | worker CPU per case |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...run.results.map(memoryRow),
    '',
    `| system | read of a cached case, all cached: p50 / p99 | cached, bounded cache: p50 / p99 | evicted (replayed), bounded cache: p50 / p99 | every case's first read on the fresh worker: p50 / p99 |`,
    '|---|---|---|---|---|',
    ...systems.map((s) => readRow(s, find(s, 'all cached'), find(s, 'bounded'), run.options.readConcurrency)),
    '',
    ...(sigap && raw ? [`Sigap / raw floor, RSS per cached case: **${(rssPerCase(sigap) / rssPerCase(raw)).toFixed(1)}×** (${rssPerCase(sigap).toFixed(3)} against ${rssPerCase(raw).toFixed(3)} MiB); heap per cached case ${(heapPerCase(sigap) / heapPerCase(raw)).toFixed(1)}×.`] : []),
    ...(sigap && bounded ? [`Sigap's RSS with ${bounded.cacheLimit} cached of ${bounded.cases}: ${mib(bounded.after.rss)}, against ${mib(sigap.after.rss)} with all ${sigap.cases} cached.`] : []),
    '',
    ...run.results
      .filter((r) => r.checkpoints.length)
      .map((r) => `- ${r.system}, RSS while every case is read once through a cache of ${r.cacheLimit}: ${r.checkpoints.map((c) => `${c.read} read: ${mib(c.rss)}`).join(', ')}`),
  ];
}

export function writeMemorySection(run: MemoryRun, result: string[]): void {
  const o = run.options;
  writeSection(
    'worker-memory',
    [
      `## Worker memory: ${o.cases.toLocaleString('en')} open idle cases, raw Temporal floor beside Sigap`,
      '',
      `Command: \`${run.command}\` · ${new Date().toISOString().slice(0, 10)} · ${machine()} · ${run.seconds.toFixed(0)} s`,
      '',
      `A Temporal dev server started by the benchmark (in-memory SQLite); the read model on PostgreSQL (DATABASE_URL). Each worker is a process of its own, measured from outside: Sigap's is the production entry point (\`temporal/worker-main.ts\`) configured only by its environment (\`SIGAP_WORKER_CACHED_CASES\`, a pre-built \`SIGAP_WORKFLOW_BUNDLE\`, \`SIGAP_PAYLOAD_KEYS\`, default task slots), the floor's a worker with the floor's workflow and the same settings (bench/worker-memory/raw-worker.ts). Both run under \`node --expose-gc --import tsx\`; on the benchmark's message a worker runs two full collections and reports \`process.memoryUsage()\`. Every figure is after collection. The SDK runs workflows in worker threads of their own (V8 isolates the main thread's \`heapUsed\` does not see, nor its collections reach), so a cached case's state shows in RSS, the figure to size a worker by.`,
      '',
      `- **all cached**: a fresh worker with a cache of cases + 100; ${o.cases} cases opened (${o.startConcurrency} starts in flight) and left idle — Sigap's as the API opens them (\`caseInputFrom\` + \`startCaseWorkflow\`: a high-risk ODGJ intake, encrypted, every deadline timer running), the floor's a workflow that sleeps for a week. Idle: every Sigap case has written its read-model row, and the worker has used under 5 % of a core for 3 s. Memory before (polling, nothing cached) and after; per cached case = (after − before) ÷ cached workflows (the SDK's \`temporal_sticky_cache_size\`). Then ${o.samples} reads of cached cases, one at a time.`,
      `- **bounded**: that worker stopped (SIGTERM), a fresh one with a cache of ${o.cache} on the same task queue reads every case once in order (${o.readConcurrency} in flight; each read replays the case's history into the cache and evicts the least recently used); memory before and after. Then ${o.samples} reads of the last cases read (still cached) and of the first (evicted: replayed again), one at a time.`,
      "- **read**: Sigap's is the API's Query of the live case (`getCaseQuery`, what `GET /v1/cases/:id` asks beside the read model), through the encrypting client; the floor's is the SDK's built-in `__temporal_workflow_metadata` query.",
      '',
      ...result,
    ].join('\n'),
  );
}
