// Reading a case: the read-model row and the live workflow, the timeline, and who may see which case.
import { WorkflowNotFoundError } from '@temporalio/client';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { prepared } from '../../db/prepared';
import { caseEvents, cases } from '../../db/schema';
import type { Visibility } from '../../domain/access';
import { visibility } from '../../domain/access';
import type { AccessGrant } from '../../domain/case/handoffs';
import type { CaseView } from '../../workflows/case/contract';
import { caseWorkflowId, getCaseQuery } from '../../workflows/case/contract';
import type { ServiceDeps } from '../deps';
import type { Principal } from '../http/principal';
import { dependencyProblem, isDatabaseUnavailable } from '../http/failures';
import { ProblemError } from '../http/problem';
import { isTrainingParticipant } from '../training/access';
import { timelineData } from './current-codes';

export type CaseRow = typeof cases.$inferSelect;

/** The two halves of a case a read can lack while a part is down. */
export type CasePart = 'read_model' | 'workflow';

export interface CaseDetails {
  record: CaseRow | null;
  live: CaseView | null;
  /** Parts that did not answer: the case is served from the other one. */
  unavailable: CasePart[];
}

/**
 * The read-model row and the live case, asked at once. Either may be down: the case is then served from
 * the other half and says which is missing. Only when neither answers does the read fail (503).
 */
export async function readCase(deps: ServiceDeps, caseId: string): Promise<CaseDetails> {
  const [row, query] = await Promise.allSettled([
    deps.db.select().from(cases).where(eq(cases.caseId, caseId)),
    // With no connection to Temporal the read model answers at once rather than after the deadline.
    deps.temporalReachability?.knownDown
      ? Promise.reject(ProblemError.of('TEMPORAL_UNAVAILABLE'))
      : deps.client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery),
  ]);
  const record = row.status === 'fulfilled' ? (row.value[0] ?? null) : null;
  const live = query.status === 'fulfilled' ? query.value : null;
  const archived = query.status === 'rejected' && query.reason instanceof WorkflowNotFoundError;
  const unavailable: CasePart[] = [];
  if (row.status === 'rejected') {
    if (!isDatabaseUnavailable(row.reason)) throw row.reason;
    unavailable.push('read_model');
  }
  if (query.status === 'rejected' && !archived) {
    if (!dependencyProblem(query.reason)) throw query.reason;
    unavailable.push('workflow');
  }
  if (record || live) return { record, live, unavailable };
  // Nothing to show: the case does not exist, or the part that would know is down.
  if (row.status === 'rejected') throw row.reason;
  if (query.status === 'rejected' && !archived) throw query.reason;
  throw ProblemError.of('CASE_NOT_FOUND');
}

export type { Visibility };

export interface CaseAccess {
  regionCode: string;
  access?: AccessGrant[] | undefined;
  /** The region of the unit a pending or accepted transfer goes to. */
  transferToRegion?: string | null | undefined;
  /** Simulasi kasus: the training session the case belongs to (none for real work). */
  trainingSessionId?: string | null | undefined;
}

export function visibilityOf(principal: Principal, c: CaseAccess, now = new Date()): Visibility | undefined {
  return visibility(c, principal.regions, now);
}

/**
 * How the caller sees a case: by region, and a training case besides only as one of its group or its
 * trainer (to anyone else it does not exist, whatever their regions).
 */
export async function seenBy(db: Db, principal: Principal, caseId: string, c: CaseAccess): Promise<Visibility | undefined> {
  const seen = visibilityOf(principal, c);
  if (!seen || !c.trainingSessionId) return seen;
  return (await isTrainingParticipant(db, principal.id, caseId)) ? seen : undefined;
}

/** The live case's access, for a case the read model does not hold yet. */
export function liveAccess(view: CaseView): CaseAccess {
  const t = view.transfers?.at(-1);
  return {
    regionCode: view.regionCode,
    access: view.access,
    transferToRegion: t && (t.status === 'requested' || t.status === 'accepted') ? t.regionCode : null,
    trainingSessionId: view.training?.sessionId ?? null,
  };
}

