// Measuring one phase of the API benchmark: wall time, latencies and failures, this process's CPU and
// event-loop use, the dev server's CPU and the whole machine's, from /proc where it can be read.
import type { EventLoopUtilization } from 'node:perf_hooks';
import { performance } from 'node:perf_hooks';
import { devServerCpuMs, machineCpuMs } from '../cpu';

export interface Measured {
  seconds: number;
  /** Latency of each successful opening, ms, sorted. */
  latencies: number[];
  /** Failures by kind ("HTTP 409", "ServiceError: …", "connection error"). */
  failures: Map<string, number>;
  /** CPU of this process (API, client, load generator) and of the dev server, ms. */
  cpuMs: number;
  serverCpuMs: number | null;
  /** CPU of the whole machine (every core, every process), ms; null where /proc/stat cannot be read. */
  machineCpuMs: number | null;
  elu: EventLoopUtilization;
}

export interface Phase extends Measured {
  name: string;
}

/** after − before, or null where either reading is missing. */
export const delta = (before: number | null, after: number | null) => (before === null || after === null ? null : after - before);
/** x + y, or null where either reading is missing. */
export const sum = (x: number | null, y: number | null) => (x === null || y === null ? null : x + y);

/** Runs `body` and measures its wall time, this process's CPU and event-loop use, and the dev server's CPU. */
export async function measure(body: () => Promise<Pick<Measured, 'latencies' | 'failures'> & { endedAt?: number }>): Promise<Measured> {
  const cpu = process.cpuUsage();
  const server = devServerCpuMs();
  const all = machineCpuMs();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const { latencies, failures, endedAt } = await body();
  const seconds = ((endedAt ?? performance.now()) - started) / 1000;
  const used = process.cpuUsage(cpu);
  const serverAfter = devServerCpuMs();
  const allAfter = machineCpuMs();
  return {
    seconds,
    latencies: latencies.sort((a, b) => a - b),
    failures,
    cpuMs: (used.user + used.system) / 1000,
    serverCpuMs: delta(server, serverAfter),
    machineCpuMs: delta(all, allAfter),
    elu: performance.eventLoopUtilization(elu),
  };
}

export const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/**
 * Runs `n` calls of `one`, `concurrency` at a time, and records each success's latency and each
 * failure by its kind.
 */
export async function inFlight(n: number, concurrency: number, one: () => Promise<unknown>): Promise<Pick<Measured, 'latencies' | 'failures'>> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        next += 1;
        const t = performance.now();
        try {
          await one();
          latencies.push(performance.now() - t);
        } catch (err) {
          count(failures, `${err instanceof Error ? err.name : 'error'}: ${String((err as Error).message ?? err).slice(0, 120)}`);
        }
      }
    }),
  );
  return { latencies, failures };
}

export function merge(x: Phase, y: Phase): Phase {
  const failures = new Map(x.failures);
  for (const [k, v] of y.failures) failures.set(k, (failures.get(k) ?? 0) + v);
  return {
    name: x.name,
    seconds: x.seconds + y.seconds,
    latencies: [...x.latencies, ...y.latencies].sort((p, q) => p - q),
    failures,
    cpuMs: x.cpuMs + y.cpuMs,
    serverCpuMs: sum(x.serverCpuMs, y.serverCpuMs),
    machineCpuMs: sum(x.machineCpuMs, y.machineCpuMs),
    elu: {
      idle: x.elu.idle + y.elu.idle,
      active: x.elu.active + y.elu.active,
      utilization: (x.elu.active + y.elu.active) / (x.elu.idle + y.elu.idle + x.elu.active + y.elu.active),
    },
  };
}
