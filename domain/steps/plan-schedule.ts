// What a plan's services and goals must be, and how their days become dates: shared by the plan and
// (rules v6) its revisions.
import type { Ctx } from '../case/changes';
import type { CareSetting } from '../atensi';
import type { CaseFile, PlannedService } from '../case/file';
import type { PlanGoalInput, PlannedServiceInput } from '../commands';
import { scaled } from '../policy';
import { DAY, plus } from '../time';

/** A service's days are whole and positive; (rules v6) it starts before it is due. */
export const scheduleFits = (s: PlannedServiceInput) =>
  Number.isInteger(s.dueInDays) && s.dueInDays > 0 && (s.startInDays === undefined || (Number.isInteger(s.startInDays) && s.startInDays >= 0 && s.startInDays < s.dueInDays));

/**
 * Rules v6: every component that needs one has a goal and an indicator, and no goal is for a component
 * outside the plan (`allowed`: a revision may restate the goal of a component already planned).
 */
export function goalsRefusal(file: CaseFile, components: readonly string[], goals: readonly PlanGoalInput[] | undefined, allowed: readonly string[] = components) {
  if (file.rules < 6) return undefined;
  const given = goals ?? [];
  const complete = components.every((c) => given.some((g) => g.component === c && g.goal.trim() && g.indicator.trim()));
  return complete && given.every((g) => allowed.includes(g.component) && g.goal.trim() && g.indicator.trim()) ? undefined : 'GOAL_REQUIRED';
}

/** A planned service as the file keeps it; its days become dates when the plan (or revision) is approved. */
export function plannedService(id: string, s: PlannedServiceInput): PlannedService {
  return { id, component: s.component, dueAt: String(s.dueInDays), startAt: String(s.startInDays ?? 0), provider: null, linkedAt: null, deliveredAt: null };
}

/** Fixes a planned service's dates from the approval on the policy's clock. */
export function schedule(s: PlannedService, ctx: Ctx): void {
  s.dueAt = plus(ctx.now, scaled(ctx.policy, Number(s.dueAt) * DAY));
  if (s.startAt !== undefined) s.startAt = plus(ctx.now, scaled(ctx.policy, Number(s.startAt) * DAY));
}

/** A service still to be delivered (a stopped one no longer is). */
export const outstanding = (s: PlannedService) => !s.deliveredAt && !s.stoppedAt;

/**
 * Rules v6: the setting means something — care in the family only with a family ready to receive the
 * person (the latest word: a home visit after the assessment counts); residential care after a transfer
 * stays residential.
 */
export function settingRefusal(file: CaseFile, setting: CareSetting | undefined) {
  if (file.rules < 6 || !setting) return undefined;
  if (file.residentialCare && setting !== 'residential') return 'INVALID_PLAN';
  const visit = file.familyTracing?.homeVisits?.at(-1);
  const ready = visit && (!file.assessment || visit.at > file.assessment.at) ? visit.ready : file.assessment?.familyReady;
  return setting === 'family' && ready === false ? 'FAMILY_NOT_READY' : undefined;
}
