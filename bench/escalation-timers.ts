// Benchmark (not a test): N deadlines falling due at the same moment, first on the raw-Temporal floor (a
// workflow that sleeps, then one activity writing one timeline row and one outbox row), then on Sigap (N
// cases received at one moment), on the same dev server and database, each with a worker in this process.
// Waits until every expected row is written; reports drain time, lateness and CPU per fired deadline of
// both and their ratio, and writes them to docs/BENCHMARKS.md.
//   npm run bench:escalation -- --cases 1000 --lead 60
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { Command } from 'commander';
import type { WorkerLimits } from '../config/env';
import { BURST_STICKY_SECONDS } from './escalation/report';
import { startBenchStack } from './bench-stack';
import type { PhaseOptions, PhaseResult } from './escalation/phase';
import { runPhase } from './escalation/phase';
import { rawSystem } from './escalation/raw';
import type { EscalationRun } from './escalation/report';
import { resultLines, runProblems, writeEscalationSection } from './escalation/report';
import { sigapSystem } from './escalation/sigap';
import { integer } from './options';

const opts = new Command()
  .option('--cases <n>', 'deadlines (cases) per system', integer('--cases', 1), 10_000)
  .option('--lead <seconds>', 'seconds from the first start to the common due moment (default: enough to start every case)', integer('--lead', 1))
  .option('--concurrency <n>', 'workflow starts in flight', integer('--concurrency', 1), 64)
  .option('--max-drain <seconds>', 'real-time limit for every row to be written after the due moment', integer('--max-drain', 1), 3600)
  .option('--no-shaped', "skip the floor with Sigap's Temporal commands")
  .option('--sticky <seconds>', "how long a case's task waits for the worker that caches it (both systems; longer than the burst's queue)", integer('--sticky', 1), BURST_STICKY_SECONDS)
  .option('--rounds <n>', 'run the systems in turn this many times and report each one\'s median-drain round', integer('--rounds', 1), 1)
  .option('--no-write', 'do not update docs/BENCHMARKS.md')
  .parse()
  .opts<{ cases: number; lead?: number; concurrency: number; maxDrain: number; shaped: boolean; sticky: number; rounds: number; write: boolean }>();

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

async function main(): Promise<void> {
  const stack = await startBenchStack();
  const { address, database, client, connection, dataConverter } = stack;
  const nativeConnection = await NativeConnection.connect({ address });
  const n = opts.cases;
  // The same worker limits for both systems, sized for the burst as a deployment that expects one would
  // size them: every case stays cached, and a task waits for its worker longer than the burst's queue, so
  // neither system replays histories.
  const limits: WorkerLimits = {
    maxCachedWorkflows: n + 100,
    maxConcurrentWorkflowTaskExecutions: 100,
    maxConcurrentActivityTaskExecutions: 100,
    stickyQueueScheduleToStartTimeout: opts.sticky * 1000,
  };
  // Enough for Sigap's cases to record their opening steps before the due moment (5,000 took about 250 s
  // here); with less, that work runs into the deadline window and counts in Sigap's figures.
  const leadMs = (opts.lead ?? Math.max(30, Math.ceil(n * 0.06) + 20)) * 1000;
  const phase: PhaseOptions = { n, leadMs, concurrency: opts.concurrency, maxDrainMs: opts.maxDrain * 1000, log };
  log(`${n} deadlines per system, due ${leadMs / 1000} s after the first start, database ${database.kind}`);

  // Raw first, so Sigap's still-open cases (their later timers) do not run beside the floor; between rounds
  // every workflow still running is terminated for the same reason.
  const settle = () => new Promise((r) => setTimeout(r, 5000));
  const rounds: Required<EscalationRun>['rounds'] = { raw: [], shaped: [], sigap: [] };
  for (let round = 1; round <= opts.rounds; round++) {
    if (opts.rounds > 1) log(`round ${round} of ${opts.rounds}`);
    const raw = await runPhase(await rawSystem({ db: database.db, connection, nativeConnection, limits }), phase);
    log(`raw Temporal: drained ${raw.drained}, last row ${raw.drainMs} ms after the due moment`);
    rounds.raw.push(raw);
    // Let the server settle (its task queues, the last acknowledgements) before the next phase starts.
    await settle();
    if (opts.shaped) {
      const shaped = await runPhase(await rawSystem({ db: database.db, connection, nativeConnection, limits }, true), phase);
      log(`raw with Sigap's commands: drained ${shaped.drained}, last row ${shaped.drainMs} ms after the due moment`);
      rounds.shaped.push(shaped);
      await settle();
    }
    const sigap = await runPhase(sigapSystem({ db: database.db, client, dataConverter, connection: nativeConnection, limits }), phase);
    log(`Sigap: drained ${sigap.drained}, last row ${sigap.drainMs} ms after the due moment`);
    rounds.sigap.push(sigap);
    if (round < opts.rounds) {
      log(`terminated ${await terminateRunning(client)} workflows still running`);
      await settle();
    }
  }

  const run: EscalationRun = {
    raw: medianRound(rounds.raw),
    shaped: rounds.shaped.length ? medianRound(rounds.shaped) : undefined,
    sigap: medianRound(rounds.sigap),
    rounds: opts.rounds > 1 ? rounds : undefined,
    options: opts,
    leadMs,
    databaseKind: database.kind,
  };
  const result = resultLines(run);
  process.stdout.write(`${result.join('\n')}\n`);
  const problems = runProblems(run);
  if (opts.write && problems.length === 0) writeEscalationSection(run, result);
  await nativeConnection.close();
  await stack.stop();
  if (problems.length) throw new Error(`the run is not valid (nothing written): ${problems.join('; ')}`);
}

/** The round whose drain is the median (the lower of the two middle ones for an even count). */
function medianRound(phases: PhaseResult[]): PhaseResult {
  const sorted = [...phases].sort((a, b) => (a.drainMs ?? Infinity) - (b.drainMs ?? Infinity));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function terminateRunning(client: Client): Promise<number> {
  let n = 0;
  for await (const w of client.workflow.list({ query: "ExecutionStatus = 'Running'" })) {
    await client.workflow.getHandle(w.workflowId, w.runId).terminate('benchmark round over').catch(() => undefined);
    n++;
  }
  return n;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
