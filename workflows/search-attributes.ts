// Custom search attributes for supervisors in the Temporal Web UI, and their values for a case, computed
// the same way at start (client) and on every change (workflow), so the UI shows a case correctly from
// its first moment. None of them may ever hold personal data.
import type { SearchAttributePair, SearchAttributeUpdatePair } from '@temporalio/common';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { Category, Pathway, RiskLevel } from '../domain/categories';
import { provinceOf } from '../domain/regions';
import type { CaseStatus, Stage } from '../domain/stages';

export const SA = {
  category: defineSearchAttributeKey('SigapCategory', SearchAttributeType.KEYWORD),
  pathway: defineSearchAttributeKey('SigapPathway', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('SigapStage', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('SigapStatus', SearchAttributeType.KEYWORD),
  region: defineSearchAttributeKey('SigapRegion', SearchAttributeType.KEYWORD),
  province: defineSearchAttributeKey('SigapProvince', SearchAttributeType.KEYWORD),
  assignee: defineSearchAttributeKey('SigapAssignee', SearchAttributeType.KEYWORD),
  risk: defineSearchAttributeKey('SigapRisk', SearchAttributeType.KEYWORD),
  escalationLevel: defineSearchAttributeKey('SigapEscalationLevel', SearchAttributeType.INT),
  nextDeadline: defineSearchAttributeKey('SigapNextDeadline', SearchAttributeType.DATETIME),
  /** The receiving region of a transfer waiting for its decision: the receiver's list view. */
  transferTo: defineSearchAttributeKey('SigapTransferTo', SearchAttributeType.KEYWORD),
  /**
   * Simulasi kasus: the training session of a training case, set once at its start (never upserted);
   * unset on real cases, so the UI's list views exclude training with `SigapTraining IS NULL`. The tenth
   * keyword attribute: the dev server's SQL visibility refuses an eleventh ("cannot have more than 10").
   */
  training: defineSearchAttributeKey('SigapTraining', SearchAttributeType.KEYWORD),
} as const;

export const SEARCH_ATTRIBUTE_KEYS = Object.values(SA);

export interface IndexedCaseFields {
  category: Category;
  pathway: Pathway;
  riskLevel: RiskLevel;
  regionCode: string;
  stage: Stage;
  status: CaseStatus;
  assignedWorker: string | null;
  escalationLevel: number;
  nextDeadlineAt: Date | null;
  transferTo?: string | null;
}

/** Pairs for every attribute; a null value (no assignee, no deadline) means "unset". */
export function caseSearchAttributes(f: IndexedCaseFields): SearchAttributeUpdatePair[] {
  return [
    { key: SA.category, value: f.category },
    { key: SA.pathway, value: f.pathway },
    { key: SA.stage, value: f.stage },
    { key: SA.status, value: f.status },
    { key: SA.region, value: f.regionCode },
    { key: SA.province, value: provinceOf(f.regionCode) },
    { key: SA.risk, value: f.riskLevel },
    { key: SA.escalationLevel, value: f.escalationLevel },
    { key: SA.assignee, value: f.assignedWorker },
    { key: SA.nextDeadline, value: f.nextDeadlineAt },
    { key: SA.transferTo, value: f.transferTo ?? null },
  ];
}

/** The same values for a workflow start, where unset attributes are simply left out; a training case's session besides. */
export function initialSearchAttributes(f: IndexedCaseFields, trainingSessionId?: string): SearchAttributePair[] {
  const pairs = caseSearchAttributes(f).filter((p): p is SearchAttributePair => p.value !== null);
  return trainingSessionId ? [...pairs, { key: SA.training, value: trainingSessionId }] : pairs;
}
