// Training sessions (simulasi kasus): starting one — a real case per group, the same workflow and rules,
// flagged with the session and assigned to one of the group's members, and a driver that plays the
// scenario's partners — ending it, a group saying it is done, the sink's messages, and deleting the
// whole session (workflows and rows) afterwards.
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseEvents, cases, idempotencyKeys, notifications, trainingGroups, trainingMessages, trainingSessions } from '../../db/schema';
import type { PartnerCommand } from '../../domain/commands';
import { caseWorkflowId } from '../../workflows/case/contract';
import type { TrainingDriverInput } from '../../workflows/training/contract';
import { endSessionSignal, trainingWorkflowId } from '../../workflows/training/contract';
import type { trainingSessionWorkflow } from '../../workflows/training/workflow';
import { memberCaseId } from '../batches/service';
import { caseInputFrom, startCaseWorkflow } from '../cases/intake';
import type { ServiceDeps } from '../deps';
import { requestHash, reserve } from '../http/idempotency';
import type { Keyset, Page } from '../http/keyset';
import { keysetPage } from '../http/keyset';
import type { Principal } from '../http/principal';
import { canSeeRegion } from '../http/principal';
import { ProblemError } from '../http/problem';
import { assertAssignable } from '../staff/practice';
import type { SessionRow } from './records';
import { groupsOf } from './records';
import type { Scenario } from './scenarios';
import type { StartSessionBody } from './schemas';

/** The idempotency scope of a trainer's session starts (one key space per trainer, like intake's). */
const scopeOf = (principal: Principal) => `training:${principal.id}`;

