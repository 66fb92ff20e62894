// The case workflow's in-memory state and the views derived from it.
import type { CaseEventRecord, CaseProjection } from '../domain/case-events';
import type { Policy } from '../domain/policy';
import type { Actor } from '../domain/roles';
import type { CaseStatus, Stage } from '../domain/stages';
import type { CaseView, DeadlineView, OpenCaseInput, StageChange } from './contract';
import { caseWorkflowId } from './contract';

export interface CaseState {
  input: OpenCaseInput;
  policy: Policy;
  status: CaseStatus;
  stage: Stage;
  assignedWorker: string | null;
  escalationLevel: number;
  nextDeadline: DeadlineView | null;
  openedAt: string;
  acknowledgedAt: string | null;
  stageHistory: StageChange[];
  /** Timeline events recorded so far; the next event gets this number. */
  seq: number;
}

export function initialState(input: OpenCaseInput, policy: Policy, now: Date): CaseState {
  const openedAt = now.toISOString();
  return {
    input,
    policy,
    status: 'open',
    stage: 'identification',
    assignedWorker: input.assignedWorker ?? null,
    escalationLevel: 0,
    nextDeadline: null,
    openedAt,
    acknowledgedAt: null,
    stageHistory: [{ from: null, to: 'identification', at: openedAt, by: input.openedBy, reason: 'case opened' }],
    seq: 0,
  };
}

export function caseView(s: CaseState): CaseView {
  return {
    caseId: s.input.caseId,
    status: s.status,
    stage: s.stage,
    pathway: s.input.pathway,
    category: s.input.category,
    riskLevel: s.input.riskLevel,
    regionCode: s.input.regionCode,
    assignedWorker: s.assignedWorker,
    escalationLevel: s.escalationLevel,
    nextDeadline: s.nextDeadline,
    openedAt: s.openedAt,
    acknowledgedAt: s.acknowledgedAt,
    policyVersion: s.policy.version,
    subject: s.input.subject,
    stageHistory: s.stageHistory,
  };
}

export function projection(s: CaseState): CaseProjection {
  return {
    caseId: s.input.caseId,
    workflowId: caseWorkflowId(s.input.caseId),
    status: s.status,
    stage: s.stage,
    pathway: s.input.pathway,
    category: s.input.category,
    riskLevel: s.input.riskLevel,
    regionCode: s.input.regionCode,
    assignedWorker: s.assignedWorker,
    escalationLevel: s.escalationLevel,
    nextDeadlineKind: s.nextDeadline?.kind ?? null,
    nextDeadlineAt: s.nextDeadline?.dueAt ?? null,
    openedAt: s.openedAt,
    policyVersion: s.policy.version,
  };
}

/** Takes the next timeline number and builds the event; the caller sends it to the read model. */
export function nextEvent(
  s: CaseState,
  type: string,
  actor: Actor,
  at: Date,
  data: CaseEventRecord['data'] = {},
): CaseEventRecord {
  const event: CaseEventRecord = {
    caseId: s.input.caseId,
    seq: s.seq,
    type,
    at: at.toISOString(),
    actor,
    stage: s.stage,
    data,
    projection: projection(s),
  };
  s.seq += 1;
  return event;
}

export function moveToStage(s: CaseState, to: Stage, by: Actor, at: Date, reason: string): void {
  s.stageHistory.push({ from: s.stage, to, at: at.toISOString(), by, reason });
  s.stage = to;
}
