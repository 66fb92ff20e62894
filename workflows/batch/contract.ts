// The contract of the group repatriation workflow (one batch per group returning to the same origin
// region): its id, input, view and messages. Shared by the API and the workflows; no workflow runtime.
import type { Report, SubjectDetails } from '../../domain/case/open';
import type { Category, RiskLevel } from '../../domain/categories';
import type { BatchStatus, PlanOutcome, ReturneeStatus } from '../../domain/group-trip';
import type { PolicyOverrides } from '../../domain/policy';
import type { Actor } from '../../domain/roles';
import { query, signal, update } from '../messages';

export function batchWorkflowId(batchId: string): string {
  return `batch-${batchId}`;
}

/** The case reference partners see for a batch ("batch-<id>"), so their callbacks can find it. */
export function batchRef(batchId: string): string {
  return `batch-${batchId}`;
}

export interface GroupMember {
  caseId: string;
  subject: SubjectDetails;
  riskLevel: RiskLevel;
}

export interface GroupRepatriationInput {
  batchId: string;
  category: Category;
  /** Where the group is now (the responsible kabupaten/kota). */
  regionCode: string;
  /** Where they are going: the origin province or kabupaten/kota. */
  originRegionCode: string;
  /** The origin Dinsos that receives them (an opaque agency code, e.g. DINSOS-32). */
  originAgency: string;
  members: GroupMember[];
  openedBy: Actor;
  report: Report;
  policy?: PolicyOverrides;
  partnerIntegration?: boolean;
  assignedWorker?: string;
}

export interface TripPlan {
  version: number;
  members: string[];
  booked: boolean;
  outcome: PlanOutcome;
  reason: string | null;
}

export interface BatchView {
  batchId: string;
  status: BatchStatus;
  regionCode: string;
  originRegionCode: string;
  originAgency: string;
  /** Trip plans so far; the last is the current one. */
  plans: TripPlan[];
  members: { caseId: string; status: ReturneeStatus }[];
  compensations: { planVersion: number; step: string; outcome: string; at: string }[];
  /** A plan that stopped and waits for the supervisor to re-plan (batches since "reception first"). */
  escalation: { reason: string; planVersion: number; since: string } | null;
}

export interface ReceptionDecision {
  reportId: string;
  accepted: boolean;
}

/** Case -> batch: where a returnee stands. */
export interface ReturneeUpdate {
  caseId: string;
  status: ReturneeStatus;
}

export interface ReplanRequest {
  originAgency?: string;
  by: Actor;
}

export const getBatchQuery = query<BatchView>('getBatch');
/** The origin Dinsos confirms (or refuses) receiving the group's trip: a partner callback. */
export const receptionDecisionSignal = signal<[ReceptionDecision]>('receptionDecision');
export const returneeUpdateSignal = signal<[ReturneeUpdate]>('returneeUpdate');
/** A supervisor re-plans a compensated trip, optionally with another receiving agency. */
export const replanUpdate = update<BatchView, [ReplanRequest]>('replan');
