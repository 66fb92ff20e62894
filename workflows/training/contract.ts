// The contract of a training session's driver (simulasi kasus): its id, its input and the trainer's
// signal. Shared by the API and the workflow; it loads no workflow runtime.
import type { PartnerCommand } from '../../domain/commands';
import { signal } from '../messages';

/** Workflow IDs carry only the opaque session id. */
export function trainingWorkflowId(sessionId: string): string {
  return `training-${sessionId}`;
}

/** A partner's report the scenario scripts, as its callback would carry it (the driver names the case). */
export interface ScriptedReport {
  /** Simulated hours after the session's cases opened. */
  atHours: number;
  partnerId: string;
  command: PartnerCommand;
  /** What happened, in Indonesian: the timer's summary in the Temporal UI. */
  summary: string;
}

export interface TrainingDriverInput {
  sessionId: string;
  /** Every group's case: each gets every scripted report at the same simulated moment. */
  caseIds: string[];
  /** When the cases opened (ISO 8601): the script's hours count from here. */
  startedAt: string;
  /** The session's time scale (real = simulated × scale), the same as its cases'. */
  timeScale: number;
  script: ScriptedReport[];
}

/** What the driver did, as its result. */
export interface TrainingProgress {
  /** Scripted reports sent so far (to every case). */
  sent: number;
  ended: boolean;
}

/** The trainer ends the session: the driver sends nothing more and completes. */
export const endSessionSignal = signal<[]>('endSession');

/** Each scripted report's id within the session: a case applies it once, however often it is sent. */
export function scriptedReportId(sessionId: string, index: number): string {
  return `training-${sessionId}-${index}`;
}
