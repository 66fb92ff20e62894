// The case file: everything the case workflow knows, as plain serialisable data. Domain functions read
// and produce it; the workflow only stores it, so a continue-as-new carries it over whole.
import type { AtensiComponent, CareSetting } from '../atensi';
import type { Category, Pathway, RiskLevel } from '../categories';
import type {
  CapacityReason,
  ClosureOutcome,
  Consent,
  EscalationReason,
  EvaluationOutcome,
  ExitKind,
  FamilyUnreadyReason,
  HandoverTo,
  ObservationResult,
  PartnerCallKind,
  ReferralPartner,
  ReviewDecision,
  VisitKind,
} from '../codes';
import type { Actor } from '../roles';
import type { CaseStatus, Stage } from '../stages';
import type { AdvocacyItem, Absence, CaseConference, Guardian, PlanGoal, PlanRevision } from './social-work';
import type { AccessGrant, FacilityStay, HomeVisit, PathwayDecision, RapidAssessment, TracingAttempt, TracingReview, Transfer } from './handoffs';

/** The training session and group a case belongs to (opaque ids and a group label, never a person). */
export interface TrainingTag {
  sessionId: string;
  group: string;
}

/** Who holds the case: a kabupaten/kota Dinsos, the province (Dinsos Provinsi, its UPTD), or Kemensos (a Sentra). */
export type Jurisdiction = 'kabkota' | 'province' | 'national';

export interface StageChange {
  from: Stage | null;
  to: Stage;
  at: string;
  by: Actor;
  reason: string;
}

export interface Referral {
  partner: ReferralPartner;
  /** Opaque code of the receiving facility or agency (e.g. an RSJ's registry code). */
  facilityCode: string;
  requestedAt: string;
  attempt: number;
  decision: 'accepted' | 'declined' | null;
  decidedAt: string | null;
}

export interface Extension {
  days: number;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'refused';
}

export interface PlannedService {
  id: string;
  component: AtensiComponent;
  dueAt: string;
  provider: string | null;
  linkedAt: string | null;
  deliveredAt: string | null;
  /** Rules v6: each service keeps its own schedule — linked by its start (plus the acceptance window), started, delivered by its due date. */
  startAt?: string;
  startedAt?: string | null;
  /** Rules v6: stopped by an approved plan revision; it no longer holds the case in implementation. */
  stoppedAt?: string | null;
}

export interface Visit {
  kind: VisitKind;
  dueAt: string;
  doneAt: string | null;
  missed: boolean;
}

/** Free text written by staff: may hold personal data, so it lives only in the encrypted workflow state. */
export interface Note {
  at: string;
  by: string;
  text: string;
  /** The command the note explains (a withdrawal's reason, an assessment's summary), or addNote. */
  about: string;
}

/** Something overdue on a case, climbing the ladder until it is resolved or a supervisor takes charge. */
export interface Escalation {
  /** Identifies the overdue matter (e.g. which deadline of which step); also keys its notifications. */
  key: string;
  reason: EscalationReason;
  /** Which deadline, visit or service it is about (a code, never free text). */
  subject: string;
  since: string;
  level: number;
  acknowledgedBy: string | null;
}

/** Supervisor extensions and pauses of the current step's deadline. */
export interface DeadlineAdjustment {
  /** The deadline it applies to (kind and start); a new step starts clean. */
  deadline: string;
  extensionMs: number;
  pausedMs: number;
  pause: { since: string; party: string; partyDueAt: string } | null;
}

/** Identity found after intake (encrypted with the case file; never in IDs, search attributes or the read model). */
export interface IdentityFound {
  nik?: string;
  name?: string;
  birthDate?: string;
  recordedAt: string;
  recordedBy: string;
}

export interface BestInterestDecision {
  at: string;
  by: string;
  capacityReason: CapacityReason;
}

