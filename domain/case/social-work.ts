// Rules v6, the social work inside a case: plan goals and revisions, advocacy items (step 7), the
// guardian who consents for a child without family, case conferences, and a person's absence.
import type { AtensiComponent, CareSetting } from '../atensi';
import type { AdvocacyKind, AdvocacyOutcome, ConferenceDecision, ConferenceRole, GuardianBasis } from '../codes';

/** Rules v6: what a plan component is for and how the worker will know it was reached (free text, encrypted state only). */
export interface PlanGoal {
  component: AtensiComponent;
  goal: string;
  indicator: string;
}

/** Rules v6: a revision proposed after a 90-day review; a supervisor approves it like the plan itself. */
export interface PlanRevision {
  proposedAt: string;
  proposedBy: string;
  add: { component: AtensiComponent; dueInDays: number; startInDays: number }[];
  stop: string[];
  setting: CareSetting | null;
  goals: PlanGoal[];
}

/** Step 7: one matter pursued on the person's behalf (civil documents, BPJS PBI, DTSEN, legal aid, guardianship). */
export interface AdvocacyItem {
  id: string;
  kind: AdvocacyKind;
  /** Opened by staff, or proposed by the comprehensive assessment. */
  source: 'staff' | 'assessment';
  openedAt: string;
  openedBy: string;
  /** The worker who pursues it (an opaque staff id). */
  worker: string;
  targetAt: string;
  steps: { at: string; by: string }[];
  closedAt: string | null;
  outcome: AdvocacyOutcome | null;
  waivedAt: string | null;
  waivedBy: string | null;
}

/** Who stands for a person who cannot consent for themselves: a wali sementara for a child, or a court's appointee. */
export interface Guardian {
  basis: GuardianBasis;
  at: string;
  by: string;
}

export interface CaseConference {
  at: string;
  by: string;
  participants: ConferenceRole[];
  decisions: ConferenceDecision[];
}

/** The person left without notice (melarikan diri); the case searches until `searchUntil`. */
export interface Absence {
  since: string;
  searchUntil: string;
  returnedAt: string | null;
}
