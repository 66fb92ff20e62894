// Which staff commands practice allows, as pure functions: each returns the refusal code, or undefined.
import type { Role } from './roles';
import type { RuleCode } from './rule-codes';
import type { CaseStatus, Stage } from './stages';

export interface CaseFacts {
  status: CaseStatus;
  stage: Stage;
  acknowledged: boolean;
}

const FIRST_RESPONDERS: readonly Role[] = ['operator', 'case_manager', 'supervisor', 'admin'];

export function acknowledgeRefusal(facts: CaseFacts, role: Role): RuleCode | undefined {
  if (!FIRST_RESPONDERS.includes(role)) return 'ROLE_NOT_ALLOWED';
  if (facts.status !== 'open') return 'CASE_NOT_OPEN';
  if (facts.acknowledged) return 'ALREADY_ACKNOWLEDGED';
  if (facts.stage !== 'identification') return 'WRONG_STAGE';
  return undefined;
}
