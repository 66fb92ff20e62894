// One label catalogue for every list of codes a person reads (Bahasa Indonesia and English): what
// notifications, the Temporal UI's summaries and details, the CLI, problem messages and reports say
// instead of the codes. `label(list, code, lang)` falls back to the code itself for a code it does not know
// (a value from a newer version, read by an older process), never to nothing.
import * as caseWords from './case';
import * as commandWords from './commands';
import * as eventWords from './events';
import * as handoffWords from './handoffs';
import * as peopleWords from './people';
import * as timeWords from './time';

export type { Words } from './case';
export type { Language } from '../language';
import type { Language } from '../language';

const LISTS = {
  category: caseWords.CATEGORY,
  stage: caseWords.STAGE,
  status: caseWords.STATUS,
  pathway: caseWords.PATHWAY,
  risk: caseWords.RISK,
  channel: caseWords.CHANNEL,
  visit: caseWords.VISIT_KIND,
  closureOutcome: caseWords.CLOSURE_OUTCOME,
  evaluationOutcome: caseWords.EVALUATION_OUTCOME,
  atensiComponent: caseWords.ATENSI_COMPONENT,
  careSetting: caseWords.CARE_SETTING,
  advocacyKind: caseWords.ADVOCACY_KIND,
  advocacyStatus: caseWords.ADVOCACY_STATUS,
  advocacyOutcome: caseWords.ADVOCACY_OUTCOME,
  referralPartner: caseWords.REFERRAL_PARTNER,
  transferTarget: caseWords.TRANSFER_TARGET,
  transferStatus: caseWords.TRANSFER_STATUS,
  externalParty: caseWords.EXTERNAL_PARTY,
  partnerCall: caseWords.PARTNER_CALL,
  transportLeg: caseWords.TRANSPORT_LEG,
  danger: handoffWords.DANGER,
  capacity: handoffWords.CAPACITY,
  capacityReason: handoffWords.CAPACITY_REASON,
  need: handoffWords.NEED,
  fundingScheme: handoffWords.FUNDING_SCHEME,
  dischargeKind: handoffWords.DISCHARGE_KIND,
  stayReviewDecision: handoffWords.STAY_REVIEW_DECISION,
  observationResult: handoffWords.OBSERVATION_RESULT,
  tracingChannel: handoffWords.TRACING_CHANNEL,
  tracingResult: handoffWords.TRACING_RESULT,
  unreadyReason: handoffWords.UNREADY_REASON,
  tracingDecision: handoffWords.TRACING_DECISION,
  declineReason: handoffWords.DECLINE_REASON,
  handoverTarget: handoffWords.HANDOVER_TARGET,
  guardianBasis: handoffWords.GUARDIAN_BASIS,
  jurisdiction: handoffWords.JURISDICTION,
  consent: handoffWords.CONSENT,
  reviewDecision: handoffWords.REVIEW_DECISION,
  planStatus: handoffWords.PLAN_STATUS,
  advocacySource: handoffWords.ADVOCACY_SOURCE,
  conferenceRole: handoffWords.CONFERENCE_ROLE,
  conferenceDecision: handoffWords.CONFERENCE_DECISION,
  deadline: timeWords.DEADLINE,
  moment: timeWords.MOMENT,
  command: commandWords.COMMAND,
  role: peopleWords.ROLE,
  practiceRole: peopleWords.PRACTICE_ROLE,
  unitKind: peopleWords.UNIT_KIND,
  audience: peopleWords.AUDIENCE,
  standing: peopleWords.STANDING,
  event: eventWords.EVENT,
  field: eventWords.FIELD,
  actedBy: eventWords.ACTED_BY,
  identityField: eventWords.IDENTITY_FIELD,
  stageReason: eventWords.STAGE_REASON,
} as const;

export type LabelList = keyof typeof LISTS;
export type CodeOf<L extends LabelList> = keyof (typeof LISTS)[L] & string;

export function label<L extends LabelList>(list: L, code: CodeOf<L> | (string & {}), lang: Language = 'id'): string {
  const words = (LISTS[list] as Record<string, caseWords.Words>)[code];
  return words ? words[lang === 'id' ? 0 : 1] : code;
}

/** Why a case escalated, and what to do about it. */
export function escalationWords(reason: string, lang: Language = 'id'): { what: string; todo: string } {
  const words = (timeWords.ESCALATION as Record<string, { what: caseWords.Words; todo: caseWords.Words }>)[reason];
  const i = lang === 'id' ? 0 : 1;
  return words ? { what: words.what[i], todo: words.todo[i] } : { what: reason, todo: '' };
}

/** What an escalation is about, in words: the deadline, the visit, the party or the item its subject names. */
export function escalationSubjectWords(reason: string, subject: string, lang: Language = 'id'): string {
  switch (reason) {
    case 'deadline':
      return label('deadline', subject, lang);
    case 'visit_missed':
      return label('visit', subject, lang);
    case 'external_overdue':
      return label('externalParty', subject, lang);
    case 'integration_stalled':
      return label('partnerCall', subject, lang);
    case 'partner_report':
      return label('command', subject, lang);
    case 'service_overdue':
      return subject.endsWith(':link') ? `${lang === 'id' ? 'penghubungan layanan' : 'linking service'} ${subject.split(':')[0]}` : `${lang === 'id' ? 'layanan' : 'service'} ${subject}`;
    case 'advocacy_overdue':
      return `${lang === 'id' ? 'butir advokasi' : 'advocacy item'} ${subject}`;
    case 'facility_silent':
    case 'pickup_overdue':
    case 'transfer_overdue':
      return subject;
    default:
      // The other reasons' subjects (no_activity, shelter, family_tracing…) say no more than the reason.
      return '';
  }
}

/** Every list's codes: for tests that check each one has its words. */
export const LABEL_LISTS = LISTS;
