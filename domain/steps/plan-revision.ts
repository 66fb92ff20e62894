// Rules v6: a 90-day review may decide that the plan no longer fits — a service to add, one to stop, a
// different setting. The case manager proposes the revision after such a review (or a case conference that decided it); a supervisor decides
// it as they decided the plan. Approved, added services keep their own schedules from the approval,
// and the case returns to implementation while any service is still to be delivered.
import type { Ctx, DomainEvent } from '../case/changes';
import { moveTo } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { Rules } from '../commands';
import { iso, ms } from '../time';
import { first, stageIs } from './guards';
import { goalsRefusal, outstanding, plannedService, schedule, scheduleFits, settingRefusal } from './plan-schedule';

/**
 * A review or a case conference decided to revise the plan, and no revision was approved since (a refused
 * one may be proposed again, changed, without waiting for the next review).
 */
function revisionDue(file: CaseFile): boolean {
  const asked = [
    ...file.reviews.filter((r) => r.decision === 'revise').map((r) => r.at),
    ...(file.conferences ?? []).filter((c) => c.decisions.includes('revise_plan')).map((c) => c.at),
  ].sort().at(-1);
  return !!asked && (!file.plan?.revisedAt || ms(asked) > ms(file.plan.revisedAt));
}

export const commands: Rules<'proposePlanRevision'> = {
  proposePlanRevision: {
    roles: ['case_manager'],
    check(file, cmd) {
      const plan = file.plan;
      const add = cmd.add ?? [];
      const stop = cmd.stop ?? [];
      const components = [...new Set([...(plan?.components ?? []), ...add.map((s) => s.component)])];
      const newComponents = components.filter((c) => !plan?.components.includes(c));
      const fits = add.every(scheduleFits);
      return first(
        file.rules >= 6 ? undefined : 'OLDER_RULES',
        stageIs(file, 'implementation', 'monitoring'),
        plan?.status === 'approved' ? undefined : 'NOTHING_TO_DECIDE',
        revisionDue(file) ? undefined : 'REVIEW_REQUIRED',
        plan?.revision ? 'REQUEST_PENDING' : undefined,
        add.length || stop.length || (cmd.setting && cmd.setting !== plan?.setting) ? undefined : 'NO_CHANGE',
        stop.every((id) => file.services.some((s) => s.id === id && outstanding(s))) ? undefined : 'UNKNOWN_SERVICE',
        fits ? undefined : 'INVALID_PLAN',
        goalsRefusal(file, newComponents, cmd.goals, components),
        settingRefusal(file, cmd.setting),
      );
    },
    apply(file, cmd, ctx) {
      file.plan!.revision = {
        proposedAt: iso(ctx.now),
        proposedBy: ctx.actor.id,
        add: (cmd.add ?? []).map((s) => ({ component: s.component, dueInDays: s.dueInDays, startInDays: s.startInDays ?? 0 })),
        stop: cmd.stop ?? [],
        setting: cmd.setting ?? null,
        goals: cmd.goals ?? [],
      };
      const r = file.plan!.revision;
      return [{ type: 'plan.revision_proposed', data: { add: r.add.length, stop: r.stop.join(','), setting: r.setting } }];
    },
  },
};

/** The supervisor's decision on a proposed revision (decidePlan, while one is pending). */
export function decideRevision(file: CaseFile, approve: boolean, ctx: Ctx): DomainEvent[] {
  const plan = file.plan!;
  const revision = plan.revision!;
  plan.revision = null;
  plan.decidedAt = iso(ctx.now);
  if (!approve) return [{ type: 'plan.revision_refused', data: {} }];
  const at = iso(ctx.now);
  plan.revisedAt = at;
  for (const s of file.services) if (revision.stop.includes(s.id)) s.stoppedAt = at;
  const added = revision.add.map((s, i) => plannedService(`svc-${file.services.length + i + 1}`, s));
  for (const s of added) schedule(s, ctx);
  file.services.push(...added);
  plan.components = [...new Set([...plan.components, ...added.map((s) => s.component)])];
  // A restated goal replaces the component's earlier one.
  plan.goals = [...(plan.goals ?? []).filter((g) => !revision.goals.some((r) => r.component === g.component)), ...revision.goals];
  if (revision.setting) plan.setting = revision.setting;
  const events: DomainEvent[] = [
    { type: 'plan.revised', data: { added: added.map((s) => s.id).join(','), stopped: revision.stop.join(','), setting: plan.setting } },
  ];
  const remaining = file.services.some(outstanding);
  if (file.stage === 'monitoring' && remaining) events.push(moveTo(file, 'implementation', ctx, 'plan revised'));
  if (file.stage === 'implementation' && !remaining) events.push(moveTo(file, 'monitoring', ctx, 'plan revised: nothing left to deliver'));
  return events;
}
