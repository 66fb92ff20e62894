// A timeline event in words: its name and its fields, each value read from the list its field holds in that
// event. The same field name holds different lists in different events (`to` is a stage, a risk, a transfer
// target or a worker's id), so the event's type decides first, then the field's own name.
import { RULE_MESSAGES } from '../rule-codes';
import type { LabelList, Language } from './index';
import { escalationSubjectWords, escalationWords, label } from './index';

type Shown = LabelList | 'time' | 'escalationReason' | 'escalationSubject' | 'stageReason' | 'ruleCode' | 'hidden';

const BY_FIELD: Record<string, Shown> = {
  basis: 'guardianBasis',
  by: 'actedBy',
  call: 'partnerCall',
  capacity: 'capacity',
  capacityReason: 'capacityReason',
  channel: 'channel',
  command: 'command',
  component: 'atensiComponent',
  components: 'atensiComponent',
  consent: 'consent',
  danger: 'danger',
  decisions: 'conferenceDecision',
  fields: 'identityField',
  leg: 'transportLeg',
  needs: 'need',
  participants: 'conferenceRole',
  partner: 'referralPartner',
  party: 'externalParty',
  pathway: 'pathway',
  scheme: 'fundingScheme',
  setting: 'careSetting',
  source: 'advocacySource',
  stage: 'stage',
  dischargedAt: 'time',
  dueAt: 'time',
  endsAt: 'time',
  partyDueAt: 'time',
  pickupBy: 'time',
  searchUntil: 'time',
  since: 'time',
  targetAt: 'time',
  // Internal: an escalation's key and the position of a note (a command's reason, encrypted) say nothing.
  key: 'hidden',
  index: 'hidden',
  note: 'hidden',
};

/**
 * The order fields read in: what and from where to where first, times last. The read model stores the data
 * as jsonb, which keeps no order of its own ("to" would come before "from").
 */
const ORDER = [
  'kind', 'command', 'call', 'from', 'to', 'fromRegion', 'toRegion', 'channel', 'pathway', 'reason', 'subject', 'level', 'outcome', 'result', 'decision',
  'danger', 'medicalEmergency', 'capacity', 'capacityReason', 'needs', 'consent', 'familyInvolved', 'found', 'canReceive', 'ready',
  'partner', 'attempt', 'facilityCode', 'unitCode', 'leg', 'party', 'scheme', 'basis', 'assignedWorker', 'worker',
  'receiverWorker', 'itemId', 'serviceId', 'component', 'components', 'setting', 'services', 'add', 'added', 'stop', 'stopped', 'steps',
  'provider', 'participants', 'decisions', 'fields', 'source', 'count', 'days', 'hours', 'by', 'reportedLate', 'laporanSosial', 'bast',
  'stage', 'since', 'dischargedAt', 'pickupBy', 'endsAt', 'partyDueAt', 'targetAt', 'searchUntil', 'dueAt',
];
const rank = (field: string) => (ORDER.includes(field) ? ORDER.indexOf(field) : ORDER.length);

/** By exact type, or by a family of types ("transfer."); a field not named here is read by BY_FIELD. */
const BY_EVENT: Record<string, Record<string, Shown>> = {
  'stage.changed': { from: 'stage', to: 'stage', reason: 'stageReason' },
  'risk.changed': { from: 'risk', to: 'risk' },
  'category.changed': { from: 'category', to: 'category' },
  'pathway.decided': { from: 'pathway' },
  'jurisdiction.changed': { from: 'jurisdiction', to: 'jurisdiction' },
  'handover.completed': { to: 'handoverTarget' },
  'transfer.': { to: 'transferTarget', reason: 'declineReason' },
  'escalation.': { reason: 'escalationReason', subject: 'escalationSubject' },
  'deadline.': { kind: 'deadline' },
  'visit.': { kind: 'visit' },
  'advocacy.': { kind: 'advocacyKind', outcome: 'advocacyOutcome' },
  'facility.discharged': { kind: 'dischargeKind' },
  'facility.stay_reviewed': { decision: 'stayReviewDecision' },
  'exit.recorded': { kind: 'closureOutcome' },
  'evaluation.recorded': { outcome: 'evaluationOutcome' },
  'closure.': { outcome: 'closureOutcome' },
  'family_tracing.': { channel: 'tracingChannel', result: 'tracingResult', decision: 'tracingDecision' },
  'family_tracing.home_visit': { reason: 'unreadyReason' },
  'observation.': { result: 'observationResult' },
  'review.recorded': { decision: 'reviewDecision' },
  'partner.report_ignored': { reason: 'ruleCode' },
};

