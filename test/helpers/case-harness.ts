// A case worker on the time-skipping test server, with real activities writing the real database, and
// small helpers to act on a case the way staff and partners do.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { asc, eq } from 'drizzle-orm';
import type { PartnerClients } from '../../activities/partners/clients';
import type { CaseActivities } from '../../activities/types';
import type { Database } from '../../db/client';
import { caseEvents, cases } from '../../db/schema';
import type { CaseCommand } from '../../domain/commands';
import type { Actor } from '../../domain/roles';
import type { caseWorkflow } from '../../workflows/case/workflow';
import type { CaseView, CommandResult, OpenCaseInput } from '../../workflows/case/contract';
import type { PartnerCommand } from '../../domain/commands';
import { caseWorkflowId, commandUpdate, getCaseQuery, partnerReportSignal } from '../../workflows/case/contract';
import type { SA } from '../../workflows/search-attributes';
import { caseInput } from './case-input';
import { eventually } from './eventually';
import { openTestDatabase } from './database';
import { caseTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from './temporal';

export const OP: Actor = { id: 'op-1', role: 'operator' };
export const CM: Actor = { id: 'cm-1', role: 'case_manager' };
export const SUP: Actor = { id: 'sup-1', role: 'supervisor' };
export const SUP2: Actor = { id: 'sup-2', role: 'supervisor' };

export type CaseHandle = WorkflowHandle<typeof caseWorkflow>;

export interface Harness {
  env: TestWorkflowEnvironment;
  database: Database;
  taskQueue: string;
  start(overrides?: Partial<OpenCaseInput>): Promise<{ handle: CaseHandle; caseId: string }>;
  close(): Promise<void>;
}

/**
 * `wrap` lets a suite put a fault in front of the real activities (e.g. fail once after writing);
 * `partners` points the partner activities at real (simulated) partner services.
 */
export async function startHarness(wrap?: (activities: CaseActivities) => CaseActivities, partners?: PartnerClients): Promise<Harness> {
  const [env, database] = await Promise.all([createTimeSkippingEnv(), openTestDatabase()]);
  liveClient = env.client;
  const taskQueue = uniqueTaskQueue('case');
  const worker = await caseTestWorker(env.nativeConnection, database, taskQueue, wrap, partners);
  const running = worker.run();
  return {
    env,
    database,
    taskQueue,
    async start(overrides = {}) {
      const input = caseInput({ caseId: randomUUID(), ...overrides });
      const handle = await env.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue,
        args: [input],
      });
      return { handle, caseId: input.caseId };
    },
    async close() {
      worker.shutdown();
      await running;
      await env.teardown();
      await database.close();
    },
  };
}

/**
 * With SIGAP_RECORD_HISTORIES=1, saves the case's history under test/histories/ for the replay test.
 * Recorded once per workflow change that running cases could replay, then committed.
 */
