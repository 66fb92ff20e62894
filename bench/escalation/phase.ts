// One phase of the escalation benchmark, run the same way for the raw floor and for Sigap: N workflows
// whose deadline falls due at one moment, a worker in this process, then waiting until every expected row
// is written (or a real-time limit passes) and reading what was written, how late, and at what CPU cost.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import type { Worker } from '@temporalio/worker';
import { devServerCpuMs, machineCpuMs } from '../cpu';

export interface Counts {
  /** Cases with their deadline.missed timeline row. */
  fired: number;
  /** Expected outbox rows written (at most one per case and audience). */
  notified: number;
}

export interface Outcome extends Counts {
  duplicateTimeline: number;
  duplicateOutbox: number;
  /** Workflow time of the timeline row − its scheduled due time, ms, sorted. */
  timerLateness: number[];
  /** Database time the outbox row was written − the due time, ms, sorted. */
  outboxLateness: number[];
  /** Latest − earliest scheduled due time among the fired deadlines: 0 when all were due at one moment. */
  dueSpreadMs: number;
  /** Database time of the last expected row written, ms since the epoch. */
  lastWriteAt: number | null;
}

/** What the runner needs of a system under test. */
export interface System {
  name: string;
  /** Outbox rows one fired deadline must write. */
  notificationsPerCase: number;
  client: Client;
  workflowId(caseId: string): string;
  createWorker(taskQueue: string): Promise<Worker>;
  /** Starts one case received at `receivedAt` whose deadline falls due at `dueAt` (ms since the epoch). */
  start(caseId: string, taskQueue: string, receivedAt: number, dueAt: number): Promise<unknown>;
  counts(caseIds: string[]): Promise<Counts>;
  outcome(caseIds: string[], dueAt: number): Promise<Outcome>;
  /** How far the system had got with the work before the due moment, where it can tell. */
  atDue?(caseIds: string[]): Promise<string>;
}

export interface Cpu {
  /** This process: the worker (workflows and activities), the client, the polling. */
  processMs: number;
  /** The Temporal dev server started by the benchmark; null when not ours or /proc is unreadable. */
  serverMs: number | null;
  /** Every core of the machine: the two above, PostgreSQL, the kernel, anything else running. */
  machineMs: number | null;
}

export interface PhaseResult {
  name: string;
  n: number;
  startSeconds: number;
  lateStarts: number;
  drained: boolean;
  outcome: Outcome;
  /** Last expected row written − the due moment. */
  drainMs: number | null;
  /** When the worker and the dev server fell idle after the rows were written, after the due moment. */
  quietMs: number;
  /** From the due moment until every row was written (or the limit) and the worker and server fell idle. */
  afterDue: Cpu;
  /** From the due moment until every row was seen, without the work after the rows. */
  toRows: Cpu;
  /** From the first start until the same end as afterDue. */
  whole: Cpu;
  atDue: string | null;
  /** One case's history: all its events, and those at or after the due moment (the fired deadline's). */
  history: { events: number; afterDue: number } | null;
  /**
   * Workflow tasks that timed out after the due moment, in a sample of the cases: a task that waits on the
   * worker's sticky queue past its schedule-to-start timeout goes back to the shared queue, and the worker
   * then gets the whole history again instead of the new events.
   */
  taskTimeouts: { sampled: number; timedOut: number } | null;
}

export interface PhaseOptions {
  n: number;
  leadMs: number;
  concurrency: number;
  maxDrainMs: number;
  log(m: string): void;
}

function cpuNow(): Cpu {
  const u = process.cpuUsage();
  return { processMs: (u.user + u.system) / 1000, serverMs: devServerCpuMs(), machineMs: machineCpuMs() };
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
const cpuSince = (before: Cpu, after: Cpu): Cpu => ({
  processMs: after.processMs - before.processMs,
  serverMs: minus(after.serverMs, before.serverMs),
  machineMs: minus(after.machineMs, before.machineMs),
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function startAll(system: System, taskQueue: string, caseIds: string[], receivedAt: number, dueAt: number, concurrency: number) {
  let next = 0;
  let lateStarts = 0;
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, caseIds.length) }, async () => {
      while (next < caseIds.length) {
        const caseId = caseIds[next++]!;
        if (Date.now() >= dueAt) lateStarts += 1;
        await system.start(caseId, taskQueue, receivedAt, dueAt);
      }
    }),
  );
  return { lateStarts, startSeconds: (Date.now() - startedAt) / 1000 };
}

/**
 * The histories of a sample of the cases (every n-th, at most 100, the first among them): the first case's
 * size, and the workflow tasks that timed out after the due moment across the sample.
 */
