// The two systems whose workers are measured: Sigap (cases opened as the API opens them, read by the
// API's own Query) and the raw floor (a workflow that only sleeps, read by the SDK's built-in metadata
// query). Each names its measured process, its workflow bundle, how a case starts and how it is read.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@temporalio/client';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { Pool } from 'pg';
import { caseInputFrom, startCaseWorkflow } from '../../api/cases/intake';
import { openCaseBody } from '../../api/cases/schemas';
import { createDataConverter } from '../../temporal/data-converter';
import { parseKeyRing } from '../../temporal/keyring';
import { WORKFLOWS_PATH } from '../../temporal/worker';
import { caseWorkflowId, getCaseQuery } from '../../workflows/case/contract';
import { INTAKE } from '../api/phases';
import type { rawFloorWorkflow } from '../raw-floor/workflows';

export interface System {
  name: string;
  script: string;
  workflowsPath: string;
  start(taskQueue: string, caseId: string): Promise<unknown>;
  read(caseId: string): Promise<unknown>;
  /** Cases whose first steps are written where the system writes them (Sigap's read model); null: nothing to count. */
  settled(caseIds: string[]): Promise<number | null>;
}

const BODY = openCaseBody.parse(INTAKE);
/** The floor sleeps far past the run: its timer never fires while it is measured. */
const FLOOR_SLEEP_MS = 7 * 24 * 3600_000;

/** A payload key for this run only, handed to the Sigap worker as SIGAP_PAYLOAD_KEYS. */
export function runKey(): string {
  return `bench-memory:${randomBytes(32).toString('base64')}`;
}

export function sigapSystem(connection: Connection, payloadKeys: string, pool: Pool): System {
  const client = new Client({ connection, dataConverter: createDataConverter(parseKeyRing(payloadKeys)) });
  return {
    name: 'Sigap',
    script: require.resolve('./sigap-worker'),
    workflowsPath: WORKFLOWS_PATH,
    start: (taskQueue, caseId) => startCaseWorkflow(client, taskQueue, caseInputFrom(caseId, BODY, { id: 'bench-memory', role: 'operator' }, { policy: {} })),
    read: (caseId) => client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery),
    async settled(caseIds) {
      const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from cases where case_id = any($1)', [caseIds]);
      return rows[0]?.n ?? 0;
    },
  };
}

export function rawSystem(connection: Connection): System {
  const client = new Client({ connection });
  return {
    name: 'raw floor',
    script: require.resolve('./raw-worker'),
    workflowsPath: require.resolve('../raw-floor/workflows'),
    start: (taskQueue, caseId) =>
      client.workflow.start<typeof rawFloorWorkflow>('rawFloorWorkflow', {
        workflowId: `floor-${caseId}`,
        taskQueue,
        args: [{ caseId, dueAt: new Date(Date.now() + FLOOR_SLEEP_MS).toISOString() }],
      }),
    read: (caseId) => client.workflow.getHandle(`floor-${caseId}`).query('__temporal_workflow_metadata'),
    settled: async () => null,
  };
}

/** The system's workflows bundled once, as `npm run build` does for production (SIGAP_WORKFLOW_BUNDLE). */
export async function bundle(system: System): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: system.workflowsPath, logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} } });
  const file = path.join(os.tmpdir(), `sigap-bench-memory-${system.name.replace(/\W+/g, '-')}-${process.pid}.js`);
  fs.writeFileSync(file, code);
  return file;
}