function shownAs(type: string, field: string): Shown | undefined {
  return BY_EVENT[type]?.[field] ?? BY_EVENT[`${type.split('.')[0]}.`]?.[field] ?? BY_FIELD[field];
}

/** What an event is: "batas waktu diperpanjang". */
export const eventWords = (type: string, lang: Language = 'id') => label('event', type, lang);

/** Why the case moved on; three reasons carry a code of their own ("services ended: ran_away"). */
export function stageReasonWords(reason: string, lang: Language = 'id'): string {
  const ended = /^services ended: (\S+)$/.exec(reason);
  if (ended) return `${lang === 'id' ? 'layanan berakhir' : 'services ended'}: ${label('closureOutcome', ended[1]!, lang)}`;
  const handed = /^handed over to (\S+)$/.exec(reason);
  if (handed) return `${lang === 'id' ? 'diserahterimakan kepada' : 'handed over to'} ${label('handoverTarget', handed[1]!, lang)}`;
  const transferred = /^transferred to (\S+)$/.exec(reason);
  if (transferred) return `${lang === 'id' ? 'dialihkelolakan ke' : 'transferred to'} ${label('transferTarget', transferred[1]!, lang)}`;
  return label('stageReason', reason, lang);
}

const yesNo = (v: boolean, lang: Language) => (v ? (lang === 'id' ? 'ya' : 'yes') : lang === 'id' ? 'tidak' : 'no');

function valueWords(value: string, shown: Shown | undefined, data: Record<string, unknown>, lang: Language, at: (iso: string) => string): string {
  switch (shown) {
    case undefined:
    case 'hidden':
      return value;
    case 'time':
      return at(value);
    case 'escalationReason':
      return escalationWords(value, lang).what;
    case 'escalationSubject':
      return escalationSubjectWords(String(data.reason ?? ''), value, lang);
    case 'stageReason':
      return stageReasonWords(value, lang);
    case 'ruleCode':
      return (RULE_MESSAGES as Record<string, { id: string; en: string } | undefined>)[value]?.[lang] ?? value;
    default:
      // Lists of codes are recorded joined by commas (a plan's components, the needs found).
      return value
        .split(',')
        .map((code) => label(shown, code, lang))
        .join(', ');
  }
}

/**
 * An event's fields in words, in reading order: "jenis: asesmen cepat", "batas: 13 Des 2026 14.00 WIT".
 * `at` writes a time (the caller knows the case's region). Empty fields and internal ones are left out.
 */
export function eventDetails(type: string, data: Record<string, unknown>, lang: Language, at: (iso: string) => string): string[] {
  const details: string[] = [];
  const fields = Object.entries(data).sort(([a], [b]) => rank(a) - rank(b));
  for (const [field, value] of fields) {
    const shown = shownAs(type, field);
    if (shown === 'hidden' || value === null || value === undefined || value === '') continue;
    const words =
      typeof value === 'boolean' ? yesNo(value, lang) : typeof value === 'string' ? valueWords(value, shown, data, lang, at) : typeof value === 'number' ? String(value) : JSON.stringify(value);
    if (words) details.push(`${label('field', field, lang)}: ${words}`);
  }
  return details;
}
