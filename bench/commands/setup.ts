// What the command paths act on: a worker for Sigap's case workflow and one for the floor, with the same
// limits, in a process of their own (as production runs the worker apart from the API) or in this one;
// M open Sigap cases the read model already holds (so the API's visibility check is one indexed read, as
// for any case older than a moment), and M floor workflows of each shape.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { inArray, sql } from 'drizzle-orm';
import { createActivities } from '../../activities';
import { caseInputFrom, startCaseWorkflow } from '../../api/cases/intake';
import { openCaseBody } from '../../api/cases/schemas';
import type { WorkerLimits } from '../../config/env';
import { WORKER_DEFAULTS } from '../../config/env';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import type { Actor } from '../../domain/roles';
import { WORKFLOWS_PATH } from '../../temporal/worker';
import { caseWorkflowId } from '../../workflows/case/contract';
import type { BenchStack } from '../bench-stack';
import { ensureFloorTables } from '../raw-floor/tables';
import { createFloorNoteActivities } from './floor-activities';
import type { floorNoteWorkflow } from './floor-workflow';

/** The intake of the API benchmark: a high-risk ODGJ report from the call centre. */
const INTAKE = openCaseBody.parse({
  category: 'odgj_terlantar',
  riskLevel: 'high',
  regionCode: '64.72',
  report: { channel: 'call_centre', summary: 'Laki-laki sekitar 40 tahun, bicara sendiri, di depan Pasar Segiri sejak pagi' },
  subject: { sex: 'male', estimatedAge: 40 },
});

export interface WorkerReady {
  sigapQueue: string;
  floorQueue: string;
}

export interface Workers extends WorkerReady {
  /** The workers' own process; null when they run in this one. */
  pid: number | null;
  stop(): Promise<void>;
}

/** Both workers in this process; production's default limits, with every workflow of the run cached. */
export async function startWorkers(stack: Pick<BenchStack, 'address' | 'dataConverter'>, workerDb: Db, workflows: number): Promise<Workers> {
  const connection = await NativeConnection.connect({ address: stack.address });
  const limits: WorkerLimits = { ...WORKER_DEFAULTS, maxCachedWorkflows: Math.max(WORKER_DEFAULTS.maxCachedWorkflows, workflows + 100) };
  const sigapQueue = `bench-commands-sigap-${randomUUID()}`;
  const floorQueue = `bench-commands-floor-${randomUUID()}`;
  await ensureFloorTables(workerDb);
  const sigap = await Worker.create({
    connection,
    taskQueue: sigapQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: createActivities({ db: workerDb }),
    dataConverter: stack.dataConverter,
    ...limits,
  });
  const floor = await Worker.create({
    connection,
    taskQueue: floorQueue,
    workflowsPath: require.resolve('./floor-workflow'),
    activities: createFloorNoteActivities(workerDb),
    ...limits,
  });
  const running = [sigap.run(), floor.run()];
  return {
    sigapQueue,
    floorQueue,
    pid: null,
    async stop() {
      sigap.shutdown();
      floor.shutdown();
      await Promise.all(running);
      await connection.close();
    },
  };
}

/**
 * Both workers in a child process (`worker-child.ts`) on the same server, database and payload key: the
 * API's HTTP work and the workers' tasks then wait on two event loops, not one, as in production.
 */
export async function startWorkerProcess(stack: Pick<BenchStack, 'address' | 'payloadKeys'>, databaseUrl: string, workflows: number): Promise<Workers> {
  const child = fork(require.resolve('./worker-child'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, TEMPORAL_ADDRESS: stack.address, DATABASE_URL: databaseUrl, SIGAP_PAYLOAD_KEYS: stack.payloadKeys, BENCH_WORKFLOWS: String(workflows) },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = await Promise.race([
    new Promise<WorkerReady>((resolve) => child.once('message', (m) => resolve(m as WorkerReady))),
    exited.then((code) => {
      throw new Error(`the workers' process exited with ${code} before it was ready`);
    }),
  ]);
  return {
    ...ready,
    pid: child.pid ?? null,
    async stop() {
      if (child.exitCode === null) child.send('stop');
      const code = await exited;
      if (code !== 0) throw new Error(`the workers' process exited with ${code}`);
    },
  };
}

async function inBatches<T>(items: T[], concurrency: number, each: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await each(items[next++]!);
  }));
}

/** Opens M cases as the API does (its own input builder and start) and waits until the read model holds them. */
export async function openCases(client: Client, db: Db, taskQueue: string, openedBy: Actor, m: number): Promise<string[]> {
  const caseIds = Array.from({ length: m }, () => randomUUID());
  await inBatches(caseIds, 32, (caseId) => startCaseWorkflow(client, taskQueue, caseInputFrom(caseId, INTAKE, openedBy, { policy: {} })));
  const until = Date.now() + 120_000;
  for (;;) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(cases).where(inArray(cases.caseId, caseIds));
    if ((row?.n ?? 0) >= m) return caseIds;
    if (Date.now() > until) throw new Error(`the read model holds ${row?.n ?? 0} of ${m} cases after two minutes`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const floorWorkflowId = (caseId: string) => `floor-note-${caseId}`;

/** M floor workflows of one shape (with or without the write), on a client without codec. */
export async function openFloor(client: Client, taskQueue: string, write: boolean, m: number): Promise<string[]> {
  const caseIds = Array.from({ length: m }, () => randomUUID());
  await inBatches(caseIds, 32, (caseId) =>
    client.workflow.start<typeof floorNoteWorkflow>('floorNoteWorkflow', { workflowId: floorWorkflowId(caseId), taskQueue, args: [{ caseId, write }] }),
  );
  return caseIds;
}

export { caseWorkflowId };
