// Sigap under the escalation benchmark: real intakes (the API's own input and start) of high-risk ODGJ
// reports, received at one moment, so every one-hour first-response deadline, scaled, falls due together.
// A fired deadline writes `deadline.missed` to the timeline and a level-1 notice per audience to the outbox.
import type { Client } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createActivities } from '../../activities';
import { caseInputFrom, startCaseWorkflow } from '../../api/cases/intake';
import { openCaseBody } from '../../api/cases/schemas';
import type { WorkerLimits } from '../../config/env';
import type { Db } from '../../db/client';
import { caseEvents, notifications } from '../../db/schema';
import { HOUR } from '../../domain/time';
import type { createDataConverter } from '../../temporal/data-converter';
import { WORKFLOWS_PATH } from '../../temporal/worker';
import { caseWorkflowId } from '../../workflows/case/contract';
import type { Counts, Outcome, System } from './phase';
import { anyOf, dueTimes, duplicates, lastOf, sorted } from './rows';

const BODY = openCaseBody.parse({ category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'high', regionCode: '64.72', report: { channel: 'call_centre' } });

/** Level 1 of the ladder tells the case manager and the supervisor (domain/notifications.ts). */
const AUDIENCES = ['case_manager', 'supervisor'];

export interface SystemDeps {
  db: Db;
  /** Sigap's client: the encrypting data converter below. */
  client: Client;
  dataConverter: ReturnType<typeof createDataConverter>;
  connection: NativeConnection;
  limits: WorkerLimits;
}

export function sigapSystem({ db, client, dataConverter, connection, limits }: SystemDeps): System {
  const missedRows = (caseIds: string[]) => and(anyOf(caseEvents.caseId, caseIds), eq(caseEvents.type, 'deadline.missed'));
  const noticeRows = (caseIds: string[]) => and(anyOf(notifications.caseId, caseIds), eq(notifications.template, 'escalation.level1'), inArray(notifications.audience, AUDIENCES));
  const casesWith = async (caseIds: string[], type: string) => {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${caseEvents.caseId})::int` })
      .from(caseEvents)
      .where(and(anyOf(caseEvents.caseId, caseIds), eq(caseEvents.type, type)));
    return row?.n ?? 0;
  };
  return {
    name: 'Sigap',
    notificationsPerCase: AUDIENCES.length,
    client,
    workflowId: caseWorkflowId,
    createWorker: (taskQueue) =>
      Worker.create({ connection, taskQueue, workflowsPath: WORKFLOWS_PATH, activities: createActivities({ db }), dataConverter, ...limits }),
    start(caseId, taskQueue, receivedAt, dueAt) {
      // The clock starts at intake (receivedAt), and the one-hour deadline is scaled to end at `dueAt`.
      const input = { ...caseInputFrom(caseId, BODY, { id: 'bench', role: 'operator' }, { policy: {} }), receivedAt: new Date(receivedAt).toISOString(), policy: { timeScale: (dueAt - receivedAt) / HOUR } };
      return startCaseWorkflow(client, taskQueue, input);
    },
    async counts(caseIds): Promise<Counts> {
      const [notified] = await db
        .select({ n: sql<number>`count(distinct (${notifications.caseId}, ${notifications.audience}))::int` })
        .from(notifications)
        .where(noticeRows(caseIds));
      return { fired: await casesWith(caseIds, 'deadline.missed'), notified: notified?.n ?? 0 };
    },
    async outcome(caseIds, dueAt): Promise<Outcome> {
      const missed = await db.select({ caseId: caseEvents.caseId, at: caseEvents.at, data: caseEvents.data, recordedAt: caseEvents.recordedAt }).from(caseEvents).where(missedRows(caseIds));
      const notices = await db
        .select({ caseId: notifications.caseId, audience: notifications.audience, staffId: notifications.staffId, createdAt: notifications.createdAt })
        .from(notifications)
        .where(noticeRows(caseIds));
      const due = dueTimes(missed.map((e) => ({ caseId: e.caseId, dueAt: new Date(String(e.data.dueAt)).getTime() })));
      return {
        fired: new Set(missed.map((e) => e.caseId)).size,
        notified: new Set(notices.map((r) => `${r.caseId}:${r.audience}`)).size,
        duplicateTimeline: duplicates(missed.map((e) => e.caseId)),
        // A Kasi notice goes once to each registered holder of the role: one row per holder is no duplicate.
        duplicateOutbox: duplicates(notices.map((r) => `${r.caseId}:${r.audience}:${r.staffId ?? ''}`)),
        timerLateness: sorted(missed.map((e) => e.at.getTime() - (due.byCase.get(e.caseId) ?? dueAt))),
        outboxLateness: sorted(notices.map((r) => r.createdAt.getTime() - (due.byCase.get(r.caseId) ?? dueAt))),
        dueSpreadMs: due.spreadMs,
        lastWriteAt: lastOf([...missed.map((e) => e.recordedAt), ...notices.map((r) => r.createdAt)]),
      };
    },
    async atDue(caseIds) {
      const [opened, reminded] = [await casesWith(caseIds, 'case.opened'), await casesWith(caseIds, 'deadline.reminder')];
      return `${opened} of ${caseIds.length} cases had recorded case.opened and ${reminded} their half-time reminder`;
    },
  };
}
