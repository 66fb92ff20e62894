// What staff and partners can ask of a case: the command union, and the shape of the rule every command
// has (who may give it, when practice allows it, what it changes). The rules themselves live beside the
// step of the work they belong to, in steps/; steps/index.ts puts them together.
import type { AtensiComponent, CareSetting } from './atensi';
import type { CaseFile } from './case/file';
import type { Ctx, DomainEvent } from './case/changes';
import type { Category, Pathway, RiskLevel } from './categories';
import type {
  AdvocacyKind,
  AdvocacyOutcome,
  Capacity,
  CapacityReason,
  ConferenceDecision,
  ConferenceRole,
  Consent,
  Danger,
  DischargeKind,
  EvaluationOutcome,
  ExitKind,
  ExternalParty,
  FamilyUnreadyReason,
  FundingScheme,
  GuardianBasis,
  HandoverTo,
  ImmediateNeed,
  ClosureOutcome,
  ObservationResult,
  ReferralPartner,
  ReviewDecision,
  StayReviewDecision,
  TracingChannel,
  TracingDecision,
  TracingResult,
  TransferDeclineReason,
  TransferTarget,
  TransportEvent,
  TransportLeg,
  VisitKind,
} from './codes';
import type { Role } from './roles';
import type { RuleCode } from './rule-codes';

export type CaseCommand =
  | { type: 'acknowledge'; assignedWorker?: string }
  | {
      type: 'recordRapidAssessment';
      danger: Danger;
      medicalEmergency: boolean;
      capacity: Capacity;
      capacityReason?: CapacityReason;
      needs: ImmediateNeed[];
      summary?: string;
    }
  | { type: 'decidePathway'; pathway: Pathway; category?: Category; reason?: string }
  | { type: 'decideBestInterest'; capacityReason: CapacityReason; reason?: string }
  | { type: 'recordIdentity'; nik?: string; name?: string; birthDate?: string }
  | {
      type: 'recordAssessment';
      consent: Consent;
      familyInvolved: boolean;
      riskLevel?: RiskLevel;
      originRegionCode?: string;
      needsShelter?: boolean;
      familyReady?: boolean;
      familyReason?: FamilyUnreadyReason;
      /** Advocacy the assessment found needed (step 7): each opens an item. */
      advocacy?: AdvocacyKind[];
      summary?: string;
    }
  | { type: 'appointGuardian'; basis: GuardianBasis; reason?: string }
  | {
      type: 'submitPlan';
      components: AtensiComponent[];
      setting: CareSetting;
      services: PlannedServiceInput[];
      /** Rules v6: a goal and an indicator for every component. */
      goals?: PlanGoalInput[];
      summary?: string;
    }
  | { type: 'proposePlanRevision'; add?: PlannedServiceInput[]; stop?: string[]; setting?: CareSetting; goals?: PlanGoalInput[]; summary?: string }
  | { type: 'recordCaseConference'; participants: ConferenceRole[]; decisions: ConferenceDecision[]; summary?: string }
  | { type: 'openAdvocacy'; kind: AdvocacyKind; worker?: string; targetInDays?: number; summary?: string }
  | { type: 'recordAdvocacyStep'; itemId: string; summary?: string }
  | { type: 'closeAdvocacy'; itemId: string; outcome: AdvocacyOutcome; summary?: string }
  | { type: 'waiveAdvocacy'; itemId: string; reason: string }
  | { type: 'recordAbsence'; summary?: string }
  | { type: 'recordReturn'; summary?: string }
  | { type: 'recordExit'; kind: ExitKind; reason: string }
  | { type: 'decidePlan'; approve: boolean; reason?: string }
  | { type: 'requestReferral'; partner: ReferralPartner; facilityCode: string }
  | { type: 'recordReferralDecision'; accepted: boolean; reason?: string }
  | { type: 'recordTransport'; leg: TransportLeg; event: TransportEvent }
  | { type: 'recordObservationResult'; result: ObservationResult }
  | { type: 'requestExtension'; days: number; reason: string }
  | { type: 'decideExtension'; approve: boolean; reason?: string }
  | { type: 'recordFundingGuarantee'; scheme: FundingScheme }
  | { type: 'recordDischarge'; kind: DischargeKind; referredTo?: string; reason?: string }
  | { type: 'recordPickUp'; toShelter?: boolean }
  | { type: 'recordStayReview'; decision: StayReviewDecision; reason?: string }
  | { type: 'recordFamilyTracing'; found: boolean; canReceive?: boolean; reason?: string }
  | { type: 'recordTracingAttempt'; channel: TracingChannel; result: TracingResult; summary?: string }
  | { type: 'recordHomeVisit'; ready: boolean; reason?: FamilyUnreadyReason; summary?: string }
  | { type: 'decideTracing'; decision: TracingDecision; reason?: string }
  | { type: 'requestTransfer'; to: TransferTarget; unitCode: string; regionCode: string; reason?: string }
  | { type: 'decideTransfer'; accept: boolean; assignedWorker?: string; declineReason?: TransferDeclineReason; reason?: string }
  | { type: 'recordBast'; ref: string }
  | { type: 'recordHandover'; to: HandoverTo }
  | { type: 'recordServiceLinked'; serviceId: string; provider: string }
  | { type: 'recordServiceStarted'; serviceId: string }
  | { type: 'recordServiceDelivered'; serviceId: string }
  | { type: 'recordVisit'; kind: VisitKind; summary?: string }
  | { type: 'recordReview'; decision: ReviewDecision; summary?: string }
  | { type: 'recordEvaluation'; outcome: EvaluationOutcome; summary?: string }
  | { type: 'requestClosure'; outcome: ClosureOutcome; reason: string }
  | { type: 'decideClosure'; approve: boolean; reason?: string }
  | { type: 'reassign'; assignedWorker: string; reason: string }
  | { type: 'addNote'; text: string }
  | { type: 'withdraw'; reason: string }
  | { type: 'reopen'; reason: string }
  | { type: 'acknowledgeEscalation'; reason?: string }
  | { type: 'extendDeadline'; hours: number; reason: string }
  | { type: 'pauseDeadline'; party: ExternalParty; expectedInDays: number; reason: string }
  | { type: 'resumeDeadline' };

