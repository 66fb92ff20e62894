// Step 3, planning (ATENSI, or residential care after a transfer on any pathway): the case manager
// submits a plan of components, a setting and services with due dates; a supervisor approves it within
// the plan-approval deadline (7 / 14 / 14 days by risk).
import { moveTo } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { Rules } from '../commands';
import { scaled } from '../policy';
import { SUPERVISORS } from '../roles';
import { DAY, iso, plus } from '../time';
import type { StepDeadline } from './guards';
import { first, stageIs } from './guards';
import { plannable } from './linking';

export function deadline(file: CaseFile): StepDeadline {
  return { kind: 'plan_approval', since: file.stepStartedAt };
}

export const commands: Rules<'submitPlan' | 'decidePlan'> = {
  submitPlan: {
    roles: ['case_manager'],
    check(file, cmd) {
      const consistent =
        cmd.components.length > 0 &&
        cmd.services.length > 0 &&
        cmd.services.every((s) => cmd.components.includes(s.component) && Number.isInteger(s.dueInDays) && s.dueInDays > 0);
      return first(
        plannable(file) ? undefined : 'WRONG_PATHWAY',
        stageIs(file, 'planning'),
        // In residential care after a transfer, the plan is the residential setting's.
        file.residentialCare && cmd.setting !== 'residential' ? 'INVALID_PLAN' : undefined,
        file.plan?.status === 'submitted' ? 'REQUEST_PENDING' : undefined,
        consistent ? undefined : 'INVALID_PLAN',
      );
    },
    apply(file, cmd, ctx) {
      file.plan = { status: 'submitted', submittedAt: iso(ctx.now), decidedAt: null, components: cmd.components, setting: cmd.setting };
      // Due dates are fixed when the plan is approved; until then they are offsets.
      file.services = cmd.services.map((s, i) => ({
        id: `svc-${i + 1}`,
        component: s.component,
        dueAt: String(s.dueInDays),
        provider: null,
        linkedAt: null,
        deliveredAt: null,
      }));
      return [{ type: 'plan.submitted', data: { components: cmd.components.join(','), setting: cmd.setting, services: cmd.services.length } }];
    },
  },

  decidePlan: {
    roles: SUPERVISORS,
    check: (file) => first(stageIs(file, 'planning'), file.plan?.status === 'submitted' ? undefined : 'NOTHING_TO_DECIDE'),
    apply(file, cmd, ctx) {
      const plan = file.plan!;
      plan.decidedAt = iso(ctx.now);
      if (!cmd.approve) {
        plan.status = 'rejected';
        file.services = [];
        return [{ type: 'plan.rejected', data: {} }];
      }
      plan.status = 'approved';
      for (const s of file.services) s.dueAt = plus(ctx.now, scaled(ctx.policy, Number(s.dueAt) * DAY));
      return [{ type: 'plan.approved', data: {} }, moveTo(file, 'linking', ctx, 'plan approved')];
    },
  },
};
