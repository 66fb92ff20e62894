// The contract between the API and the case workflow: IDs, task queue, message definitions, payload types
// and search attribute keys. Imported by both sides, so it must stay sandbox-safe.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Category, Pathway, RiskLevel } from '../domain/categories';
import type { PolicyOverrides } from '../domain/policy';
import type { Actor } from '../domain/roles';
import type { CaseStatus, Stage } from '../domain/stages';

export const CASE_TASK_QUEUE = 'sigap-cases';

/** Workflow IDs carry only the opaque case id: never a name, NIK or region. */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

export const REPORT_CHANNELS = ['public', 'family', 'satpol_pp', 'police', 'hospital', 'call_centre', 'outreach', 'other_agency'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Personal data about the person the case is for. Lives only in encrypted payloads, never in indexes. */
export interface SubjectDetails {
  name?: string;
  nik?: string;
  sex?: 'male' | 'female' | 'unknown';
  estimatedAge?: number;
  description?: string;
  foundLocation?: string;
}

export interface OpenCaseInput {
  caseId: string;
  category: Category;
  pathway: Pathway;
  riskLevel: RiskLevel;
  /** BPS region code of the responsible kabupaten/kota ("64.72") or province ("64"). */
  regionCode: string;
  openedBy: Actor;
  report: { channel: ReportChannel; summary?: string };
  subject: SubjectDetails;
  assignedWorker?: string;
  /** Deployment overrides and simulation scale, fixed for the life of the case. */
  policy?: PolicyOverrides;
}

export interface DeadlineView {
  kind: string;
  dueAt: string;
}

export interface StageChange {
  from: Stage | null;
  to: Stage;
  at: string;
  by: Actor;
  reason: string;
}

export interface CaseView {
  caseId: string;
  status: CaseStatus;
  stage: Stage;
  pathway: Pathway;
  category: Category;
  riskLevel: RiskLevel;
  regionCode: string;
  assignedWorker: string | null;
  escalationLevel: number;
  nextDeadline: DeadlineView | null;
  openedAt: string;
  acknowledgedAt: string | null;
  policyVersion: string;
  subject: SubjectDetails;
  stageHistory: StageChange[];
}

export interface AcknowledgeInput {
  actor: Actor;
  /** Staff id of the case manager taking the case; defaults to the acknowledging actor. */
  assignedWorker?: string;
  note?: string;
}

export const getCaseQuery = defineQuery<CaseView>('getCase');
export const acknowledgeUpdate = defineUpdate<CaseView, [AcknowledgeInput]>('acknowledge');

// Custom search attributes for supervisors. None of them may ever hold personal data.
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
} as const;

export const SEARCH_ATTRIBUTE_KEYS = Object.values(SA);

/** The province part of a BPS region code ("64.72" -> "64"). */
export function provinceOf(regionCode: string): string {
  return regionCode.slice(0, 2);
}
