// Benchmark (not a test): N cases whose first-response deadline falls due at the same moment, on a real
// Temporal dev server with the worker and read model in this process. Reports fired N of N, duplicates
// and lateness, and writes them to docs/BENCHMARKS.md.
//   npm run bench:escalation -- --cases 10000
import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Command } from 'commander';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createActivities } from '../activities';
import type { Db } from '../db/client';
import { caseEvents, notifications } from '../db/schema';
import { HOUR } from '../domain/time';
import { WORKFLOWS_PATH } from '../temporal/worker';
import type { caseWorkflow } from '../workflows/case/workflow';
import { caseWorkflowId } from '../workflows/case/contract';
import type { BenchStack } from './bench-stack';
import { startBenchStack } from './bench-stack';
import { machine, percentile, writeSection } from './report';

const opts = new Command()
  .option('--cases <n>', 'number of cases', (v) => Number(v), 10_000)
  .option('--lead <seconds>', 'seconds from the benchmark start to the common due moment (default: enough to start every case)', (v) => Number(v))
  .option('--concurrency <n>', 'workflow starts in flight', (v) => Number(v), 64)
  .option('--no-write', 'do not update docs/BENCHMARKS.md')
  .parse()
  .opts<{ cases: number; lead?: number; concurrency: number; write: boolean }>();

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** Starts N cases whose first-response deadlines all fall due at `dueAt`. */
async function startCases(client: BenchStack['client'], taskQueue: string, n: number, dueAt: number) {
  let next = 0;
  let lateStarts = 0;
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < n) {
        next += 1;
        const caseId = randomUUID();
        // Each case gets the time scale that puts its one-hour first-response deadline at the common moment.
        const remaining = dueAt - Date.now();
        if (remaining <= 0) lateStarts += 1;
        await client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
          workflowId: caseWorkflowId(caseId),
          taskQueue,
          args: [
            {
              caseId,
              category: 'odgj_terlantar',
              pathway: 'odgj',
              riskLevel: 'high',
              regionCode: '64.72',
              openedBy: { id: 'bench', role: 'operator' },
              report: { channel: 'call_centre' },
              subject: {},
              policy: { timeScale: Math.max(remaining, 1) / HOUR },
            },
          ],
        });
      }
    }),
  );
  return { lateStarts, startSeconds: (Date.now() - startedAt) / 1000 };
}

/** Waits for every case's deadline to fire (or 45 minutes past the due moment). */
async function waitForFiring(db: Db, n: number, dueAt: number): Promise<void> {
  const deadline = dueAt + 45 * 60_000;
  while (Date.now() < deadline) {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${caseEvents.caseId})::int` })
      .from(caseEvents)
      .where(eq(caseEvents.type, 'deadline.missed'));
    if ((row?.n ?? 0) >= n) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  await new Promise((r) => setTimeout(r, 2000));
}

/** What fired, how often, how late: from the timeline and the notification outbox. */
async function outcome(db: Db) {
  const missed = await db.select().from(caseEvents).where(eq(caseEvents.type, 'deadline.missed'));
  const perCase = new Map<string, number>();
  for (const e of missed) perCase.set(e.caseId, (perCase.get(e.caseId) ?? 0) + 1);
  const lateness = missed.map((e) => e.at.getTime() - new Date(String(e.data.dueAt)).getTime()).sort((a, b) => a - b);
  const level1 = await db
    .select({ caseId: notifications.caseId, createdAt: notifications.createdAt, data: notifications.data })
    .from(notifications)
    .where(and(eq(notifications.template, 'escalation.level1'), inArray(notifications.audience, ['supervisor'])));
  const dueByCase = new Map(missed.map((e) => [e.caseId, new Date(String(e.data.dueAt)).getTime()]));
  const notifyLateness = level1
    .map((r) => r.createdAt.getTime() - (dueByCase.get(r.caseId) ?? r.createdAt.getTime()))
    .sort((a, b) => a - b);
  const notifyPerCase = new Map<string, number>();
  for (const r of level1) notifyPerCase.set(r.caseId, (notifyPerCase.get(r.caseId) ?? 0) + 1);
  const duplicates = (m: Map<string, number>) => [...m.values()].reduce((sum, c) => sum + (c - 1), 0);
  return { perCase, notifyPerCase, lateness, notifyLateness, duplicateEvents: duplicates(perCase), duplicateNotifications: duplicates(notifyPerCase) };
}

async function main(): Promise<void> {
  const stack = await startBenchStack();
  const { address, database, client, dataConverter } = stack;
  const nativeConnection = await NativeConnection.connect({ address });
  const taskQueue = `bench-${randomUUID()}`;
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: createActivities({ db: database.db }),
    dataConverter,
    maxCachedWorkflows: opts.cases + 100,
    maxConcurrentWorkflowTaskExecutions: 100,
    maxConcurrentActivityTaskExecutions: 100,
  });
  const running = worker.run();

  const n = opts.cases;
  const leadMs = (opts.lead ?? Math.max(30, Math.ceil(n * 0.02) + 20)) * 1000;
  const dueAt = Date.now() + leadMs;
  log(`${n} cases, all due at ${new Date(dueAt).toISOString()} (in ${leadMs / 1000} s), database ${database.kind}`);
  const { lateStarts, startSeconds } = await startCases(client, taskQueue, n, dueAt);
  log(`started ${n} in ${startSeconds.toFixed(1)} s (${lateStarts} after the due moment)`);
  await waitForFiring(database.db, n, dueAt);
  const o = await outcome(database.db);

  const fmt = (v: number) => `${Math.round(v)} ms`;
  const result = [
    `- fired: **${o.perCase.size} of ${n}** (deadline.missed events), supervisor notifications queued: ${o.notifyPerCase.size} of ${n}`,
    `- duplicates: ${o.duplicateEvents} deadline events, ${o.duplicateNotifications} notifications`,
    `- lateness of the timer (workflow time of the event − scheduled due time): p50 ${fmt(percentile(o.lateness, 50))}, p99 ${fmt(percentile(o.lateness, 99))}, max ${fmt(o.lateness.at(-1) ?? NaN)}`,
    `- lateness to the notification outbox (row written − due time): p50 ${fmt(percentile(o.notifyLateness, 50))}, p99 ${fmt(percentile(o.notifyLateness, 99))}, max ${fmt(o.notifyLateness.at(-1) ?? NaN)}`,
    `- starting the ${n} cases took ${(startSeconds).toFixed(1)} s with ${opts.concurrency} starts in flight; ${lateStarts} started after the due moment`,
  ];
  process.stdout.write(`${result.join('\n')}\n`);
  if (opts.write) {
    writeSection(
      'escalation-timers',
      [
        '## Escalation timers: N cases due at the same moment',
        '',
        `Command: \`${process.env.DATABASE_URL ? 'DATABASE_URL=… ' : ''}npm run bench:escalation -- --cases ${n}${opts.lead ? ` --lead ${opts.lead}` : ''}\` · ${new Date().toISOString().slice(0, 10)} · ${machine()}`,
        '',
        `Temporal dev server (temporal CLI ${process.env.TEMPORAL_ADDRESS ? 'at TEMPORAL_ADDRESS' : 'started by the benchmark, in-memory SQLite'}), one worker in the same process, read model on ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'in-memory PGlite'}. Each case is a high-risk ODGJ intake whose one-hour first-response deadline is scaled so that all fall due at one moment, ${leadMs / 1000} s after the benchmark starts.`,
        '',
        ...result,
      ].join('\n'),
    );
  }
  worker.shutdown();
  await running;
  await nativeConnection.close();
  await stack.stop();
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
