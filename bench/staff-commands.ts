// Benchmark (not a test): staff commands through `POST /v1/cases/:id/commands` (each a Temporal Update of
// the case workflow) against raw `executeUpdate` on a minimal workflow — bare, and with the one queued
// write a Sigap command also makes — and on Sigap's own case workflow, on the same dev server in the same
// run. Reports throughput and latency of each and their ratios, CPU and history per command, where an API
// request's time goes, and writes them to docs/BENCHMARKS.md.
//   npm run bench:commands -- --commands 2000 --concurrency 16 --cases 200 --warmup 400
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import { Client as TemporalClient } from '@temporalio/client';
import { Command } from 'commander';
import { withCurrentCodes } from '../api/cases/current-codes';
import type { Principal } from '../api/http/principal';
import { close } from '../api/listen';
import type { Db } from '../db/client';
import { openDatabase } from '../db/client';
import { caseWorkflowId, getCaseQuery } from '../workflows/case/contract';
import { delta, merge, sum } from './api/measure';
import { startBenchStack } from './bench-stack';
import { serveApp } from './serve-app';
import { floorNotes, historyCost, rowsReaching, sigapNotes } from './commands/effects';
import type { CommandPhase } from './commands/phases';
import { apiPhase, floorPhase, rawCasePhase, visibilityPhase } from './commands/phases';
import type { CommandsRun } from './commands/report';
import { resultLines, runProblems, writeCommandsSection } from './commands/report';
import { CommandTimings } from './commands/server-timings';
import { floorWorkflowId, openCases, openFloor, startWorkerProcess, startWorkers } from './commands/setup';
import { processCpuMs } from './cpu';
import { integer } from './options';

const opts = new Command()
  .option('--commands <n>', 'measured commands per path', integer('--commands', 2), 2000)
  .option('--concurrency <n>', 'commands in flight (raw Updates, or HTTP connections)', integer('--concurrency', 1), 16)
  .option('--cases <n>', 'open cases (and floor workflows of each shape) the commands go to, round robin', integer('--cases', 1), 200)
  .option('--warmup <n>', 'uncounted commands per path before measuring', integer('--warmup', 0), 400)
  .option('--one-process', 'run the workers in this process, beside the API (as `npm start` does), not in one of their own')
  .option('--no-write', 'do not update docs/BENCHMARKS.md')
  .parse()
  .opts<{ commands: number; concurrency: number; cases: number; warmup: number; oneProcess?: boolean; write: boolean }>();

const began = Date.now();
const log = (m: string) => process.stderr.write(`[bench +${((Date.now() - began) / 1000).toFixed(0)} s] ${m}\n`);

/** The real app, its Updates timed; a token for this run's case manager. */
async function startApi(client: Client, db: Db, taskQueue: string, timings: CommandTimings, principal: Principal) {
  const api = await serveApp({ client: timings.instrument(client), db, taskQueue }, (app) => [timings.wrap(app)]);
  const token = await api.sign({ sub: principal.id, role: principal.role as 'case_manager', regions: principal.regions });
  return { http: api.http, url: api.url, token };
}

/** What the API does to a case view after the Update, alone: current codes and JSON, µs per view. */
async function presentCost(client: Client, caseId: string): Promise<number> {
  const view = await client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery);
  const reps = 2000;
  const t = performance.now();
  for (let i = 0; i < reps; i++) JSON.stringify(withCurrentCodes(view));
  return ((performance.now() - t) / reps) * 1000;
}

type Path = 'api' | 'bare' | 'write' | 'rawCase';
type Paths = Record<Path, (k: number) => Promise<CommandPhase>>;
const okOf = (p: CommandPhase) => p.latencies.length;

/**
 * Warm-up, then two halves in mirrored order (API, floors, raw case; then back) so no path always runs on
 * the warmer, or fuller, server; the API is timed from the inside only while it is measured.
 */
async function measurePaths(paths: Paths, timings: CommandTimings, n: number, warmup: number, workersPid: number | null) {
  const workersCpu = () => (workersPid === null ? null : processCpuMs(workersPid));
  const withWorkersCpu = async (p: Path, k: number): Promise<CommandPhase> => {
    const before = workersCpu();
    const phase = await paths[p](k);
    return { ...phase, workerCpuMs: delta(before, workersCpu()) };
  };
  const warm: Record<Path, number> = { api: 0, bare: 0, write: 0, rawCase: 0 };
  let warmUnconfirmed = 0;
  const order: Path[] = ['api', 'bare', 'write', 'rawCase'];
  if (warmup > 0) {
    log(`warm-up: ${warmup} each, uncounted`);
    for (const p of order) {
      const phase = await paths[p](warmup);
      warm[p] = okOf(phase);
      warmUnconfirmed += phase.failures.get('HTTP 503') ?? 0;
    }
  }
  log(`measuring: ${n} each, ${opts.concurrency} in flight, to ${opts.cases} workflows each`);
  const measuredFrom = Date.now();
  const half = Math.floor(n / 2);
  const first: Partial<Record<Path, CommandPhase>> = {};
  const second: Partial<Record<Path, CommandPhase>> = {};
  const halves: [Partial<Record<Path, CommandPhase>>, number, Path[]][] = [
    [first, half, order],
    [second, n - half, [...order].reverse()],
  ];
  for (const [phases, count, sequence] of halves) {
    for (const p of sequence) {
      timings.recording = p === 'api';
      phases[p] = await withWorkersCpu(p, count);
      timings.recording = false;
    }
  }
  for (const p of order) log(`${p} halves: ${(okOf(first[p]!) / first[p]!.seconds).toFixed(0)} /s, ${(okOf(second[p]!) / second[p]!.seconds).toFixed(0)} /s`);
  const both = (p: Path): CommandPhase => {
    const [x, y] = [first[p]!, second[p]!];
    return { ...merge(x, y), settleSeconds: x.settleSeconds + y.settleSeconds, workerCpuMs: sum(x.workerCpuMs, y.workerCpuMs) };
  };
  return { warm, warmUnconfirmed, measuredFrom, api: both('api'), bare: both('bare'), write: both('write'), rawCase: both('rawCase') };
}

