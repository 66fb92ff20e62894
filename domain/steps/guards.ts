// The checks most rules start with, so that each rule reads as the list of what practice requires.
import type { CaseFile } from '../case/file';
import type { DeadlineKind } from '../policy';
import type { RuleCode } from '../rule-codes';

export const stageIs = (file: CaseFile, ...stages: CaseFile['stage'][]): RuleCode | undefined =>
  stages.includes(file.stage) ? undefined : 'WRONG_STAGE';

export const pathwayIs = (file: CaseFile, ...pathways: CaseFile['pathway'][]): RuleCode | undefined =>
  pathways.includes(file.pathway) ? undefined : 'WRONG_PATHWAY';

/** Steps that exist only under rules v3 (hand-offs between agencies). */
export const olderRules = (file: CaseFile): RuleCode | undefined => (file.rules < 3 ? 'OLDER_RULES' : undefined);

/** Rules v3: a supervisor has decided the pathway (a group's members by the batch that opened them). */
export const pathwayDecided = (file: CaseFile) => file.pathwayDecisions.length > 0;

/** The first reason to refuse, in the order given. */
export const first = (...codes: (RuleCode | undefined)[]) => codes.find((c) => c !== undefined);

/** A step's deadline: which kind, running since when. */
export interface StepDeadline {
  kind: DeadlineKind;
  since: string;
}

/**
 * Rules v6: a child is anyone under 18, whatever the cluster: an abandoned child, but also a trafficked or
 * displaced one — from intake's estimated age, or a birth date found later.
 */
export function isChild(file: Pick<CaseFile, 'category' | 'minor' | 'identity'>, now: Date): boolean {
  if (file.category === 'anak_terlantar' || file.minor) return true;
  const born = file.identity?.birthDate;
  if (!born) return false;
  const eighteenth = new Date(born);
  eighteenth.setUTCFullYear(eighteenth.getUTCFullYear() + 18);
  return eighteenth.getTime() > now.getTime();
}
