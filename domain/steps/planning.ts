// Step 3, planning (ATENSI, or residential care after a transfer on any pathway): the case manager
// submits a plan of components, a setting and services with due dates; a supervisor approves it within
// the plan-approval deadline (7 / 14 / 14 days by risk).
import { moveTo } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { Rules } from '../commands';
import { SUPERVISORS } from '../roles';
import { iso } from '../time';
import type { StepDeadline } from './guards';
import { first, stageIs } from './guards';
import { plannable } from './linking';
import { decideRevision } from './plan-revision';
import { goalsRefusal, plannedService, schedule, scheduleFits, settingRefusal } from './plan-schedule';

export function deadline(file: CaseFile): StepDeadline {
  return { kind: 'plan_approval', since: file.stepStartedAt };
}

export const commands: Rules<'submitPlan' | 'decidePlan'> = {
  submitPlan: {
    roles: ['case_manager'],
    check(file, cmd) {
      const consistent = cmd.components.length > 0 && cmd.services.length > 0 && cmd.services.every((s) => cmd.components.includes(s.component) && scheduleFits(s));
      return first(
        plannable(file) ? undefined : 'WRONG_PATHWAY',
        stageIs(file, 'planning'),
        // In residential care after a transfer, the plan is the residential setting's.
        file.residentialCare && cmd.setting !== 'residential' ? 'INVALID_PLAN' : undefined,
        file.plan?.status === 'submitted' ? 'REQUEST_PENDING' : undefined,
        consistent ? undefined : 'INVALID_PLAN',
        goalsRefusal(file, cmd.components, cmd.goals),
        settingRefusal(file, cmd.setting),
      );
    },
    apply(file, cmd, ctx) {
      file.plan = { status: 'submitted', submittedAt: iso(ctx.now), decidedAt: null, components: cmd.components, setting: cmd.setting };
      if (file.rules >= 6) file.plan.goals = cmd.goals ?? [];
      // Due dates are fixed when the plan is approved; until then they are offsets.
      file.services = cmd.services.map((s, i) => {
        const planned = plannedService(`svc-${i + 1}`, s);
        if (file.rules < 6) delete planned.startAt;
        return planned;
      });
      return [{ type: 'plan.submitted', data: { components: cmd.components.join(','), setting: cmd.setting, services: cmd.services.length } }];
    },
  },

  decidePlan: {
    // The plan before linking, or (rules v6) a revision proposed after a review.
    roles: SUPERVISORS,
    check: (file) =>
      file.plan?.revision
        ? stageIs(file, 'implementation', 'monitoring')
        : first(stageIs(file, 'planning'), file.plan?.status === 'submitted' ? undefined : 'NOTHING_TO_DECIDE'),
    apply(file, cmd, ctx) {
      if (file.plan?.revision) return decideRevision(file, cmd.approve, ctx);
      const plan = file.plan!;
      plan.decidedAt = iso(ctx.now);
      if (!cmd.approve) {
        plan.status = 'rejected';
        file.services = [];
        return [{ type: 'plan.rejected', data: {} }];
      }
      plan.status = 'approved';
      for (const s of file.services) schedule(s, ctx);
      return [{ type: 'plan.approved', data: {} }, moveTo(file, 'linking', ctx, 'plan approved')];
    },
  },
};
