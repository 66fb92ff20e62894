// The escalation ladder, generic over what is overdue. Rules v2: every overdue matter opens an
// escalation at level 1 (case manager and supervisor) and climbs to level 2 (Kepala Bidang) and 3
// (Kepala Dinas) after the policy's intervals, unless it is resolved or a supervisor acknowledges it.
// Rules v1 (cases opened before the ladder) only raise the case's level to 1; kept so they replay.
import type { DomainEvent } from './case/changes';
import type { CaseFile } from './case/file';
import type { EscalationReason } from './codes';
import type { Policy } from './policy';
import { ladderSteps, scaled } from './policy';
import type { DueContext, Resolvers, Timers } from './timing';
import { plus } from './time';

export function raiseEscalation(file: CaseFile, level: number): void {
  file.escalationLevel = Math.max(file.escalationLevel, level);
}

/** Opens an escalation (rules v2) or raises the level to 1 (rules v1). */
export function escalate(file: CaseFile, reason: EscalationReason, subject: string, key: string, at: string): DomainEvent[] {
  if (file.rules === 1) {
    raiseEscalation(file, 1);
    return [];
  }
  file.escalations.push({ key, reason, subject, since: at, level: 1, acknowledgedBy: null });
  raiseEscalation(file, 1);
  return [{ type: 'escalation.raised', data: { key, reason, subject, level: 1, dueAt: at } }];
}

/**
 * Level 2 and level 3 come these intervals after the matter became overdue (+24 h and +72 h by default;
 * rules v6 per reason and risk, so a low-risk missed visit stays with the Kasi for weeks).
 */
function nextLevelOffset(policy: Policy, file: CaseFile, reason: EscalationReason, level: number): number {
  const steps = ladderSteps(policy, reason, file.riskLevel, file.rules);
  return scaled(policy, level === 1 ? steps.level2After : steps.level3After);
}

/** The next rung of each open escalation; a paused deadline (waiting on an outside party) stops the climb. */
export function due({ file, policy, deadline, add }: DueContext): void {
  if (file.rules < 2 || deadline?.pausedSince) return;
  for (const e of file.escalations) {
    if (e.acknowledgedBy || e.level >= 3) continue;
    add(`ladder:${e.key}:${e.level + 1}`, plus(e.since, nextLevelOffset(policy, file, e.reason, e.level)), 'ladder', e.reason);
  }
}

export const timers: Timers<'ladder'> = {
  ladder: {
    deadline: false,
    fire(file, item) {
      const key = item.key.slice('ladder:'.length, item.key.lastIndexOf(':'));
      const e = file.escalations.find((x) => x.key === key)!;
      e.level += 1;
      raiseEscalation(file, e.level);
      return [{ type: 'escalation.raised', data: { key: e.key, reason: e.reason, subject: e.subject, level: e.level, dueAt: item.at } }];
    },
  },
};

/**
 * Closes the escalations whose matter has been dealt with and recomputes the case's level, so a case
 * de-escalates as soon as it moves on. Rules v1 clears the level when the stage changes instead.
 */
export function settleEscalations(file: CaseFile, policy: Policy, resolved: Resolvers<EscalationReason>): DomainEvent[] {
  if (file.rules === 1) return [];
  const events: DomainEvent[] = [];
  file.escalations = file.escalations.filter((e) => {
    if (file.status === 'open' && !resolved[e.reason](file, e, policy)) return true;
    events.push({ type: 'escalation.resolved', data: { key: e.key, reason: e.reason, subject: e.subject, level: e.level } });
    return false;
  });
  const level = file.escalations.reduce((max, e) => Math.max(max, e.level), 0);
  if (level !== file.escalationLevel) {
    if (level < file.escalationLevel) events.push({ type: 'escalation.level_lowered', data: { from: file.escalationLevel, to: level } });
    file.escalationLevel = level;
  }
  return events;
}
