// The parts of the case file that record hand-offs between agencies (rules v3): the rapid assessment and
// the pathway decisions after it, the stay at an RSJ or hospital, family tracing attempts and home
// visits, and jurisdiction transfers with the access they give other regions.
import type { Category, Pathway } from '../categories';
import type {
  Capacity,
  CapacityReason,
  Danger,
  DischargeKind,
  FamilyUnreadyReason,
  FundingScheme,
  ImmediateNeed,
  StayReviewDecision,
  TracingChannel,
  TracingDecision,
  TracingResult,
  TransferDeclineReason,
  TransferStatus,
  TransferTarget,
} from '../codes';

/** The first look at the person, inside the first-response window: safety, emergency, capacity, needs. */
export interface RapidAssessment {
  at: string;
  by: string;
  danger: Danger;
  medicalEmergency: boolean;
  capacity: Capacity;
  capacityReason: CapacityReason | null;
  needs: ImmediateNeed[];
}

/** A supervisor's choice of pathway (and, when the first picture was wrong, of category). */
export interface PathwayDecision {
  at: string;
  by: string;
  pathway: Pathway;
  category: Category;
}

/** A stay at an RSJ or hospital: the facility decides how long; Dinsos funds it, visits, and picks up. */
export interface FacilityStay {
  facilityCode: string;
  admittedAt: string;
  /** The last word from the facility (admission, a result, a longer stay, a discharge). */
  lastWordAt: string;
  funding: { scheme: FundingScheme; at: string } | null;
  discharge: { kind: DischargeKind; at: string; referredTo: string | null } | null;
  pickedUpAt: string | null;
  reviews: { at: string; by: string; decision: StayReviewDecision }[];
}

export interface TracingAttempt {
  at: string;
  by: string;
  channel: TracingChannel;
  result: TracingResult;
}

export interface HomeVisit {
  at: string;
  by: string;
  ready: boolean;
  reason: FamilyUnreadyReason | null;
}

export interface TracingReview {
  at: string;
  by: string;
  decision: TracingDecision;
}


/** A case handed to another unit: it is the receiver's once its supervisor accepts and the BAST is signed. */
export interface Transfer {
  to: TransferTarget;
  unitCode: string;
  regionCode: string;
  fromRegion: string;
  /** The laporan sosial the receiver decides on. */
  laporanSosial: string;
  requestedAt: string;
  requestedBy: string;
  status: TransferStatus;
  decidedAt: string | null;
  decidedBy: string | null;
  declineReason: TransferDeclineReason | null;
  receiverWorker: string | null;
  /** Berita acara serah terima: the record of the person handed over. */
  bast: { ref: string; at: string; by: string } | null;
}

/**
 * A region that sees the case without holding it: the receiving unit while it decides on a transfer, the
 * sender for a while after one (read only, for follow-up questions).
 */
export interface AccessGrant {
  regionCode: string;
  mode: 'decide_transfer' | 'read';
  until: string | null;
}