/** A service in a plan: delivered within `dueInDays` of approval; (rules v6) starting `startInDays` after it. */
export interface PlannedServiceInput {
  component: AtensiComponent;
  dueInDays: number;
  startInDays?: number;
}

export interface PlanGoalInput {
  component: AtensiComponent;
  goal: string;
  indicator: string;
}

export type CommandType = CaseCommand['type'];
export type CommandOf<K extends CommandType> = Extract<CaseCommand, { type: K }>;

/**
 * Facts partners report back by callback (an RSJ's decision, a trip's departure, a tracing result), as
 * the commands staff would give. The partner role may give exactly these; the callback schema takes these.
 */
export const PARTNER_COMMAND_TYPES = [
  'recordReferralDecision',
  'recordTransport',
  'recordObservationResult',
  'recordFamilyTracing',
  'recordServiceDelivered',
  'requestExtension',
  'recordDischarge',
] as const satisfies readonly CommandType[];
export type PartnerCommand = CommandOf<(typeof PARTNER_COMMAND_TYPES)[number]>;

export interface Rule<C> {
  /** Staff roles that may give the command; partners may give the PARTNER_COMMAND_TYPES besides. */
  roles: readonly Role[];
  /** Also allowed on a closed or withdrawn case. */
  whenClosed?: boolean;
  check(file: CaseFile, cmd: C, ctx: Ctx): RuleCode | undefined;
  apply(file: CaseFile, cmd: C, ctx: Ctx): DomainEvent[];
}

/** The rules of some commands, each typed by its own command. */
export type Rules<K extends CommandType> = { [T in K]: Rule<CommandOf<T>> };
