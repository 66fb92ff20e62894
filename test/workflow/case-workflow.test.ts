// The case workflow on the time-skipping test server, with its real activities writing the read model.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseEvents, cases } from '../../db/schema';
import { createActivities } from '../../activities';
import { DAY, HOUR } from '../../domain/time';
import { acknowledgeUpdate, caseWorkflowId, getCaseQuery, SA } from '../../workflows/contract';
import { caseWorkflow } from '../../workflows/case-workflow';
import { WORKFLOWS_PATH } from '../../temporal/worker';
import { caseInput } from '../helpers/case-input';
import { openTestDatabase } from '../helpers/database';
import { createTimeSkippingEnv, dataConverter, uniqueTaskQueue } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
let database: Database;
let worker: Worker;
let running: Promise<void>;
const taskQueue = uniqueTaskQueue('case-wf');

beforeAll(async () => {
  [env, database] = await Promise.all([createTimeSkippingEnv(), openTestDatabase()]);
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: createActivities({ db: database.db }),
    dataConverter,
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await database?.close();
});

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function caseRow(caseId: string, minSeq = 0) {
  return until(async () => {
    const [row] = await database.db.select().from(cases).where(eq(cases.caseId, caseId));
    return row && row.lastSeq >= minSeq ? row : undefined;
  }, `read model of ${caseId} at seq ${minSeq}`);
}

test('opening a case records intake in the read model and sets the first-response deadline from policy', async () => {
  const input = caseInput({ riskLevel: 'high' });
  const handle = await env.client.workflow.start(caseWorkflow, { workflowId: caseWorkflowId(input.caseId), taskQueue, args: [input] });
  const row = await caseRow(input.caseId);
  expect(row).toMatchObject({ stage: 'identification', status: 'open', category: 'odgj_terlantar', provinceCode: '64', lastSeq: 0 });
  expect(row.nextDeadlineKind).toBe('first_response');
  expect(row.nextDeadlineAt!.getTime() - row.openedAt.getTime()).toBe(1 * HOUR);

  const view = await handle.query(getCaseQuery);
  expect(view.stage).toBe('identification');
  expect(view.subject.name).toBe('Budi Contoh');

  const events = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, input.caseId));
  expect(events.map((e) => e.type)).toEqual(['case.opened']);
  // The timeline holds no personal data: only the channel made it into the event's data.
  expect(JSON.stringify(events)).not.toContain('Budi');

  const described = await handle.describe();
  expect(described.typedSearchAttributes.get(SA.stage)).toBe('identification');
  expect(described.typedSearchAttributes.get(SA.region)).toBe('64.72');
  expect(described.typedSearchAttributes.get(SA.province)).toBe('64');
  await handle.terminate('test done');
});

test('acknowledging moves the case to assessment with the risk-tiered assessment deadline', async () => {
  const input = caseInput({ riskLevel: 'medium' });
  const handle = await env.client.workflow.start(caseWorkflow, { workflowId: caseWorkflowId(input.caseId), taskQueue, args: [input] });
  const view = await handle.executeUpdate(acknowledgeUpdate, { args: [{ actor: { id: 'cm-7', role: 'case_manager' } }] });
  expect(view.stage).toBe('assessment');
  expect(view.assignedWorker).toBe('cm-7');
  expect(new Date(view.nextDeadline!.dueAt).getTime() - new Date(view.acknowledgedAt!).getTime()).toBe(5 * DAY);

  const row = await caseRow(input.caseId, 1);
  expect(row).toMatchObject({ stage: 'assessment', assignedWorker: 'cm-7', nextDeadlineKind: 'assessment' });
  const events = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, input.caseId)).orderBy(asc(caseEvents.seq));
  expect(events.map((e) => [e.seq, e.type, e.actorId])).toEqual([
    [0, 'case.opened', 'op-1'],
    [1, 'case.acknowledged', 'cm-7'],
  ]);
  expect((await handle.describe()).typedSearchAttributes.get(SA.assignee)).toBe('cm-7');
  await handle.terminate('test done');
});

test('refused commands are rejected by the validator and leave no trace in the history', async () => {
  const input = caseInput();
  const handle = await env.client.workflow.start(caseWorkflow, { workflowId: caseWorkflowId(input.caseId), taskQueue, args: [input] });

  const refusal = (err: unknown) => (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure ? err.cause.type : err);
  await expect(
    handle.executeUpdate(acknowledgeUpdate, { args: [{ actor: { id: 'rsj-1', role: 'partner' } }] }).catch((e) => Promise.reject(refusal(e))),
  ).rejects.toBe('ROLE_NOT_ALLOWED');
  await handle.executeUpdate(acknowledgeUpdate, { args: [{ actor: { id: 'op-2', role: 'operator' } }] });
  await expect(
    handle.executeUpdate(acknowledgeUpdate, { args: [{ actor: { id: 'op-2', role: 'operator' } }] }).catch((e) => Promise.reject(refusal(e))),
  ).rejects.toBe('ALREADY_ACKNOWLEDGED');

  const history = await handle.fetchHistory();
  const updateEvents = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
  expect(updateEvents).toHaveLength(1);
  expect((await handle.query(getCaseQuery)).stageHistory.map((c) => c.to)).toEqual(['identification', 'assessment']);
  await handle.terminate('test done');
});
