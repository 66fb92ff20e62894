// A training session as the read model holds it: the session, its groups, and each group's record — its
// case's own timeline and the refusals the API kept — scored against the model answer the session ran
// (domain/training/score.ts) and ranked. Read by the trainer's GET, the debrief and the CLI.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseEvents, cases, trainingGroups, trainingRefusals, trainingSessions } from '../../db/schema';
import { HOUR } from '../../domain/time';
import type { GroupRecord, GroupScore } from '../../domain/training/model';
import { rankGroups, scoreGroup } from '../../domain/training/score';
import type { Principal } from '../http/principal';
import { canSeeRegion } from '../http/principal';
import { ProblemError } from '../http/problem';

export type SessionRow = typeof trainingSessions.$inferSelect;
export type GroupRow = typeof trainingGroups.$inferSelect;

/** The session as its trainer (or an admin of its region) may see it; to anyone else it does not exist. */
export async function sessionFor(db: Db, principal: Principal, sessionId: string): Promise<SessionRow> {
  const [session] = await db.select().from(trainingSessions).where(eq(trainingSessions.sessionId, sessionId));
  const allowed = session && (session.trainerId === principal.id || (principal.role === 'admin' && canSeeRegion(principal, session.regionCode)));
  if (!allowed) throw ProblemError.of('TRAINING_SESSION_NOT_FOUND');
  return session;
}

export function groupsOf(db: Db, sessionId: string): Promise<GroupRow[]> {
  return db.select().from(trainingGroups).where(eq(trainingGroups.sessionId, sessionId)).orderBy(asc(trainingGroups.position));
}

/**
 * Each group's work as scoring reads it: its case's timeline and its refused commands, in order — up to the
 * session's end once the trainer ended it (the cases run on until deleted; their later timers are not the
 * groups' answer).
 */
export async function groupRecords(db: Db, session: SessionRow, groups: GroupRow[]): Promise<GroupRecord[]> {
  const caseIds = groups.map((g) => g.caseId);
  if (caseIds.length === 0) return [];
  const [rows, events, refusals] = await Promise.all([
    db.select({ caseId: cases.caseId, openedAt: cases.openedAt }).from(cases).where(inArray(cases.caseId, caseIds)),
    db.select().from(caseEvents).where(inArray(caseEvents.caseId, caseIds)).orderBy(asc(caseEvents.caseId), asc(caseEvents.seq)),
    db.select().from(trainingRefusals).where(and(eq(trainingRefusals.sessionId, session.sessionId), inArray(trainingRefusals.caseId, caseIds))).orderBy(asc(trainingRefusals.id)),
  ]);
  const inSession = (at: Date) => !session.endedAt || at <= session.endedAt;
  return groups.map((g) => ({
    group: g.name,
    caseId: g.caseId,
    // A case the read model does not hold yet opened with the session, for all scoring can tell.
    openedAt: (rows.find((r) => r.caseId === g.caseId)?.openedAt ?? session.startedAt).toISOString(),
    timeScale: session.timeScale,
    events: events
      .filter((e) => e.caseId === g.caseId && inSession(e.at))
      .map((e) => ({ seq: e.seq, type: e.type, at: e.at.toISOString(), actorRole: e.actorRole, data: e.data })),
    refusals: refusals.filter((r) => r.caseId === g.caseId && inSession(r.at)).map((r) => ({ at: r.at.toISOString(), command: r.command, code: r.code })),
    finishedAt: g.finishedAt?.toISOString() ?? null,
  }));
}

export interface ScoredGroup {
  rank: number;
  group: GroupRow;
  record: GroupRecord;
  score: GroupScore;
}

/** The groups scored against the session's model answer, best first. */
export async function scoredGroups(db: Db, session: SessionRow): Promise<ScoredGroup[]> {
  const groups = await groupsOf(db, session.sessionId);
  const records = await groupRecords(db, session, groups);
  const scores = records.map((r) => scoreGroup(session.scenario.modelAnswer, r));
  return rankGroups(scores).map((score, i) => {
    const at = records.findIndex((r) => r.group === score.group);
    return { rank: i + 1, group: groups[at]!, record: records[at]!, score };
  });
}

/** Simulated hours since the session started (until it ended): what the script has played up to. */
export function simulatedHoursOf(session: SessionRow, now: Date): number {
  const until = session.endedAt ?? now;
  return Math.max(0, (until.getTime() - session.startedAt.getTime()) / session.timeScale / HOUR);
}

/** The session and its ranked groups, as GET /v1/training/sessions/:id answers. */
export async function sessionView(db: Db, session: SessionRow, now: Date) {
  const ranked = await scoredGroups(db, session);
  return {
    session: {
      sessionId: session.sessionId,
      scenario: { id: session.scenarioId, version: session.scenarioVersion, title: session.scenario.title },
      trainerId: session.trainerId,
      regionCode: session.regionCode,
      timeScale: session.timeScale,
      startedAt: session.startedAt.toISOString(),
      endedAt: session.endedAt?.toISOString() ?? null,
      simulatedHours: simulatedHoursOf(session, now),
    },
    groups: ranked.map(({ rank, group, record, score }) => ({
      rank,
      name: group.name,
      members: group.members,
      caseId: group.caseId,
      finishedAt: record.finishedAt,
      score: { total: score.total, max: score.max, items: score.items },
      record: { openedAt: record.openedAt, timeScale: record.timeScale, events: record.events, refusals: record.refusals },
    })),
  };
}
