// The two phases run for each system on one task queue. "all cached": a fresh worker whose cache holds
// every case; N cases are opened and left waiting on their timers; its memory before and after. "bounded":
// a fresh worker with a smaller cache reads every case once (each read replays the case into the cache,
// evicting the least recently used); its memory after, then reads of cases still cached and of evicted ones.
import { performance } from 'node:perf_hooks';
import { inFlight } from '../api/measure';
import type { WorkerEnv } from './child';
import { MeasuredWorker } from './child';
import type { MemoryReading } from './probe';
import type { System } from './systems';

export interface PhaseResult {
  system: string;
  phase: 'all cached' | 'bounded';
  cacheLimit: number;
  cases: number;
  before: MemoryReading;
  after: MemoryReading;
  /** The SDK's sticky cache gauge after the phase; null where the metrics could not be read. */
  cached: number | null;
  /** Opening (all cached) or reading every case once (bounded), s; and until the worker was idle again. */
  loadSeconds: number;
  settleSeconds: number;
  workerCpuMs: number;
  /** Sequential reads, ms sorted: of cached cases; of evicted ones (bounded only); every case's first read, a few in flight (bounded). */
  readCached: number[];
  readEvicted: number[];
  firstReads: number[];
  /** Bounded: RSS (after collection) each time another cache-full of cases had been read. */
  checkpoints: { read: number; rss: number }[];
}

export interface PhaseContext {
  env: Omit<WorkerEnv, 'cachedCases' | 'bundlePath'>;
  bundlePath: string;
  client: Parameters<MeasuredWorker['ready']>[0];
  log(m: string): void;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function sequentialReads(system: System, caseIds: string[]): Promise<number[]> {
  const latencies: number[] = [];
  for (const caseId of caseIds) {
    const t = performance.now();
    await system.read(caseId);
    latencies.push(performance.now() - t);
  }
  return sorted(latencies);
}

async function startWorker(system: System, ctx: PhaseContext, cachedCases: number): Promise<MeasuredWorker> {
  const worker = await MeasuredWorker.start(system.script, { ...ctx.env, bundlePath: ctx.bundlePath, cachedCases });
  await worker.ready(ctx.client, ctx.env.taskQueue);
  await worker.quiet(2, 30_000);
  return worker;
}

function failOn(what: string, failures: Map<string, number>): void {
  if (failures.size) throw new Error(`${what} failed: ${[...failures].map(([k, v]) => `${v} × ${k}`).join('; ')}`);
}

/** Waits until every case has written its first records (where the system writes any) and the worker is idle. */
async function settle(system: System, worker: MeasuredWorker, caseIds: string[], ctx: PhaseContext): Promise<void> {
  for (let lastLog = Date.now(); ; ) {
    const written = await system.settled(caseIds);
    if (written === null || written >= caseIds.length) break;
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      ctx.log(`${system.name}: ${written} of ${caseIds.length} cases recorded`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (!(await worker.quiet(3))) throw new Error(`${system.name}: the worker was still busy two minutes after the cases settled`);
}

export async function allCached(system: System, ctx: PhaseContext, caseIds: string[], startConcurrency: number, samples: number): Promise<PhaseResult> {
  const cacheLimit = caseIds.length + 100;
  const worker = await startWorker(system, ctx, cacheLimit);
  try {
    const before = await worker.memory();
    const cpu = worker.cpuMs();
    const t0 = performance.now();
    let next = 0;
    const opened = await inFlight(caseIds.length, startConcurrency, () => system.start(ctx.env.taskQueue, caseIds[next++]!));
    failOn(`${system.name}: opening`, opened.failures);
    const loadSeconds = (performance.now() - t0) / 1000;
    ctx.log(`${system.name}: ${caseIds.length} cases opened in ${loadSeconds.toFixed(1)} s; waiting until they are idle`);
    await settle(system, worker, caseIds, ctx);
    const settleSeconds = (performance.now() - t0) / 1000 - loadSeconds;
    const workerCpuMs = worker.cpuMs() - cpu;
    const after = await worker.memory();
    const cached = await worker.cachedWorkflows();
    const sample = caseIds.filter((_, i) => i % Math.max(1, Math.floor(caseIds.length / samples)) === 0).slice(0, samples);
    const readCached = await sequentialReads(system, sample);
    return { system: system.name, phase: 'all cached', cacheLimit, cases: caseIds.length, before, after, cached, loadSeconds, settleSeconds, workerCpuMs, readCached, readEvicted: [], firstReads: [], checkpoints: [] };
  } finally {
    await worker.stop();
  }
}

export async function bounded(system: System, ctx: PhaseContext, caseIds: string[], cacheLimit: number, samples: number, readConcurrency: number): Promise<PhaseResult> {
  const worker = await startWorker(system, ctx, cacheLimit);
  try {
    const before = await worker.memory();
    const cpu = worker.cpuMs();
    const t0 = performance.now();
    // Read in order, a few at a time: the cache keeps the last read, give or take the readers in flight.
    // A reading after each cache-full shows whether memory levels off once the cache is full.
    const latencies: number[] = [];
    const checkpoints: PhaseResult['checkpoints'] = [];
    for (let from = 0; from < caseIds.length; from += cacheLimit) {
      const chunk = caseIds.slice(from, from + cacheLimit);
      let next = 0;
      const reads = await inFlight(chunk.length, readConcurrency, () => system.read(chunk[next++]!));
      failOn(`${system.name}: reading every case`, reads.failures);
      latencies.push(...reads.latencies);
      checkpoints.push({ read: from + chunk.length, rss: (await worker.memory()).rss });
    }
    const firstReads = sorted(latencies);
    const loadSeconds = (performance.now() - t0) / 1000;
    ctx.log(`${system.name}: every case read once through a cache of ${cacheLimit} in ${loadSeconds.toFixed(1)} s`);
    await worker.quiet(3);
    const settleSeconds = (performance.now() - t0) / 1000 - loadSeconds;
    const workerCpuMs = worker.cpuMs() - cpu;
    const after = await worker.memory();
    const cached = await worker.cachedWorkflows();
    // The last read are cached; read them before the first read (evicted ones), whose replays evict others.
    // A margin of readers in flight on each side keeps both samples clear of the boundary.
    const margin = 4 * readConcurrency;
    const readCached = await sequentialReads(system, caseIds.slice(-Math.max(1, Math.min(samples, cacheLimit - margin))));
    const readEvicted = await sequentialReads(system, caseIds.slice(0, Math.max(0, Math.min(samples, caseIds.length - cacheLimit - margin))));
    return { system: system.name, phase: 'bounded', cacheLimit, cases: caseIds.length, before, after, cached, loadSeconds, settleSeconds, workerCpuMs, readCached, readEvicted, firstReads, checkpoints };
  } finally {
    await worker.stop();
  }
}
