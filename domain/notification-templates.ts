// Message texts in Bahasa Indonesia and English. They name the case by a short reference and codes only:
// a message can sit on a shared phone, so it never carries a name, a diagnosis or an address.
import { currentCategory, isLegacyCategory } from './categories';
import type { Audience, NotificationTemplate } from './notifications';

export type Language = 'id' | 'en';
export type Channel = 'sms' | 'whatsapp' | 'email';

type Fields = Record<string, string | number | null>;

const ref = (f: Fields) => String(f.caseId ?? '').slice(0, 8);

const TEXTS: Record<NotificationTemplate, Record<Language, (f: Fields) => string>> = {
  'deadline.reminder': {
    id: (f) => `Sigap: kasus ${ref(f)} (${f.category}) — separuh waktu untuk ${f.kind} telah berlalu. Mohon segera ditindaklanjuti.`,
    en: (f) => `Sigap: case ${ref(f)} (${f.category}) — half the time for ${f.kind} has passed. Please act soon.`,
  },
  'escalation.level1': {
    id: (f) => `Sigap: kasus ${ref(f)} (${f.category}, risiko ${f.riskLevel}) melewati batas waktu (${f.reason}: ${f.subject}). Eskalasi tingkat 1.`,
    en: (f) => `Sigap: case ${ref(f)} (${f.category}, risk ${f.riskLevel}) is overdue (${f.reason}: ${f.subject}). Escalation level 1.`,
  },
  // How long after the deadline depends on the reason and the risk (the ladder per reason and risk).
  'escalation.level2': {
    id: (f) => `Sigap: kasus ${ref(f)} (${f.category}) masih tertunda setelah batas waktu (${f.reason}). Eskalasi tingkat 2 ke Kepala Bidang.`,
    en: (f) => `Sigap: case ${ref(f)} (${f.category}) is still overdue after its deadline (${f.reason}). Escalation level 2 to the Head of Division.`,
  },
  'escalation.level3': {
    id: (f) => `Sigap: kasus ${ref(f)} (${f.category}) masih tertunda jauh setelah batas waktu (${f.reason}). Eskalasi tingkat 3 ke Kepala Dinas.`,
    en: (f) => `Sigap: case ${ref(f)} (${f.category}) is still overdue long after its deadline (${f.reason}). Escalation level 3 to the Head of Agency.`,
  },
  'caseload.over': {
    id: (f) => `Sigap: petugas ${f.staffId} kini memegang ${f.open} kasus terbuka (batas ${f.threshold}). Mohon tinjau pembagian kasus.`,
    en: (f) => `Sigap: worker ${f.staffId} now carries ${f.open} open cases (threshold ${f.threshold}). Please review the case allocation.`,
  },
  'staff.lapsing': {
    id: (f) => `Sigap: ${f.count} petugas di wilayah ${f.regionCode} verifikasi/sertifikasinya habis dalam ${f.withinDays} hari atau sudah lewat (${f.staffIds}); ${f.openCases} kasus terbuka mereka perlu ditinjau.`,
    en: (f) => `Sigap: ${f.count} staff in ${f.regionCode} have a verification or certification lapsing within ${f.withinDays} days or lapsed (${f.staffIds}); their ${f.openCases} open cases need a look.`,
  },
  'referral.sent': {
    id: (f) => `Dinas Sosial mengajukan permohonan rujukan (${f.partner}) untuk kasus ${ref(f)}. Mohon berikan keputusan melalui sistem rujukan.`,
    en: (f) => `The social affairs office has sent a referral request (${f.partner}) for case ${ref(f)}. Please decide through the referral system.`,
  },
  'transport.cancelled': {
    id: (f) => `Dinas Sosial: jadwal perjalanan pulang untuk kasus ${ref(f)} dibatalkan dan akan dijadwalkan ulang. Petugas akan menghubungi Anda.`,
    en: (f) => `Social affairs office: the trip home for case ${ref(f)} is cancelled and will be rescheduled. An officer will contact you.`,
  },
  'facility.discharged': {
    id: (f) => `Sigap: kasus ${ref(f)} (${f.category}) — fasilitas menyatakan pasien boleh pulang. Mohon dijemput paling lambat ${f.pickupBy}.`,
    en: (f) => `Sigap: case ${ref(f)} (${f.category}) — the facility has discharged the patient. Please pick up by ${f.pickupBy}.`,
  },
  'transfer.requested': {
    id: (f) => `Sigap: permohonan alih kelola kasus ${ref(f)} (${f.category}) ke ${f.to}. Mohon putuskan terima/tolak melalui Sigap.`,
    en: (f) => `Sigap: a transfer of case ${ref(f)} (${f.category}) to ${f.to} is requested. Please accept or decline in Sigap.`,
  },
  'transfer.declined': {
    id: (f) => `Sigap: permohonan alih kelola kasus ${ref(f)} ditolak (${f.reason}). Kasus kembali kepada Anda.`,
    en: (f) => `Sigap: the transfer of case ${ref(f)} was declined (${f.reason}). The case is back with you.`,
  },
  'batch.escalated': {
    id: (f) => `Sigap: pemulangan rombongan ${ref(f)} terhenti (${f.reason}) pada rencana ${f.planVersion}. Mohon rencanakan ulang.`,
    en: (f) => `Sigap: the group repatriation ${ref(f)} stopped (${f.reason}) on plan ${f.planVersion}. Please re-plan.`,
  },
  'transport.booked': {
    id: (f) => `Dinas Sosial: perjalanan pulang untuk kasus ${ref(f)} telah dijadwalkan. Petugas akan menghubungi Anda untuk penjemputan.`,
    en: (f) => `Social affairs office: the trip home for case ${ref(f)} is booked. An officer will contact you about the pick-up.`,
  },
};

export function renderNotification(template: NotificationTemplate, language: Language, fields: Fields): string {
  // A case opened before #13 may still name its category by the old code; the message uses the current one.
  const category = fields.category;
  const shown = typeof category === 'string' && isLegacyCategory(category) ? { ...fields, category: currentCategory(category) } : fields;
  return TEXTS[template][language](shown);
}

/** How each audience is reached: families by SMS (any phone), field staff by WhatsApp, heads and agencies by email. */
export function channelFor(audience: Audience): Channel {
  switch (audience) {
    case 'family':
      return 'sms';
    case 'case_manager':
    case 'supervisor':
      return 'whatsapp';
    case 'kepala_bidang':
    case 'kepala_dinas':
    case 'receiving_agency':
      return 'email';
  }
}

/**
 * The gateway-side address: a directory entry, not a phone number or e-mail address, so Sigap's database
 * holds no contact data. The gateway's directory resolves it.
 */
export function recipientFor(n: { audience: Audience; caseId: string; staffId: string | null; regionCode: string }): string {
  switch (n.audience) {
    case 'case_manager':
      return n.staffId ? `staff:${n.staffId}` : `role:supervisor:${n.regionCode}`;
    case 'supervisor':
    case 'kepala_bidang':
    case 'kepala_dinas':
      // A registered role holder by name; otherwise whoever the gateway's directory lists for the role.
      return n.staffId ? `staff:${n.staffId}` : `role:${n.audience}:${n.regionCode}`;
    case 'family':
      return `family-of:${n.caseId}`;
    case 'receiving_agency':
      return `agency:${n.staffId ?? 'unknown'}`;
  }
}