export interface CaseFile {
  /**
   * Which version of the rules this case runs under: 1 = deadlines raise level 1 only (cases opened before
   * the escalation ladder), 2 = reminders, the three-level ladder, stalled-case watchdog, 3 = hand-offs
   * between agencies as practice runs them (rapid assessment and pathway decision, the RSJ stay with
   * discharge and pick-up, family tracing on every pathway, transfers the receiver accepts), 4 = every
   * case is evaluated before closure is requested (a review that ends the services is not an evaluation),
   * 5 = a person who cannot consent is assessed only on a supervisor's best-interest decision, in any
   * cluster (v3/v4: only on the ODGJ pathway, without one), 6 = the social work inside the case: a plan
   * with goals whose services run on their own schedules and may be revised at a review, closure outcomes
   * that must match what was recorded (an exit, after a search period for a person who ran away), consent
   * of a guardian only once one is appointed, and the escalation ladder set per reason and risk.
   */
  rules: 1 | 2 | 3 | 4 | 5 | 6;
  caseId: string;
  category: Category;
  pathway: Pathway;
  riskLevel: RiskLevel;
  regionCode: string;
  jurisdiction: Jurisdiction;
  status: CaseStatus;
  stage: Stage;
  assignedWorker: string | null;
  openedAt: string;
  openedBy: Actor;
  acknowledgedAt: string | null;
  /** When the current stage (or its current step) began: stage deadlines run from here. */
  stepStartedAt: string;
  /** Last time anyone or anything acted on the case. */
  lastActivityAt: string;
  escalationLevel: number;
  escalations: Escalation[];
  deadlineAdjustment: DeadlineAdjustment | null;
  assessment: {
    at: string;
    by: string;
    consent: Consent;
    familyInvolved: boolean;
    originRegionCode: string | null;
    /** Rules v3: the laporan sosial this comprehensive assessment produced, which every later hand-over carries. */
    laporanSosial?: string;
    /** Rules v3: whether the family is willing and able to receive the person, and if not why. */
    familyReady?: boolean | null;
    familyReason?: FamilyUnreadyReason | null;
  } | null;
  plan: {
    status: 'submitted' | 'approved' | 'rejected';
    submittedAt: string;
    decidedAt: string | null;
    components: AtensiComponent[];
    setting: CareSetting;
    /** Rules v6: a goal and an indicator per component. */
    goals?: PlanGoal[];
    /** Rules v6: a revision awaiting the supervisor's decision, and when one was last approved. */
    revision?: PlanRevision | null;
    revisedAt?: string;
  } | null;
  services: PlannedService[];
  referral: Referral | null;
  transport: {
    toFacilityArrivedAt: string | null;
    homeDepartedAt: string | null;
    homeArrivedAt: string | null;
    /** Rules v3: a departure inferred from an arrival (the departure report came late or not at all). */
    homeDepartureInferred?: boolean;
  };
  observation: { startedAt: string; endsAt: string; extensions: Extension[]; result: ObservationResult | null; resultAt: string | null } | null;
  familyTracing: {
    startedAt: string;
    /** When a supervisor must decide on the tracing (rules v3; null once they referred onwards); v1/v2: the end. */
    dueAt: string | null;
    found: boolean | null;
    canReceive: boolean | null;
    decidedAt: string | null;
    /** Rules v3: how the family is sought, how ready it is, and the supervisor's decisions at the deadline. */
    attempts?: TracingAttempt[];
    homeVisits?: HomeVisit[];
    reviews?: TracingReview[];
    unreadyReason?: FamilyUnreadyReason | null;
  } | null;
  shelter: { admittedAt: string; leftAt: string | null } | null;
  handover: { to: HandoverTo; at: string } | null;
  visits: Visit[];
  nextReviewAt: string | null;
  reviews: { at: string; decision: ReviewDecision }[];
  evaluation: { at: string; outcome: EvaluationOutcome } | null;
  closure: { requestedAt: string; requestedBy: string; outcome: ClosureOutcome; approvedAt: string | null; approvedBy: string | null } | null;
  closedAt: string | null;
  /** Keys of time-based triggers that have already fired, so none fires twice (also across continue-as-new). */
  fired: string[];
  /** Ids of partner callbacks already applied: a partner that calls back twice changes nothing. */
  partnerReports: string[];
  notes: Note[];
  stageHistory: StageChange[];
  /** Partner calls made for the case; absent on cases opened before partner integration (they make none). */
  integration?: Integration;
  /** A returnee travelling with a group: the group's batch books the shared trip home. */
  group?: { batchId: string } | null;
  /**
   * Simulasi kasus: a training group's copy of a scenario's case. Same rules; the read model, the lists
   * and the notifications keep it apart from real work. Absent on every real case.
   */
  training?: TrainingTag;
  /**
   * Rules v5: a supervisor's decision that the person, who cannot consent (the capacity reason), is
   * assessed and helped in their best interest. Absent on files from before.
   */
  bestInterest?: BestInterestDecision | null;
  /** Step 7, advocacy: absent on files from before, which have none. */
  advocacy?: AdvocacyItem[];
  /** Rules v6: the guardian who consents for the person (a wali sementara for a child without family). */
  guardian?: Guardian | null;
  conferences?: CaseConference[];
  /** Rules v6: the person ran away and is being searched for (or was found again). */
  absence?: Absence | null;
  /** Rules v6: intake estimated the person under 18 (a child, whatever the cluster). */
  minor?: boolean;
  /** Rules v6: the services ended early (ran away, refused, died, never found); the case goes on to evaluation. */
  exit?: { kind: ExitKind; at: string; by: string } | null;
  /** Identity recorded after intake (`recordIdentity`); the intake's own subject details stay as reported. */
  identity?: IdentityFound;
  // Rules v3 (hand-offs between agencies); empty on files from before, which never use them.
  rapidAssessment: RapidAssessment | null;
  pathwayDecisions: PathwayDecision[];
  stay: FacilityStay | null;
  transfers: Transfer[];
  access: AccessGrant[];
  /** In residential care after a transfer (an ATENSI plan in the residential setting follows, on any pathway). */
  residentialCare: { unitCode: string; since: string } | null;
  /** Bumped on every change; the workflow waits for it to move. */
  version: number;
}

/** The outcome of one partner call, kept so that the call is never made twice. */
export interface CallRecord {
  kind: PartnerCallKind;
  outcome: 'accepted' | 'refused';
  ref: string | null;
  code: string | null;
  at: string;
}

/** Partner calls this case has made, by idempotency key. Cases opened before the integration have none. */
export interface Integration {
  calls: Record<string, CallRecord>;
}
