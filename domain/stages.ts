// The eight case-management steps (seed 004) as stages, in order. Which stage follows which is decided by
// the step rules in steps/ (pathways skip some); advocacy is a cross-cutting track, not a stage.
export const STAGES = [
  'identification',
  'assessment',
  'planning',
  'linking',
  'implementation',
  'monitoring',
  'evaluation',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

export const CASE_STATUSES = ['open', 'closed', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
