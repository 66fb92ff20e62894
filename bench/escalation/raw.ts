// The raw-Temporal floor under the escalation benchmark: the same N deadlines due at the same moment, each
// a minimal workflow that sleeps and then writes one timeline row and one outbox row (bench/raw-floor/).
// Default data converter (no codec): what Temporal and the two rows cost before anything Sigap adds.
// Shaped, the same floor issues the Temporal commands a fired Sigap deadline issues (an upsert of the
// escalation level, the timer of the next rung): what those commands cost, apart from Sigap's code.
import { Client } from '@temporalio/client';
import type { Connection } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import { and, eq, sql } from 'drizzle-orm';
import type { WorkerLimits } from '../../config/env';
import type { Db } from '../../db/client';
import { createFloorActivities } from '../raw-floor/activities';
import { benchOutbox, benchTimeline, ensureFloorTables } from '../raw-floor/tables';
import type { rawFloorWorkflow, rawShapedWorkflow } from '../raw-floor/workflows';
import { SA } from '../../workflows/search-attributes';
import { HOUR } from '../../domain/time';
import type { Counts, Outcome, System } from './phase';
import { anyOf, dueTimes, duplicates, lastOf, sorted } from './rows';

export interface RawDeps {
  db: Db;
  /** The benchmark's client connection; the floor's client on it has no codec. */
  connection: Connection;
  nativeConnection: NativeConnection;
  limits: WorkerLimits;
}

export async function rawSystem({ db, connection, nativeConnection, limits }: RawDeps, shaped = false): Promise<System> {
  await ensureFloorTables(db);
  const client = new Client({ connection });
  const timelineRows = (caseIds: string[]) => and(anyOf(benchTimeline.caseId, caseIds), eq(benchTimeline.type, 'deadline.missed'));
  const outboxRows = (caseIds: string[]) => anyOf(benchOutbox.caseId, caseIds);
  return {
    name: shaped ? "raw Temporal with Sigap's commands" : 'raw Temporal',
    notificationsPerCase: 1,
    client,
    workflowId: (caseId) => `${shaped ? 'shaped' : 'floor'}-${caseId}`,
    createWorker: (taskQueue) =>
      Worker.create({
        connection: nativeConnection,
        taskQueue,
        workflowsPath: require.resolve('../raw-floor/workflows'),
        activities: createFloorActivities(db),
        ...limits,
      }),
    start: (caseId, taskQueue, _receivedAt, dueAt) =>
      shaped
        ? client.workflow.start<typeof rawShapedWorkflow>('rawShapedWorkflow', {
            workflowId: `shaped-${caseId}`,
            taskQueue,
            args: [{ caseId, dueAt: new Date(dueAt).toISOString(), nextDueAt: new Date(dueAt + HOUR).toISOString() }],
            // Started as Sigap's cases are, with attributes an upsert then changes.
            typedSearchAttributes: [
              { key: SA.region, value: '64.72' },
              { key: SA.escalationLevel, value: 0 },
              { key: SA.nextDeadline, value: new Date(dueAt) },
            ],
          })
        : client.workflow.start<typeof rawFloorWorkflow>('rawFloorWorkflow', { workflowId: `floor-${caseId}`, taskQueue, args: [{ caseId, dueAt: new Date(dueAt).toISOString() }] }),
    async counts(caseIds): Promise<Counts> {
      const [fired] = await db.select({ n: sql<number>`count(distinct ${benchTimeline.caseId})::int` }).from(benchTimeline).where(timelineRows(caseIds));
      const [notified] = await db.select({ n: sql<number>`count(distinct ${benchOutbox.caseId})::int` }).from(benchOutbox).where(outboxRows(caseIds));
      return { fired: fired?.n ?? 0, notified: notified?.n ?? 0 };
    },
    async outcome(caseIds, dueAt): Promise<Outcome> {
      const timeline = await db.select().from(benchTimeline).where(timelineRows(caseIds));
      const outbox = await db.select().from(benchOutbox).where(outboxRows(caseIds));
      const due = dueTimes(timeline.map((e) => ({ caseId: e.caseId, dueAt: new Date(String(e.data.dueAt)).getTime() })));
      return {
        fired: new Set(timeline.map((e) => e.caseId)).size,
        notified: new Set(outbox.map((r) => r.caseId)).size,
        duplicateTimeline: duplicates(timeline.map((e) => e.caseId)),
        duplicateOutbox: duplicates(outbox.map((r) => r.caseId)),
        timerLateness: sorted(timeline.map((e) => e.at.getTime() - (due.byCase.get(e.caseId) ?? dueAt))),
        outboxLateness: sorted(outbox.map((r) => r.createdAt.getTime() - (due.byCase.get(r.caseId) ?? dueAt))),
        dueSpreadMs: due.spreadMs,
        lastWriteAt: lastOf([...timeline.map((e) => e.recordedAt), ...outbox.map((r) => r.createdAt)]),
      };
    },
  };
}
