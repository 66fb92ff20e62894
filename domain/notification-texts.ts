// What each message says, in words a Kasi or a family reads: labels for every code, times in the region's
// zone, what to do next. Staff messages name the case by its short reference; a family's message names
// the sending office and its official number and never a reference the family was not given.
import { currentCategory, isLegacyCategory } from './categories';
import type { Language } from './labels';
import { escalationSubjectWords, escalationWords, label } from './labels';
import { localTime } from './local-time';
import type { Audience, NotificationTemplate } from './notifications';

export type Fields = Record<string, string | number | null>;

/** The office a message is sent on behalf of (configured per region) and its official contact number. */
export interface Office {
  name: string;
  phone: string;
}

export interface MessageContext {
  audience: Audience;
  regionCode: string;
  lang: Language;
  office: Office | undefined;
}

type Text = (f: Fields, c: MessageContext) => string;

const ref = (f: Fields) => String(f.caseId ?? '').slice(0, 8);
const str = (v: Fields[string] | undefined) => (v === null || v === undefined ? '' : String(v));
const at = (iso: Fields[string] | undefined, c: MessageContext) => (iso ? localTime(String(iso), c.regionCode, c.lang) : '');

/** "kasus 3f2a9c1e (ODGJ terlantar, risiko tinggi)". */
function caseWords(f: Fields, c: MessageContext): string {
  const category = label('category', str(f.category), c.lang);
  const risk = f.riskLevel ? (c.lang === 'id' ? `, risiko ${label('risk', str(f.riskLevel), 'id')}` : `, ${label('risk', str(f.riskLevel), 'en')} risk`) : '';
  return c.lang === 'id' ? `kasus ${ref(f)} (${category}${risk})` : `case ${ref(f)} (${category}${risk})`;
}

/** "Dinas Sosial Kota Samarinda (0541-7xxxx)", or the generic words when the region has none configured. */
function sender(c: MessageContext): string {
  if (!c.office) return c.lang === 'id' ? 'Dinas Sosial setempat' : 'the local social affairs office';
  return `${c.office.name} (${c.office.phone})`;
}

const escalation = (level: 1 | 2 | 3, to: { id: string; en: string }): Text => (f, c) => {
  const { what, todo } = escalationWords(str(f.reason), c.lang);
  const about = escalationSubjectWords(str(f.reason), str(f.subject), c.lang);
  const since = f.dueAt ? (c.lang === 'id' ? ` sejak ${at(f.dueAt, c)}` : ` since ${at(f.dueAt, c)}`) : '';
  return c.lang === 'id'
    ? `Sigap — ${caseWords(f, c)}: eskalasi tingkat ${level} ke ${to.id}. ${what}${about ? ` (${about})` : ''}${since}. Yang perlu dilakukan: ${todo}.`
    : `Sigap — ${caseWords(f, c)}: escalation level ${level} to ${to.en}. ${what}${about ? ` (${about})` : ''}${since}. To do: ${todo}.`;
};