export async function saveHistory(handle: Pick<CaseHandle, 'fetchHistory'>, name: string): Promise<void> {
  if (process.env.SIGAP_RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  // Binary protobuf: the SDK's JSON helpers trip over two copies of protobufjs in the dependency tree.
  fs.writeFileSync(path.join(__dirname, '..', 'histories', `${name}.history.bin`), temporal.api.history.v1.History.encode(history).finish());
}

export function act(handle: CaseHandle, actor: Actor, command: CaseCommand): Promise<CommandResult> {
  return handle.executeUpdate(commandUpdate(command.type), { args: [{ actor, command }] });
}

/**
 * Waits until the case has no activity and no workflow task in flight. The time-skipping test server holds
 * a time lock for every workflow task and running activity, and terminating a workflow mid-task never
 * releases it: every later sleep in the suite then waits in real time (days). It also refuses (and then
 * never completes) a workflow task that cancels an activity it has handed to a worker. The test server
 * leaves `pendingWorkflowTask` out of describe(), so an open workflow task is read from the history.
 */
export async function idle(handle: Pick<CaseHandle, 'describe' | 'fetchHistory'>): Promise<void> {
  await eventually(async () => {
    const [{ raw }, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
    if ((raw.pendingActivities ?? []).length > 0) return undefined;
    // Read from the history too: describe() may not list an activity handed to a worker but not yet
    // recorded as started, and cancelling that one is what the test server refuses.
    let openTasks = 0;
    let openActivities = 0;
    for (const e of history.events ?? []) {
      if (e.workflowTaskScheduledEventAttributes) openTasks++;
      if (e.workflowTaskCompletedEventAttributes || e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes) openTasks--;
      if (e.activityTaskScheduledEventAttributes) openActivities++;
      if (e.activityTaskCompletedEventAttributes || e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes || e.activityTaskCanceledEventAttributes) openActivities--;
    }
    return openTasks === 0 && openActivities === 0 ? true : undefined;
  }, 'the case to be idle');
}

/** Ends a test's case once it is idle (see `idle`). */
export async function finish(handle: Pick<CaseHandle, 'describe' | 'fetchHistory' | 'terminate'>): Promise<void> {
  await idle(handle);
  await handle.terminate('test done');
}

let reportSeq = 0;
export function partner(handle: CaseHandle, partnerId: string, command: PartnerCommand, reportId = `r-${++reportSeq}`): Promise<void> {
  return handle.signal(partnerReportSignal, { partnerId, reportId, command });
}

/** The refusal code of a rejected command (the ApplicationFailure type its validator threw). */
export async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return err.cause.type ?? 'untyped';
    throw err;
  }
  throw new Error('the command was accepted');
}

/** The suite's Temporal client: the read-model helpers ask the case how much it has recorded. */
let liveClient: TestWorkflowEnvironment['client'] | undefined;

/**
 * Waits until the read model holds every record the case has made: commands answer before their records
 * are written (the case's writer catches up after), so a test reads the database only once it has.
 */
export async function settled(database: Database, caseId: string): Promise<void> {
  if (!liveClient) return;
  const client = liveClient;
  await eventually(async () => {
    const { timelineLength } = await client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery);
    const [row] = await database.db.select({ lastSeq: cases.lastSeq }).from(cases).where(eq(cases.caseId, caseId));
    return timelineLength === 0 || (row && row.lastSeq + 1 >= timelineLength) ? true : undefined;
  }, `the read model to catch up with case ${caseId}`);
}

/** The case's timeline in the read model, once it is caught up and holds at least `minEvents` events. */
export async function timeline(database: Database, caseId: string, minEvents = 1) {
  await settled(database, caseId);
  for (let i = 0; i < 150; i++) {
    const rows = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
    if (rows.length >= minEvents) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timeline of ${caseId} never reached ${minEvents} events`);
}

/** Waits until the timeline has an event of this type (timer-fired events are written asynchronously). */
export async function eventOf(database: Database, caseId: string, type: string, count = 1) {
  for (let i = 0; i < 150; i++) {
    const rows = (await timeline(database, caseId)).filter((e) => e.type === type);
    if (rows.length >= count) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${count}× ${type} in the timeline of ${caseId}`);
}

export async function caseRow(database: Database, caseId: string) {
  await settled(database, caseId);
  const [row] = await database.db.select().from(cases).where(eq(cases.caseId, caseId));
  return row;
}

/**
 * Rules v3: the rapid assessment (it is the first response too) and the supervisor's pathway decision.
 * Facility care (odgj, medical) is then in linking; the others await the comprehensive assessment.
 */
export async function decided(handle: CaseHandle, pathway: CaseView['pathway'], category?: CaseView['category']): Promise<CommandResult> {
  await act(handle, CM, { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'has_capacity', needs: [] });
  return act(handle, SUP, { type: 'decidePathway', pathway, ...(category ? { category } : {}) });
}

/**
 * Waits until the case shows `value` for a search attribute: cases publish them in the workflow task
 * after a step's write ('publish-after-write-v1'), a moment after its rows.
 */
export async function searchAttributeShows(handle: Pick<CaseHandle, 'describe'>, key: (typeof SA)[keyof typeof SA], value: string | number | undefined): Promise<void> {
  let seen: unknown;
  await eventually(async () => {
    seen = (await handle.describe()).typedSearchAttributes.get(key as (typeof SA)['region']);
    return seen === value ? true : undefined;
  }, `${key.name} = ${String(value)} (last seen ${String(seen)})`);
}
