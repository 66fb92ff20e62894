// The contract between the API and the case workflow: IDs, task queue, message definitions, payload types
// and search attribute keys. Imported by both sides, so it must stay sandbox-safe.
import type { UpdateDefinition } from '@temporalio/common';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PolicyOverrides } from '../domain/policy';
import type { Actor } from '../domain/roles';
import type { CaseFile } from '../domain/case-file';
import type { Intake } from '../domain/open-case';
import type { CaseCommand, CommandType } from '../domain/commands';
import type { ReturneeStatus } from '../domain/partner-calls';
import { COMMAND_TYPES } from '../domain/commands';

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

export interface OpenCaseInput extends Intake {
  report: { channel: ReportChannel; summary?: string };
  subject: SubjectDetails;
  /** Deployment overrides and simulation scale, fixed for the life of the case. */
  policy?: PolicyOverrides;
  /** History length after which the case continues as new (default 8,000 events; lower in tests). */
  historyLimit?: number;
  /** The deployment has partner services: the case requests admissions, transport and tracing itself. */
  partnerIntegration?: boolean;
  /** A returnee in a group repatriation: the batch books the trip home for everyone. */
  group?: { batchId: string };
}

export interface DeadlineView {
  kind: string;
  dueAt: string;
}

/** The live case as staff see it: the case file plus the intake details and the next moment it waits for. */
export type CaseView = Omit<CaseFile, 'fired' | 'partnerReports' | 'version' | 'integration'> & {
  subject: SubjectDetails;
  report: OpenCaseInput['report'];
  nextDeadline: DeadlineView | null;
  policyVersion: string;
};

/** A staff command, with who gives it; the Update is named after the command type. */
export interface CommandRequest {
  actor: Actor;
  command: CaseCommand;
}

/** Facts partners report back (RSJ, transport, providers), as commands a partner may give. */
export type PartnerCommand = Extract<
  CaseCommand,
  {
    type: 'recordReferralDecision' | 'recordTransport' | 'recordObservationResult' | 'requestExtension' | 'recordServiceDelivered' | 'recordFamilyTracing';
  }
>;

export interface PartnerReport {
  /** Opaque id of the partner organisation. */
  partnerId: string;
  /** The partner's own id for this callback: repeats are ignored. */
  reportId: string;
  command: PartnerCommand;
}

/** Continue-as-new carries the case file over to the next run. */
export interface CaseWorkflowInput extends OpenCaseInput {
  resume?: { file: CaseFile; seq: number };
}

export const getCaseQuery = defineQuery<CaseView>('getCase');

/** Batch -> case: the group's shared trip home was booked or cancelled. */
export interface GroupTrip {
  event: 'booked' | 'cancelled';
  /** The plan it belongs to: a re-planned trip has a higher version. */
  planVersion: number;
}
export const groupTripSignal = defineSignal<[GroupTrip]>('groupTrip');

/** Case -> batch: where a returnee stands. */
export interface ReturneeUpdate {
  caseId: string;
  status: ReturneeStatus;
}
export const returneeUpdateSignal = defineSignal<[ReturneeUpdate]>('returneeUpdate');

export function batchWorkflowId(batchId: string): string {
  return `batch-${batchId}`;
}
export const partnerReportSignal = defineSignal<[PartnerReport]>('partnerReport');

const commandUpdates = Object.fromEntries(
  COMMAND_TYPES.map((type) => [type, defineUpdate<CaseView, [CommandRequest]>(type)]),
) as Record<CommandType, UpdateDefinition<CaseView, [CommandRequest]>>;

/** The Update for a command type; its name is the command type, so the Web UI shows what was done. */
export function commandUpdate(type: CommandType): UpdateDefinition<CaseView, [CommandRequest]> {
  return commandUpdates[type];
}

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

// Group repatriation: one batch workflow per group returning to the same origin region.

export interface GroupMember {
  caseId: string;
  subject: SubjectDetails;
  riskLevel: OpenCaseInput['riskLevel'];
}

export interface GroupRepatriationInput {
  batchId: string;
  category: OpenCaseInput['category'];
  /** Where the group is now (the responsible kabupaten/kota). */
  regionCode: string;
  /** Where they are going: the origin province or kabupaten/kota. */
  originRegionCode: string;
  /** The origin Dinsos that receives them (an opaque agency code, e.g. DINSOS-32). */
  originAgency: string;
  members: GroupMember[];
  openedBy: Actor;
  report: OpenCaseInput['report'];
  policy?: PolicyOverrides;
  partnerIntegration?: boolean;
  assignedWorker?: string;
}

export type BatchStatus = 'gathering' | 'booking' | 'confirming' | 'travelling' | 'replanning' | 'completed';

export interface BatchView {
  batchId: string;
  status: BatchStatus;
  regionCode: string;
  originRegionCode: string;
  originAgency: string;
  /** Trip plans so far; the last is the current one. */
  plans: { version: number; members: string[]; booked: boolean; outcome: 'pending' | 'travelled' | 'compensated' | 'refused'; reason: string | null }[];
  members: { caseId: string; status: ReturneeStatus }[];
  compensations: { planVersion: number; step: string; outcome: string; at: string }[];
}

export interface ReceptionDecision {
  reportId: string;
  accepted: boolean;
}

export const getBatchQuery = defineQuery<BatchView>('getBatch');
/** The origin Dinsos confirms (or refuses) receiving the group's trip: a partner callback. */
export const receptionDecisionSignal = defineSignal<[ReceptionDecision]>('receptionDecision');
/** A supervisor re-plans a compensated trip, optionally with another receiving agency. */
export const replanUpdate = defineUpdate<BatchView, [{ originAgency?: string; by: Actor }]>('replan');

/** The case reference partners see for a batch ("batch-<id>"), so their callbacks can find it. */
export const BATCH_REF = /^batch-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
