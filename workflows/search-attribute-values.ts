// The search attribute values of a case, computed the same way at start (client) and on every change
// (workflow), so the Temporal UI shows a case correctly from its first moment.
import type { SearchAttributePair, SearchAttributeUpdatePair } from '@temporalio/common';
import type { Category, Pathway, RiskLevel } from '../domain/categories';
import type { CaseStatus, Stage } from '../domain/stages';
import { provinceOf, SA } from './contract';

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
  ];
}

/** The same values for a workflow start, where unset attributes are simply left out. */
export function initialSearchAttributes(f: IndexedCaseFields): SearchAttributePair[] {
  return caseSearchAttributes(f).filter((p): p is SearchAttributePair => p.value !== null);
}