export async function startSession(deps: ServiceDeps, principal: Principal, scenario: Scenario, body: StartSessionBody, key: string | undefined) {
  const region = scenario.intake.regionCode;
  if (!canSeeRegion(principal, region)) throw ProblemError.of('REGION_NOT_ALLOWED');
  // The first member carries the group's case: the registry's rules for an assignment apply to them.
  for (const g of body.groups) await assertAssignable(deps.staffDirectory, g.members[0], region);
  const candidate = randomUUID();
  const { resourceId: sessionId, replayed } = key
    ? await reserve(deps.db, scopeOf(principal), key, requestHash(body), candidate)
    : { resourceId: candidate, replayed: false };
  // Each group's case id follows from the session, so a retried start opens the same cases.
  const groups = body.groups.map((g, i) => ({ ...g, caseId: memberCaseId(sessionId, i) }));
  const [earlier] = await deps.db.select().from(trainingSessions).where(eq(trainingSessions.sessionId, sessionId));
  const startedAt = earlier?.startedAt ?? new Date();
  // Rows first: the cases' first writes and their members' first commands find their session.
  await deps.db
    .insert(trainingSessions)
    .values({
      sessionId,
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      scenario: { title: scenario.title, summary: scenario.summary, modelAnswer: scenario.modelAnswer },
      trainerId: principal.id,
      regionCode: region,
      timeScale: body.timeScale,
      startedAt,
    })
    .onConflictDoNothing();
  await deps.db
    .insert(trainingGroups)
    .values(groups.map((g, position) => ({ sessionId, name: g.name, position, caseId: g.caseId, members: g.members })))
    .onConflictDoNothing();
  const openedBy = { id: principal.id, role: principal.role };
  // Real rules on the session's clock, and no partner services: the scenario's driver plays the partners.
  const deployment = { policy: { ...deps.policy, timeScale: body.timeScale } };
  await Promise.all(
    groups.map(async (g) => {
      // No receivedAt: a group's clock starts when its case first runs, not while its neighbours start.
      const { receivedAt: _receivedAt, ...input } = caseInputFrom(g.caseId, { ...scenario.intake, assignedWorker: g.members[0] }, openedBy, deployment);
      await startCaseWorkflow(deps.client, deps.taskQueue, { ...input, training: { sessionId, group: g.name } });
    }),
  );
  const driver: TrainingDriverInput = {
    sessionId,
    caseIds: groups.map((g) => g.caseId),
    startedAt: startedAt.toISOString(),
    timeScale: body.timeScale,
    script: scenario.script.map((s) => ({ atHours: s.atHours, partnerId: String(s.report.partnerId), command: s.report.command as PartnerCommand, summary: s.words[0] })),
  };
  try {
    await deps.client.workflow.start<typeof trainingSessionWorkflow>('trainingSessionWorkflow', {
      workflowId: trainingWorkflowId(sessionId),
      taskQueue: deps.taskQueue,
      args: [driver],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      staticSummary: `simulasi kasus · ${scenario.title[0]} · ${groups.length} kelompok`,
    });
  } catch (err) {
    // A retried start whose session already ended: the cases and the rows are what they were.
    if (!(replayed && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { sessionId, replayed, groups: groups.map((g) => ({ name: g.name, caseId: g.caseId })) };
}

/** The trainer ends the session: the driver stops playing the script; the cases stay for the debrief. */
export async function endSession(deps: ServiceDeps, session: SessionRow): Promise<void> {
  try {
    await deps.client.workflow.getHandle(trainingWorkflowId(session.sessionId)).signal(endSessionSignal);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
  await deps.db
    .update(trainingSessions)
    .set({ endedAt: new Date() })
    .where(and(eq(trainingSessions.sessionId, session.sessionId), isNull(trainingSessions.endedAt)));
}

/** A member says the group is done: the moment its time taken is counted to. */
export async function finishGroup(db: Db, principal: Principal, sessionId: string, name: string): Promise<void> {
  const [group] = await db
    .select()
    .from(trainingGroups)
    .where(and(eq(trainingGroups.sessionId, sessionId), eq(trainingGroups.name, name)));
  if (!group || !group.members.includes(principal.id)) throw ProblemError.of('TRAINING_GROUP_NOT_FOUND');
  const [session] = await db.select({ endedAt: trainingSessions.endedAt }).from(trainingSessions).where(eq(trainingSessions.sessionId, sessionId));
  if (session?.endedAt) throw ProblemError.of('TRAINING_SESSION_ENDED');
  await db
    .update(trainingGroups)
    .set({ finishedAt: new Date() })
    .where(and(eq(trainingGroups.sessionId, sessionId), eq(trainingGroups.name, name), isNull(trainingGroups.finishedAt)));
}

/**
 * Deletes the session as a whole: its driver and its cases' workflows are terminated, then every row of
 * it — cases, timelines, outbox, sink, refusals, groups, the session and its idempotency key. A case's
 * write still in flight finds no session and writes nothing (activities/read-model.ts).
 */
export async function deleteSession(deps: ServiceDeps, session: SessionRow): Promise<void> {
  const groups = await groupsOf(deps.db, session.sessionId);
  const workflowIds = [trainingWorkflowId(session.sessionId), ...groups.map((g) => caseWorkflowId(g.caseId))];
  await Promise.all(workflowIds.map((id) => terminated(deps, id)));
  const caseIds = groups.map((g) => g.caseId);
  await deps.db.transaction(async (tx) => {
    if (caseIds.length) {
      await tx.delete(caseEvents).where(inArray(caseEvents.caseId, caseIds));
      await tx.delete(cases).where(inArray(cases.caseId, caseIds));
      await tx.delete(notifications).where(inArray(notifications.caseId, caseIds));
    }
    await tx.delete(trainingMessages).where(eq(trainingMessages.sessionId, session.sessionId));
    // Groups and refusals go with the session (on delete cascade).
    await tx.delete(trainingSessions).where(eq(trainingSessions.sessionId, session.sessionId));
    await tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, `training:${session.trainerId}`), eq(idempotencyKeys.resourceId, session.sessionId)));
  });
}

async function terminated(deps: ServiceDeps, workflowId: string): Promise<void> {
  try {
    await deps.client.workflow.getHandle(workflowId).terminate('training session deleted');
  } catch (err) {
    // Already gone (or never started): nothing left to stop.
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}

export type MessageRow = typeof trainingMessages.$inferSelect;

const OLDEST_FIRST: Keyset<MessageRow> = [
  { name: 't', column: trainingMessages.createdAt, kind: 'time', direction: 'asc', value: (m) => m.createdAt },
  { name: 'k', column: trainingMessages.key, kind: 'text', direction: 'asc', value: (m) => m.key },
];

/** What the session's cases would have sent, oldest first: the training sink. */
export function sessionMessages(db: Db, sessionId: string, q: { limit: number; cursor?: string | undefined }): Promise<Page<MessageRow>> {
  return keysetPage(OLDEST_FIRST, q, (after, order, limit) =>
    db
      .select()
      .from(trainingMessages)
      .where(and(eq(trainingMessages.sessionId, sessionId), after))
      .orderBy(...order)
      .limit(limit),
  );
}

