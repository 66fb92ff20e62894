// Simulasi kasus: what a training scenario expects of a group (the model answer) and what a group's work
// is scored from (its case's own timeline and the commands the rules refused). Pure types and lists,
// shared by the scenario loader, the session's driver, the scoring and the debrief; no I/O.
import type { CaseCommand } from '../commands';
import type { Words } from '../labels';
import type { Role } from '../roles';

/** One step of the model answer: a command the group should give, as its timeline shows it. */
export interface ExpectedStep {
  /** Stable within the scenario: what `after` and the explanations refer to. */
  id: string;
  /** The command expected (what the trainer reads). */
  command: CaseCommand['type'];
  /** The timeline event that shows it was given (e.g. `case.acknowledged`); the first one counts. */
  event: string;
  /** Optional match on that event's data (every key equal), e.g. { accepted: true }. */
  data?: Record<string, string | number | boolean | null>;
  /** Steps that must be on the timeline before this one (a partial order). */
  after?: string[];
  /** Simulated hours from the case's opening by which the step is due; absent: no deadline of its own. */
  withinHours?: number;
  /** What it is worth when given, and in order; a deadline met doubles nothing, a missed one costs `points`. */
  points: number;
  /** What the step is, for the debrief. */
  words: Words;
  /** How the model answer gives it, for the trainer to show and the tests to replay (optional). */
  demo?: StepDemo;
}

/** A step as the model answer gives it: who, with which command, once which event is on the timeline. */
export interface StepDemo {
  /** The role that gives it: the group's case manager, its Kasi (supervisor), or the intake operator. */
  role: Extract<Role, 'operator' | 'case_manager' | 'supervisor'>;
  /** The command as POST /v1/cases/:id/commands takes it (its type is the step's `command`). */
  body: CaseCommand;
  /** Given once this event is on the case's timeline (a partner's scripted report, a deadline fallen due). */
  whenEvent?: string;
}

export interface ModelAnswer {
  steps: ExpectedStep[];
  /** Points taken per escalation the group's case raised, per rule refusal, per missed system deadline. */
  penalties: { escalation: number; refusal: number; deadlineMissed: number };
}

/** A scripted partner happening, sent to every group's case at a simulated moment. */
export interface ScriptedEvent {
  /** Simulated hours after the session's cases opened. */
  atHours: number;
  /** What the driver does: a partner report to the case (as the partner's callback would). */
  kind: 'partner_report';
  /** The report, as `POST /v1/partner-callbacks` would carry it for the case (the driver fills in the case). */
  report: Record<string, unknown>;
  /** What happened, for the trainer and the debrief. */
  words: Words;
}

/** A group's work as the read model and the API recorded it: what scoring reads. */
export interface GroupRecord {
  group: string;
  caseId: string;
  /** When the case opened (workflow time, ISO), and the session's time scale (simulated = real / scale). */
  openedAt: string;
  timeScale: number;
  events: Array<{ seq: number; type: string; at: string; actorRole: string; data: Record<string, unknown> }>;
  /** Commands the rules refused (validators leave no trace in the history; the API records them for training). */
  refusals: Array<{ at: string; command: string; code: string }>;
  /** When the group said it was done (ISO), or null while it works. */
  finishedAt: string | null;
}

export type ScoreKind = 'step' | 'order' | 'deadline' | 'escalation' | 'refusal' | 'deadline_missed' | 'time';

export interface ScoreItem {
  kind: ScoreKind;
  /** The expected step it is about, if any. */
  stepId?: string;
  points: number;
  /** Why, in both languages, for the debrief. */
  reason: Words;
  /**
   * Simulated hours from the case's opening: when it happened (a step given, an escalation, a refusal), when
   * a step's deadline fell due, or for `time` the time taken. Places the item on the debrief's time axis and
   * breaks ties in the ranking; absent for a step never given.
   */
  atHours?: number;
  /** For a step: it was given; for a step's deadline: it was met (absent while not yet due). Absent for the other kinds. */
  met?: boolean;
}

export interface GroupScore {
  group: string;
  total: number;
  max: number;
  items: ScoreItem[];
}
