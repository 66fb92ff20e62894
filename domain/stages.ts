// The eight case-management steps (seed 004) as stages. Advocacy is a cross-cutting track, not a stage.
import type { Pathway } from './categories';
import { assertNever } from './categories';

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

/** The stages a pathway moves through, in order. */
export function stagesFor(pathway: Pathway): readonly Stage[] {
  switch (pathway) {
    case 'odgj':
    case 'repatriation':
    case 'atensi':
      return STAGES;
    default:
      return assertNever(pathway);
  }
}

/** A stage change is legal only forwards, one step at a time, along the pathway's stages. */
export function nextStage(pathway: Pathway, current: Stage): Stage | undefined {
  const stages = stagesFor(pathway);
  const index = stages.indexOf(current);
  return index >= 0 ? stages[index + 1] : undefined;
}