/** Who may see a case, from its row: asked by every read and every command. */
const accessRowOf = (db: Db) =>
  prepared(db, 'sigap_case_access', (d, name) =>
    d
      .select({
        regionCode: cases.regionCode,
        access: cases.access,
        transferToRegion: cases.transferToRegion,
        transferStatus: cases.transferStatus,
        trainingSessionId: cases.trainingSessionId,
      })
      .from(cases)
      .where(eq(cases.caseId, sql.placeholder('caseId')))
      .prepare(name),
  );

/**
 * Someone else's case, or none at all, is "not found": its existence is not the caller's to learn. The
 * read model trails a new case by one activity, so a case it does not hold yet is asked for its region
 * directly (a command right after intake must not be told the case does not exist).
 */
export async function assertVisible(
  deps: Pick<ServiceDeps, 'db' | 'client'>,
  principal: Principal,
  caseId: string,
  /** Ask the live case even when the row grants full access (a transfer decision needs its latest state). */
  { live = false }: { live?: boolean } = {},
): Promise<{ visibility: Visibility; access: CaseAccess }> {
  let row: { regionCode: string; access: AccessGrant[]; transferToRegion: string | null; transferStatus: string | null; trainingSessionId: string | null } | undefined;
  let readModelDown: unknown;
  try {
    [row] = await accessRowOf(deps.db).execute({ caseId });
  } catch (err) {
    // With the database down, the case itself says who may see it: commands go on.
    if (!isDatabaseUnavailable(err)) throw err;
    readModelDown = err;
  }
  const recorded: CaseAccess | undefined = row && {
    regionCode: row.regionCode,
    access: row.access,
    transferToRegion: row.transferStatus === 'requested' || row.transferStatus === 'accepted' ? row.transferToRegion : null,
    trainingSessionId: row.trainingSessionId,
  };
  const seen = recorded && (await seenBy(deps.db, principal, caseId, recorded));
  if (recorded && seen === 'full' && !live) return { visibility: seen, access: recorded };
  // The read model trails the case by a write (a new case, a transfer just requested or handed over):
  // for anything short of full access the live case decides, and the row answers only when it cannot.
  let access = recorded;
  let liveDown: unknown;
  try {
    access = liveAccess(await deps.client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery));
  } catch (err) {
    const archived = err instanceof WorkflowNotFoundError;
    if (!archived && !(recorded && dependencyProblem(err))) throw readModelDown ?? err;
    if (archived && readModelDown) throw readModelDown;
    if (!archived) liveDown = err;
  }
  const visibility = access && (await seenBy(deps.db, principal, caseId, access));
  if (!access || !visibility) {
    // With a part missing, "not found" would tell an outsider which cases exist (a case that does not
    // exist cannot be ruled out then): the missing part is named instead.
    if (readModelDown ?? liveDown) throw readModelDown ?? liveDown;
    throw ProblemError.of('CASE_NOT_FOUND');
  }
  return { visibility, access };
}

/** The case's timeline (who, when, what), in order, after a given position. */
export async function readTimeline(deps: Pick<ServiceDeps, 'db' | 'client'>, principal: Principal, caseId: string, after: number, limit: number) {
  await assertVisible(deps, principal, caseId);
  const events = await deps.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), gt(caseEvents.seq, after)))
    .orderBy(asc(caseEvents.seq))
    .limit(limit + 1);
  const items = events.slice(0, limit).map((e) => ({
    seq: e.seq,
    type: e.type,
    at: e.at.toISOString(),
    actor: { id: e.actorId, role: e.actorRole },
    stage: e.stage,
    data: timelineData(e.type, e.data),
  }));
  return { items, nextAfter: events.length > limit ? items.at(-1)!.seq : null };
}
