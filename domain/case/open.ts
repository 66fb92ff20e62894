// A new case file from intake, and the pathway progress a reopened case starts from again.
import type { Category, Pathway, RiskLevel } from '../categories';
import type { ReportChannel, Sex } from '../codes';
import type { Actor } from '../roles';
import type { CaseFile } from './file';

/** Personal data about the person the case is for. Lives only in encrypted payloads, never in indexes. */
export interface SubjectDetails {
  name?: string;
  nik?: string;
  sex?: Sex;
  estimatedAge?: number;
  description?: string;
  foundLocation?: string;
}

/**
 * How the case was reported; the summary, the landmark and the photo reference stay encrypted (workflow
 * input) and never reach the read model or the logs.
 */
export interface Report {
  channel: ReportChannel;
  summary?: string;
  /** When the report was made (ISO 8601), which may be before intake. */
  reportedAt?: string;
  /** Where the person was reported: the kecamatan or kelurahan code and a landmark in words. */
  place?: { areaCode?: string; landmark?: string };
  photoRef?: string;
}

export interface Intake {
  caseId: string;
  category: Category;
  pathway: Pathway;
  riskLevel: RiskLevel;
  /** Kemendagri region code of the responsible kabupaten/kota ("64.72") or province ("64"). */
  regionCode: string;
  openedBy: Actor;
  assignedWorker?: string;
}

/** The pathway progress of a case before anything has happened (also what a reopened case starts from). */
export function freshProgress(): Pick<
  CaseFile,
  | 'assessment'
  | 'plan'
  | 'services'
  | 'referral'
  | 'transport'
  | 'observation'
  | 'familyTracing'
  | 'shelter'
  | 'handover'
  | 'visits'
  | 'nextReviewAt'
  | 'evaluation'
  | 'closure'
  | 'rapidAssessment'
  | 'stay'
  | 'residentialCare'
  | 'bestInterest'
  | 'exit'
  | 'absence'
> {
  return {
    assessment: null,
    plan: null,
    services: [],
    referral: null,
    transport: { toFacilityArrivedAt: null, homeDepartedAt: null, homeArrivedAt: null },
    observation: null,
    familyTracing: null,
    shelter: null,
    handover: null,
    visits: [],
    nextReviewAt: null,
    evaluation: null,
    closure: null,
    rapidAssessment: null,
    stay: null,
    residentialCare: null,
    bestInterest: null,
    // Rules v6: a reopened case starts without the ending it had (a person who ran away is found again).
    exit: null,
    absence: null,
  };
}

/** What files from before rules v3 lack; a continue-as-new of such a file gets it, and never uses it. */
export function handoffDefaults(): Pick<CaseFile, 'rapidAssessment' | 'pathwayDecisions' | 'stay' | 'transfers' | 'access' | 'residentialCare'> {
  return { rapidAssessment: null, pathwayDecisions: [], stay: null, transfers: [], access: [], residentialCare: null };
}

export function openCaseFile(intake: Intake, now: Date, rules: CaseFile['rules'] = 2): CaseFile {
  const at = now.toISOString();
  return {
    rules,
    caseId: intake.caseId,
    category: intake.category,
    pathway: intake.pathway,
    riskLevel: intake.riskLevel,
    regionCode: intake.regionCode,
    jurisdiction: intake.regionCode.length > 2 ? 'kabkota' : 'province',
    status: 'open',
    stage: 'identification',
    assignedWorker: intake.assignedWorker ?? null,
    openedAt: at,
    openedBy: intake.openedBy,
    acknowledgedAt: null,
    stepStartedAt: at,
    lastActivityAt: at,
    escalationLevel: 0,
    escalations: [],
    deadlineAdjustment: null,
    ...freshProgress(),
    ...handoffDefaults(),
    reviews: [],
    closedAt: null,
    fired: [],
    partnerReports: [],
    notes: [],
    stageHistory: [{ from: null, to: 'identification', at, by: intake.openedBy, reason: 'case opened' }],
    version: 0,
  };
}
