// A plan as rules v6 requires it: a goal and an indicator for every component (tests that are not about
// goals state them this way).
import type { CommandOf } from '../../domain/commands';

type Plan = Omit<CommandOf<'submitPlan'>, 'type' | 'goals'>;

export function withGoals(plan: Plan): CommandOf<'submitPlan'> {
  return { type: 'submitPlan', ...plan, goals: plan.components.map((component) => ({ component, goal: `tujuan ${component}`, indicator: `indikator ${component}` })) };
}
