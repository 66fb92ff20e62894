// Plays a training scenario through the pure rules on a simulated clock, without Temporal: the script's
// partner reports at their hours (applied as the case's partnerReport handler applies them), timers as
// they fall due, and the model answer's demo steps each as soon as it may be given — what a perfect group
// does. Returns the group's record as scoring reads it, so a test can prove the model answer earns full
// points under the rules the workflow really runs.
import type { DomainEvent } from '../../domain/case/changes';
import { openCaseFile } from '../../domain/case/open';
import type { CaseFile } from '../../domain/case/file';
import { currentCategory, defaultPathway } from '../../domain/categories';
import type { CaseCommand } from '../../domain/commands';
import { reportNotApplied } from '../../domain/integration/reports';
import { DEFAULT_POLICY } from '../../domain/policy';
import type { Actor } from '../../domain/roles';
import { SYSTEM_ACTOR } from '../../domain/roles';
import { fireDue, nextDue } from '../../domain/scheduler';
import { execute, refusal } from '../../domain/steps/index';
import { HOUR, MINUTE } from '../../domain/time';
import type { GroupRecord } from '../../domain/training/model';
import type { Scenario } from '../../api/training/scenarios';

const T0 = new Date('2026-03-02T00:00:00Z');
/** A perfect group still takes a moment to act. */
const GAP = 15 * MINUTE;

export const PLAYERS: Record<'operator' | 'case_manager' | 'supervisor', Actor> = {
  operator: { id: 'op-latihan', role: 'operator' },
  case_manager: { id: 'cm-latihan', role: 'case_manager' },
  supervisor: { id: 'spv-latihan', role: 'supervisor' },
};

export interface Played {
  record: GroupRecord;
  file: CaseFile;
}

/** The model answer, played; `skip` leaves steps out (and `late` gives a step this many hours later). */
export function playModelAnswer(scenario: Scenario, opts: { late?: Record<string, number> } = {}): Played {
  const policy = DEFAULT_POLICY;
  const intake = scenario.intake;
  const category = currentCategory(intake.category);
  const file = openCaseFile(
  { caseId: '0b5e55ed-0000-4000-8000-000000000001', category, pathway: intake.pathway ?? defaultPathway(category), riskLevel: intake.riskLevel, regionCode: intake.regionCode, openedBy: PLAYERS.operator, assignedWorker: PLAYERS.case_manager.id },
    T0,
    6,
  );
  if (intake.subject.estimatedAge !== undefined && intake.subject.estimatedAge < 18) file.minor = true;
  file.training = { sessionId: 'latihan', group: 'A' };
  const events: GroupRecord['events'] = [];
  const record = (happened: DomainEvent[], actor: Actor, at: Date) => {
    for (const e of happened) events.push({ seq: events.length, type: e.type, at: at.toISOString(), actorRole: actor.role, data: { ...e.data } });
  };
  record([{ type: 'case.opened', data: { channel: intake.report.channel, pathway: file.pathway } }], PLAYERS.operator, T0);
  const script = scenario.script.map((s, index) => ({ ...s, index })).sort((a, b) => a.atHours - b.atHours || a.index - b.index);
  let now = T0;

  const sentAt = (s: (typeof script)[number]) => new Date(T0.getTime() + s.atHours * HOUR);
  const report = (s: (typeof script)[number]) => {
    const reportId = `latihan-${s.index}`;
    if (file.partnerReports.includes(reportId)) return;
    file.partnerReports.push(reportId);
    const actor: Actor = { id: String(s.report.partnerId), role: 'partner' };
    const command = s.report.command as CaseCommand;
    const ctx = { actor, now, policy };
    const code = refusal(file, command, ctx);
    if (code) record(reportNotApplied(file, { reportId, command }, code, now), actor, now);
    else record(execute(file, command, ctx), actor, now);
  };
  /** The next moment something happens by itself: a scripted report or a timer. */
  const nextMoment = (): Date | undefined => {
    const s = script[0] && sentAt(script[0]);
    const due = nextDue(file, policy);
    const t = due && new Date(due.at);
    return s && t ? (s < t ? s : t) : (s ?? t);
  };
  const advanceTo = (until: Date) => {
    for (let next = nextMoment(); next && next <= until; next = nextMoment()) {
      now = next > now ? next : now;
      record(fireDue(file, now, policy), SYSTEM_ACTOR, now);
      while (script[0] && sentAt(script[0]) <= now) report(script.shift()!);
    }
    if (until > now) now = until;
    record(fireDue(file, now, policy), SYSTEM_ACTOR, now);
  };

  for (const step of scenario.modelAnswer.steps) {
    const demo = step.demo;
    if (!demo) throw new Error(`${scenario.id}: step ${step.id} has no demo to play`);
    while (demo.whenEvent && !events.some((e) => e.type === demo.whenEvent)) {
      const next = nextMoment();
      if (!next) throw new Error(`${scenario.id}: step ${step.id} waits for ${demo.whenEvent}, which never comes`);
      advanceTo(next);
    }
    advanceTo(new Date(now.getTime() + GAP + (opts.late?.[step.id] ?? 0) * HOUR));
    const actor = PLAYERS[demo.role];
    const ctx = { actor, now, policy, scope: [intake.regionCode.slice(0, 2)] };
    const code = refusal(file, demo.body, ctx);
    if (code) throw new Error(`${scenario.id}: step ${step.id} (${demo.body.type}) refused: ${code}`);
    record(execute(file, demo.body, ctx), actor, now);
  }
  return { record: { group: 'A', caseId: file.caseId, openedAt: T0.toISOString(), timeScale: 1, events, refusals: [], finishedAt: now.toISOString() }, file };
}
