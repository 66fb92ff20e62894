// What the workflow hands to the read model: a timeline event plus a snapshot of the indexable,
// non-personal fields of the case. Personal data never travels this way.
import type { Category, Pathway, RiskLevel } from '../categories';
import type { Actor } from '../roles';
import type { CaseStatus, Stage } from '../stages';
import type { Jurisdiction } from './file';
import type { TransferStatus } from '../codes';
import type { AccessGrant } from './handoffs';

export interface EscalationSummary {
  reason: string;
  subject: string;
  level: number;
  since: string;
  acknowledged: boolean;
}

export interface CaseProjection {
  caseId: string;
  workflowId: string;
  status: CaseStatus;
  stage: Stage;
  pathway: Pathway;
  category: Category;
  riskLevel: RiskLevel;
  regionCode: string;
  jurisdiction: Jurisdiction;
  assignedWorker: string | null;
  escalationLevel: number;
  escalations: EscalationSummary[];
  nextDeadlineKind: string | null;
  nextDeadlineAt: string | null;
  openedAt: string;
  policyVersion: string;
  /** Rules v3: other regions that see the case (a receiving unit deciding, a sender for a while after). */
  access?: AccessGrant[];
  /** Rules v3: the latest transfer, so receiving units can list what waits for their decision. */
  transfer?: { status: TransferStatus; toRegion: string; unitCode: string } | null;
  /** Simulasi kasus: the training session, on training cases only (real cases carry no such key). */
  trainingSessionId?: string;
}

export interface CaseEventRecord {
  caseId: string;
  /** Position in the case's timeline; (caseId, seq) makes a retried write a no-op. */
  seq: number;
  type: string;
  at: string;
  actor: Actor;
  stage: Stage;
  /** Free text from staff may hold personal data: it stays in the encrypted workflow state, not here. */
  data: Record<string, string | number | boolean | null>;
  /**
   * The case as this record left it. Only the newest record of a write refreshes the case row, so a
   * one-write-per-step batch carries it on its newest record alone (each copy is payload and history).
   */
  projection?: CaseProjection;
}
