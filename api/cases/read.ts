// Reading a case: the read-model row and the live workflow, the timeline, and who may see which case.
import { WorkflowNotFoundError } from '@temporalio/client';
import { and, asc, eq, gt } from 'drizzle-orm';
import { caseEvents, cases } from '../../db/schema';
import type { Visibility } from '../../domain/access';
import { visibility } from '../../domain/access';
import type { AccessGrant } from '../../domain/case/handoffs';
import type { CaseView } from '../../workflows/case/contract';
import { caseWorkflowId, getCaseQuery } from '../../workflows/case/contract';
import type { ServiceDeps } from '../deps';
import type { Principal } from '../http/principal';
import { ProblemError } from '../http/problem';

export type CaseRow = typeof cases.$inferSelect;

export interface CaseDetails {
  record: CaseRow | null;
  live: CaseView | null;
}

export async function readCase(deps: ServiceDeps, caseId: string): Promise<CaseDetails> {
  const [record] = await deps.db.select().from(cases).where(eq(cases.caseId, caseId));
  try {
    const live = await deps.client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery);
    return { record: record ?? null, live };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      if (!record) throw ProblemError.of('CASE_NOT_FOUND');
      return { record, live: null };
    }
    throw err;
  }
}

export type { Visibility };

export interface CaseAccess {
  regionCode: string;
  access?: AccessGrant[] | undefined;
  /** The region of the unit a pending or accepted transfer goes to. */
  transferToRegion?: string | null | undefined;
}

export function visibilityOf(principal: Principal, c: CaseAccess, now = new Date()): Visibility | undefined {
  return visibility(c, principal.regions, now);
}

/** The live case's access, for a case the read model does not hold yet. */
function liveAccess(view: CaseView): CaseAccess {
  const t = view.transfers?.at(-1);
  return { regionCode: view.regionCode, access: view.access, transferToRegion: t && (t.status === 'requested' || t.status === 'accepted') ? t.regionCode : null };
}

/**
 * Someone else's case, or none at all, is "not found": its existence is not the caller's to learn. The
 * read model trails a new case by one activity, so a case it does not hold yet is asked for its region
 * directly (a command right after intake must not be told the case does not exist).
 */
export async function assertVisible(deps: Pick<ServiceDeps, 'db' | 'client'>, principal: Principal, caseId: string): Promise<{ visibility: Visibility; access: CaseAccess }> {
  const [row] = await deps.db
    .select({ regionCode: cases.regionCode, access: cases.access, transferToRegion: cases.transferToRegion, transferStatus: cases.transferStatus })
    .from(cases)
    .where(eq(cases.caseId, caseId));
  let access: CaseAccess | undefined = row && {
    regionCode: row.regionCode,
    access: row.access,
    transferToRegion: row.transferStatus === 'requested' || row.transferStatus === 'accepted' ? row.transferToRegion : null,
  };
  if (!access) {
    try {
      access = liveAccess(await deps.client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery));
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }
  const visibility = access && visibilityOf(principal, access);
  if (!access || !visibility) throw ProblemError.of('CASE_NOT_FOUND');
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
    data: e.data,
  }));
  return { items, nextAfter: events.length > limit ? items.at(-1)!.seq : null };
}