async function sampleHistories(system: System, caseIds: string[], dueAt: number): Promise<Pick<PhaseResult, 'history' | 'taskTimeouts'>> {
  const step = Math.max(1, Math.floor(caseIds.length / 100));
  const sample = caseIds.filter((_, i) => i % step === 0).slice(0, 100);
  try {
    let history: PhaseResult['history'] = null;
    let timedOut = 0;
    for (const caseId of sample) {
      const all = (await system.client.workflow.getHandle(system.workflowId(caseId)).fetchHistory()).events ?? [];
      const afterDue = all.filter((e) => tsToMs(e.eventTime) >= dueAt);
      history ??= { events: all.length, afterDue: afterDue.length };
      timedOut += afterDue.filter((e) => e.workflowTaskTimedOutEventAttributes).length;
    }
    return { history, taskTimeouts: { sampled: sample.length, timedOut } };
  } catch {
    return { history: null, taskTimeouts: null };
  }
}

/** Polls once a second from the due moment until every expected row is there, or the limit passes. */
async function waitForDrain(system: System, caseIds: string[], dueAt: number, opts: PhaseOptions): Promise<boolean> {
  const expected = caseIds.length * system.notificationsPerCase;
  let lastLog = 0;
  while (Date.now() < dueAt + opts.maxDrainMs) {
    const c = await system.counts(caseIds);
    if (c.fired >= caseIds.length && c.notified >= expected) return true;
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      opts.log(`${system.name}: ${c.fired} of ${caseIds.length} fired, ${c.notified} of ${expected} outbox rows, ${((Date.now() - dueAt) / 1000).toFixed(0)} s after the due moment`);
    }
    await pause(1000);
  }
  return false;
}

/**
 * Waits until the worker and the dev server are idle (under 5 % of a core for two seconds running), or a
 * minute has passed (then: when it gave up): the work a fired deadline causes does not end with its rows (the workflow task that
 * takes the activity's result, a completion or the next timer), and its CPU counts too.
 */
async function waitForQuiet(): Promise<number> {
  const busy = () => {
    const c = cpuNow();
    return c.processMs + (c.serverMs ?? 0);
  };
  const until = Date.now() + 60_000;
  let quietSeconds = 0;
  let last = busy();
  while (quietSeconds < 2 && Date.now() < until) {
    await pause(1000);
    const now = busy();
    quietSeconds = now - last < 50 ? quietSeconds + 1 : 0;
    last = now;
  }
  return quietSeconds >= 2 ? Date.now() - 2000 : Date.now();
}

export async function runPhase(system: System, opts: PhaseOptions): Promise<PhaseResult> {
  const taskQueue = `bench-escalation-${randomUUID()}`;
  const worker = await system.createWorker(taskQueue);
  const running = worker.run();
  try {
    const caseIds = Array.from({ length: opts.n }, () => randomUUID());
    // Received now, due `lead` later: the same moment for every case, however late its first task runs.
    const receivedAt = Date.now();
    const dueAt = receivedAt + opts.leadMs;
    opts.log(`${system.name}: ${opts.n} cases, all due at ${new Date(dueAt).toISOString()} (in ${opts.leadMs / 1000} s)`);
    const whole = cpuNow();
    let due: { cpu: Cpu; note: Promise<string> | undefined } | undefined;
    const dueTimer = setTimeout(() => {
      due = { cpu: cpuNow(), note: system.atDue?.(caseIds).catch((err: unknown) => `n/a (${String(err)})`) };
    }, dueAt - Date.now());
    const { lateStarts, startSeconds } = await startAll(system, taskQueue, caseIds, receivedAt, dueAt, opts.concurrency);
    opts.log(`${system.name}: started ${opts.n} in ${startSeconds.toFixed(1)} s (${lateStarts} after the due moment)`);
    while (!due) await pause(Math.min(1000, dueAt - Date.now() + 5));
    const drained = await waitForDrain(system, caseIds, dueAt, opts);
    const rowsSeen = cpuNow();
    const quietAt = await waitForQuiet();
    const end = cpuNow();
    clearTimeout(dueTimer);
    const outcome = await system.outcome(caseIds, dueAt);
    return {
      name: system.name,
      n: opts.n,
      startSeconds,
      lateStarts,
      drained,
      outcome,
      drainMs: outcome.lastWriteAt === null ? null : outcome.lastWriteAt - dueAt,
      quietMs: quietAt - dueAt,
      afterDue: cpuSince(due.cpu, end),
      toRows: cpuSince(due.cpu, rowsSeen),
      whole: cpuSince(whole, end),
      atDue: (await due.note) ?? null,
      ...(await sampleHistories(system, caseIds, dueAt)),
    };
  } finally {
    worker.shutdown();
    await running;
  }
}