export const TEXTS: Record<NotificationTemplate, Text> = {
  'deadline.reminder': (f, c) => {
    const step = label('deadline', str(f.kind), c.lang);
    const by = f.dueAt ? at(f.dueAt, c) : '';
    return c.lang === 'id'
      ? `Sigap — ${caseWords(f, c)}: separuh waktu untuk ${step} sudah berlalu${by ? `; batasnya ${by}` : ''}. Mohon selesaikan sebelum batas itu.`
      : `Sigap — ${caseWords(f, c)}: half the time for the ${step} has passed${by ? `; it is due ${by}` : ''}. Please complete it before then.`;
  },
  'escalation.level1': escalation(1, { id: 'manajer kasus dan Kepala Seksi', en: 'the case manager and the head of section' }),
  'escalation.level2': escalation(2, { id: 'Kepala Bidang', en: 'the head of division' }),
  'escalation.level3': escalation(3, { id: 'Kepala Dinas', en: 'the head of agency' }),
  'referral.sent': (f, c) =>
    c.lang === 'id'
      ? `${sender(c)} mengajukan rujukan (${label('referralPartner', str(f.partner), 'id')}) untuk ${caseWords(f, c)}. Mohon berikan keputusan melalui sistem rujukan.`
      : `${sender(c)} has sent a referral (${label('referralPartner', str(f.partner), 'en')}) for ${caseWords(f, c)}. Please decide through the referral system.`,
  'transport.booked': (f, c) =>
    c.audience === 'family'
      ? c.lang === 'id'
        ? `${sender(c)}: perjalanan pulang anggota keluarga Anda sudah dijadwalkan. Petugas kami akan menghubungi Anda untuk serah terima. Bila ragu, hubungi nomor resmi di atas.`
        : `${sender(c)}: the trip home of your family member is booked. Our officer will contact you about the hand-over. If in doubt, call the official number above.`
      : c.lang === 'id'
        ? `Sigap — ${caseWords(f, c)}: perjalanan pulang sudah dipesan. Hubungi keluarga untuk serah terima.`
        : `Sigap — ${caseWords(f, c)}: the trip home is booked. Contact the family about the hand-over.`,
  'transport.cancelled': (f, c) =>
    c.audience === 'family'
      ? c.lang === 'id'
        ? `${sender(c)}: jadwal perjalanan pulang anggota keluarga Anda dibatalkan dan akan dijadwalkan ulang. Petugas kami akan menghubungi Anda.`
        : `${sender(c)}: the trip home of your family member is cancelled and will be rescheduled. Our officer will contact you.`
      : c.lang === 'id'
        ? `Sigap — ${caseWords(f, c)}: perjalanan pulang dibatalkan. Kabari keluarga dan jadwalkan ulang.`
        : `Sigap — ${caseWords(f, c)}: the trip home is cancelled. Tell the family and rebook.`,
  'facility.discharged': (f, c) =>
    c.lang === 'id'
      ? `Sigap — ${caseWords(f, c)}: RSJ menyatakan pasien boleh pulang. Jemput paling lambat ${at(f.pickupBy, c)}.`
      : `Sigap — ${caseWords(f, c)}: the hospital has discharged the patient. Pick up by ${at(f.pickupBy, c)}.`,
  'transfer.requested': (f, c) =>
    c.lang === 'id'
      ? `Sigap — permohonan alih kelola ${caseWords(f, c)} ke ${label('transferTarget', str(f.to), 'id')}. Mohon putuskan terima atau tolak dalam 7 hari melalui Sigap.`
      : `Sigap — a transfer of ${caseWords(f, c)} to the ${label('transferTarget', str(f.to), 'en')} is requested. Please accept or decline within 7 days in Sigap.`,
  'transfer.declined': (f, c) =>
    c.lang === 'id'
      ? `Sigap — alih kelola ${caseWords(f, c)} ditolak penerima. Kasus kembali kepada Anda; tentukan langkah berikutnya.`
      : `Sigap — the transfer of ${caseWords(f, c)} was declined. The case is back with you; decide the next step.`,
  'batch.escalated': (f, c) =>
    c.lang === 'id'
      ? `Sigap — pemulangan rombongan ${ref(f)} terhenti pada rencana ke-${str(f.planVersion)}. Mohon rencanakan ulang perjalanannya.`
      : `Sigap — the group trip ${ref(f)} stopped on plan ${str(f.planVersion)}. Please re-plan the trip.`,
  'caseload.over': (f, c) =>
    c.lang === 'id'
      ? `Sigap — petugas ${str(f.staffId)} kini memegang ${str(f.open)} kasus terbuka (batas ${str(f.threshold)}). Mohon tinjau pembagian kasus.`
      : `Sigap — worker ${str(f.staffId)} now carries ${str(f.open)} open cases (threshold ${str(f.threshold)}). Please review the allocation.`,
  'staff.lapsing': (f, c) =>
    c.lang === 'id'
      ? `Sigap — ${str(f.count)} petugas verifikasi atau sertifikasinya habis dalam ${str(f.withinDays)} hari atau sudah lewat (${str(f.staffIds)}); ${str(f.openCases)} kasus terbuka mereka perlu ditinjau.`
      : `Sigap — ${str(f.count)} staff have a verification or certification lapsing within ${str(f.withinDays)} days or lapsed (${str(f.staffIds)}); their ${str(f.openCases)} open cases need a look.`,
};

export function renderText(template: NotificationTemplate, fields: Fields, context: MessageContext): string {
  // A case opened before #13 may still name its category by the old code; the message uses the current one.
  const category = fields.category;
  const shown = typeof category === 'string' && isLegacyCategory(category) ? { ...fields, category: currentCategory(category) } : fields;
  return TEXTS[template](shown, context);
}