async function main(): Promise<void> {
  const stack = await startBenchStack();
  const { client, database } = stack;
  const { commands: n, concurrency: c, cases: m, warmup } = opts;
  // Production runs the worker apart from the API; an in-memory PGlite cannot be shared with another process.
  const databaseUrl = process.env.DATABASE_URL;
  const apartOn = opts.oneProcess ? undefined : databaseUrl;
  const apart = apartOn !== undefined;
  if (!apart && !opts.oneProcess) log('no DATABASE_URL: the workers run in this process (PGlite lives in it)');
  // The workers have a pool of their own, as in production where API and worker are separate processes.
  const workerDatabase = databaseUrl && !apart ? openDatabase({ url: databaseUrl }) : database;
  log(`starting the workers ${apart ? 'in a process of their own' : 'in this process'} (bundling their workflows)`);
  const workers = apartOn ? await startWorkerProcess(stack, apartOn, 3 * m) : await startWorkers(stack, workerDatabase.db, 3 * m);
  const floorClient = new TemporalClient({ connection: stack.connection });
  const principal: Principal = { id: `bench-cm-${randomUUID().slice(0, 8)}`, role: 'case_manager', regions: ['64'] };
  const timings = new CommandTimings();
  const { http, url, token } = await startApi(client, database.db, workers.sigapQueue, timings, principal);

  log(`opening ${m} cases and ${m} floor workflows of each shape (uncounted), database ${database.kind}`);
  const caseIds = await openCases(client, database.db, workers.sigapQueue, { id: principal.id, role: principal.role }, m);
  const bareIds = await openFloor(floorClient, workers.floorQueue, false, m);
  const writeIds = await openFloor(floorClient, workers.floorQueue, true, m);
  const sigapRows = sigapNotes(database.db, caseIds);
  const floorRows = floorNotes(database.db, writeIds);
  const { warm, warmUnconfirmed, measuredFrom, ...phases } = await measurePaths(
    {
      api: (k) => apiPhase(url, token, caseIds, k, c, sigapRows),
      bare: (k) => floorPhase(floorClient, bareIds, k, c),
      write: (k) => floorPhase(floorClient, writeIds, k, c, floorRows),
      rawCase: (k) => rawCasePhase(client, principal, caseIds, k, c, sigapRows),
    },
    timings,
    n,
    warmup,
    workers.pid,
  );

  // Not paths of their own: the API's database read, and its work on the returned view, each alone.
  const visibility = await visibilityPhase(database.db, client, principal, caseIds, Math.min(n, 1000), c);
  const presentUs = await presentCost(client, caseIds[0]!);
  const sample = (ids: string[]) => ids.slice(0, Math.min(10, ids.length));
  const history = {
    sigap: await historyCost(client, sample(caseIds).map(caseWorkflowId), measuredFrom),
    bare: await historyCost(floorClient, sample(bareIds).map(floorWorkflowId), measuredFrom),
    write: await historyCost(floorClient, sample(writeIds).map(floorWorkflowId), measuredFrom),
  };
  const sigapAccepted = warm.api + warm.rawCase + okOf(phases.api) + okOf(phases.rawCase);
  const writeAccepted = warm.write + okOf(phases.write);
  const rows = {
    // A command the API could not confirm in time (503) may still have been applied: its row may be there.
    sigap: { rows: await rowsReaching(sigapAccepted, sigapRows), accepted: sigapAccepted, unconfirmed: warmUnconfirmed + (phases.api.failures.get('HTTP 503') ?? 0) },
    floor: { rows: await rowsReaching(writeAccepted, floorRows), accepted: writeAccepted, unconfirmed: 0 },
  };
  const run: CommandsRun = { ...phases, visibility, presentUs, timings, history, rows, options: opts, databaseKind: database.kind, workersApart: apart };

  const lines = resultLines(run);
  process.stdout.write(`${lines.join('\n')}\n`);
  const problems = runProblems(run);
  if (opts.write && problems.length === 0) writeCommandsSection(run, lines);
  await close(http);
  await workers.stop();
  if (workerDatabase !== database) await workerDatabase.close();
  await stack.stop();
  if (problems.length) throw new Error(`the run is not valid (nothing written): ${problems.join('; ')}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
