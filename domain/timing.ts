// The vocabulary of time-based rules: what a case can be waiting for (a trigger), one moment it waits
// for (a due item), and the pieces each step contributes to the scheduler: when its moments fall due,
// what firing one does, and when an escalation about it is resolved.
import type { DomainEvent } from './case/changes';
import type { CaseFile, Escalation } from './case/file';
import type { EscalationReason } from './codes';
import type { DeadlineKind, Policy } from './policy';

export type Trigger =
  | 'reminder'
  | 'deadline'
  | 'ladder'
  | 'stalled'
  | 'external_overdue'
  | 'observation_end'
  | 'tracing_due'
  | 'shelter_limit'
  | 'visit_due'
  | 'visit_missed'
  | 'review_due'
  | 'review_missed'
  | 'service_overdue'
  | 'service_link_overdue'
  | 'advocacy_overdue'
  | 'search_ended'
  | 'archive'
  | 'facility_silent'
  | 'funding_due'
  | 'long_stay'
  | 'pickup_due'
  | 'transfer_due';

export interface DueItem {
  /** Unique for the moment it stands for, so it fires once even across continue-as-new. */
  key: string;
  at: string;
  trigger: Trigger;
  /** What staff and supervisors see: the deadline kind for deadlines, else the trigger. */
  label: string;
}

export interface CurrentDeadline {
  kind: DeadlineKind;
  /** Identity of this step's deadline (kind and start), which adjustments attach to. */
  id: string;
  /** Changes when a supervisor extends it, so an escalation about the old deadline is resolved. */
  key: string;
  since: string;
  durationMs: number;
  /** Due time with extensions and completed pauses; while paused, there is none. */
  dueAt: string | null;
  pausedSince: string | null;
}

/** What a step sees when it says which of its moments are due. */
export interface DueContext {
  file: CaseFile;
  policy: Policy;
  /** The current step's deadline, if any (a paused one quiets the watchdog and the ladder). */
  deadline: CurrentDeadline | undefined;
  add(key: string, at: string, trigger: Trigger, label?: string): void;
}

export interface Timer {
  /** A moment someone must act by (shown as the next deadline), or only a wake-up of the system itself. */
  deadline: boolean;
  fire(file: CaseFile, item: DueItem, now: Date, policy: Policy): DomainEvent[];
}

export type Timers<T extends Trigger> = { [K in T]: Timer };

/** Whether what an escalation is about has been dealt with. */
export type Resolver = (file: CaseFile, e: Escalation, policy: Policy) => boolean;
export type Resolvers<R extends EscalationReason> = { [K in R]: Resolver };
