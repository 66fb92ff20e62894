// The contract of the case workflow: its id, task queue, input, the view staff see, and the messages
// it takes. Shared by the API, the CLI, activities and the workflow itself; it loads no workflow runtime.
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseFile, TrainingTag } from '../../domain/case/file';
import type { AdvocacyItem } from '../../domain/case/social-work';
import type { AdvocacyStatus } from '../../domain/codes';
import type { Intake, Report, SubjectDetails } from '../../domain/case/open';
import type { CaseCommand, CommandType, PartnerCommand } from '../../domain/commands';
import type { PolicyOverrides } from '../../domain/policy';
import type { Actor } from '../../domain/roles';
import { COMMAND_TYPES } from '../../domain/steps/index';
import { query, signal, update } from '../messages';

export const CASE_TASK_QUEUE = 'sigap-cases';

/** Workflow IDs carry only the opaque case id: never a name, NIK or region. */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

export interface OpenCaseInput extends Intake {
  report: Report;
  subject: SubjectDetails;
  /** Deployment overrides and simulation scale, fixed for the life of the case. */
  policy?: PolicyOverrides;
  /** History length after which the case continues as new (default 8,000 events; lower in tests). */
  historyLimit?: number;
  /** The deployment has partner services: the case requests admissions, transport and tracing itself. */
  partnerIntegration?: boolean;
  /** A returnee in a group repatriation: the batch books the trip home for everyone. */
  group?: { batchId: string };
  /**
   * When the report reached Sigap (ISO 8601): the case's clocks start here, not at the workflow's first
   * task, which a backlog of workers may delay. Absent on cases opened before (they start at that task).
   */
  receivedAt?: string;
  /**
   * Simulasi kasus: a training group's case. Kept in the case file and its projection, so the read model,
   * every list and the notifications keep it apart from real work. Absent on real cases.
   */
  training?: TrainingTag;
}

/** Continue-as-new carries the case file over to the next run. */
export interface CaseWorkflowInput extends OpenCaseInput {
  resume?: { file: CaseFile; seq: number };
}

export interface CaseOutcome {
  caseId: string;
  status: CaseFile['status'];
  stage: CaseFile['stage'];
  outcome: string | null;
}

export interface DeadlineView {
  kind: string;
  dueAt: string;
}

/** The live case as staff see it: the case file plus the intake details and the next moment it waits for. */
export type CaseView = Omit<CaseFile, 'fired' | 'partnerReports' | 'version' | 'integration' | 'advocacy'> & {
  /** Step 7: every advocacy item with where it stands (none on files from before). */
  advocacy: (AdvocacyItem & { status: AdvocacyStatus })[];
  subject: SubjectDetails;
  report: Report;
  nextDeadline: DeadlineView | null;
  policyVersion: string;
  /** Records the case has made for its timeline so far; the read model has caught up when it holds them all. */
  timelineLength: number;
};

/**
 * What a staff command answers: the case as the command left it, without its note history — how many notes
 * it holds, and the ones this command wrote. An Update's result stays in the case's history, and a case's
 * notes are not bounded: with every note in every answer, a long case's history grew with the square of its
 * notes (60 notes of 1,000 characters: the 60th answer 88 KB, the answers 87 % of the history; #17).
 * `getCase` has them all.
 */
export type CommandResult = Omit<CaseView, 'notes'> & { notesCount: number; newNotes: CaseView['notes'] };

/** A staff command, with who gives it; the Update is named after the command type. */
export interface CommandRequest {
  actor: Actor;
  command: CaseCommand;
  /** The regions the caller acts for: the workflow checks them against who holds the case now. */
  scope?: string[];
}

export interface PartnerReport {
  /** Opaque id of the partner organisation. */
  partnerId: string;
  /** The partner's own id for this callback: repeats are ignored. */
  reportId: string;
  command: PartnerCommand;
}

/** Batch -> case: the origin Dinsos agreed to receive the group (rules v3), or the shared trip home was booked or cancelled. */
export interface GroupTrip {
  event: 'received' | 'booked' | 'cancelled';
  /** The plan it belongs to: a re-planned trip has a higher version. */
  planVersion: number;
  /** The receiving origin Dinsos, with `received`. */
  agency?: string;
}

export const getCaseQuery = query<CaseView>('getCase');
export const partnerReportSignal = signal<[PartnerReport]>('partnerReport');
export const groupTripSignal = signal<[GroupTrip]>('groupTrip');

const commandUpdates = Object.fromEntries(COMMAND_TYPES.map((type) => [type, update<CommandResult, [CommandRequest]>(type)])) as Record<
  CommandType,
  UpdateDefinition<CommandResult, [CommandRequest]>
>;

/** The Update for a command type; its name is the command type, so the Web UI shows what was done. */
export function commandUpdate(type: CommandType): UpdateDefinition<CommandResult, [CommandRequest]> {
  return commandUpdates[type];
}
