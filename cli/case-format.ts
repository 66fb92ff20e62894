// `case show` in words: the live state where the workflow gave it (it is current), the read model's record
// for the rest; codes from the label catalogue, times in the case's region's zone.
import { regionWords } from '../domain/case/ui-texts';
import { escalationSubjectWords, escalationWords, label } from '../domain/labels';
import { deadlineWords, timeIn, tr } from './format';
import type { Lang } from './messages';
import type { CaseDetails, CaseView } from './responses';

/** Every line starts with what it is, padded so that the values line up in both languages. */
const KEY = 15;
const line = (key: string, value: string) => `${key.padEnd(KEY)}${value}`;

type At = ReturnType<typeof timeIn>;

export function caseLines(d: CaseDetails, now = Date.now(), lang: Lang = 'id'): string[] {
  const t = tr(lang);
  const r = d.record;
  const v = d.live;
  const region = v?.regionCode ?? r?.regionCode;
  const at = timeIn(region, lang);
  const code = (list: Parameters<typeof label>[0], value: string | undefined) => (value ? label(list, value, lang) : '?');
  const pathway = v?.pathway ?? r?.pathway;
  const jurisdiction = v?.jurisdiction ?? r?.jurisdiction;
  return [
    line(t('kasus', 'case'), d.caseId),
    line('status', `${code('status', v?.status ?? r?.status)} · ${t('tahap', 'stage')} ${code('stage', v?.stage ?? r?.stage)} · ${t('jalur', 'pathway')} ${code('pathway', pathway)}`),
    line(t('kategori', 'category'), `${code('category', v?.category ?? r?.category)} · ${t('risiko', 'risk')} ${code('risk', v?.riskLevel ?? r?.riskLevel)}`),
    line(t('wilayah', 'region'), `${region ? regionWords(region) : '?'}${jurisdiction ? ` · ${label('jurisdiction', jurisdiction, lang)}` : ''}`),
    line(t('petugas', 'assigned'), (v ? v.assignedWorker : r?.assignedWorker) ?? '-'),
    line(t('eskalasi', 'escalation'), `${t('tingkat', 'level')} ${v?.escalationLevel ?? r?.escalationLevel ?? 0}`),
    ...(r?.escalations ?? []).map((e) => {
      const about = escalationSubjectWords(e.reason, e.subject, lang);
      const taken = e.acknowledged ? ` · ${t('sudah diambil alih', 'taken in charge')}` : '';
      return `  ${t('tingkat', 'level')} ${e.level} · ${escalationWords(e.reason, lang).what}${about ? ` (${about})` : ''} · ${t('sejak', 'since')} ${at(e.since)}${taken}`;
    }),
    line(t('dibuka', 'opened'), `${at(v?.openedAt ?? r?.openedAt)}${r ? ` · ${t('diperbarui', 'updated')} ${at(r.updatedAt)}` : ''}`),
    line(t('batas', 'next'), deadlineWords(v ? v.nextDeadline : r?.nextDeadline, region, now, lang)),
    ...(d.access && d.access !== 'full' ? [line(t('akses', 'access'), ACCESS[d.access]?.[lang] ?? d.access)] : []),
    ...(v ? handoffLines(v, at, lang) : []),
    ...(v ? socialWorkLines(v, now, at, lang) : []),
  ];
}

const ACCESS: Record<string, Record<Lang, string>> = {
  decide_transfer: {
    id: 'memutuskan alih kelola (alih kelola menunggu keputusan unit Anda: decideTransfer)',
    en: 'decide the transfer (a transfer waits for your unit: decideTransfer)',
  },
  read: { id: 'hanya baca (sudah diserahkan: boleh dibaca, tidak ditindaklanjuti)', en: 'read only (handed over: you may read it, not act on it)' },
};

/** Where the person is between agencies: the rapid assessment, the stay, tracing, the latest transfer. */
function handoffLines(v: CaseView, at: At, lang: Lang): string[] {
  const t = tr(lang);
  const field = (name: string) => label('field', name, lang);
  const lines: string[] = [];
  const ra = v.rapidAssessment;
  if (ra) {
    const needs = ra.needs.map((n) => label('need', n, lang)).join(', ') || '-';
    lines.push(line(t('asesmen cepat', 'rapid'), `${field('danger')}: ${label('danger', ra.danger, lang)} · ${field('capacity')}: ${label('capacity', ra.capacity, lang)} · ${field('needs')}: ${needs}`));
  }
  const stay = v.stay;
  if (stay) {
    const parts = [stay.facilityCode, `${t('pembiayaan', 'funding')}: ${stay.funding ? label('fundingScheme', stay.funding.scheme, lang) : '-'}`];
    if (stay.discharge) parts.push(`${t('pulang', 'discharged')}: ${label('dischargeKind', stay.discharge.kind, lang)} ${at(stay.discharge.at)}`, `${t('dijemput', 'picked up')}: ${at(stay.pickedUpAt)}`);
    lines.push(line(t('rawat', 'stay'), parts.join(' · ')));
  }
  const f = v.familyTracing;
  if (f) {
    const found = f.found === true ? label('tracingResult', 'found', lang) : f.found === false ? label('tracingResult', 'not_found', lang) : t('sedang ditelusuri', 'tracing');
    const why = f.unreadyReason ? ` (${label('unreadyReason', f.unreadyReason, lang)})` : '';
    const ready = f.canReceive === null ? '' : ` · ${field('canReceive')}: ${f.canReceive ? t('ya', 'yes') : `${t('tidak', 'no')}${why}`}`;
    const attempts = f.attempts ? ` · ${f.attempts.length} ${t('upaya', 'attempt(s)')}` : '';
    lines.push(line(t('penelusuran', 'tracing'), `${found}${ready}${attempts}${f.found === true ? '' : ` · ${t('batas', 'due')} ${at(f.dueAt)}`}`));
  }
  const last = v.transfers?.at(-1);
  if (last) {
    const declined = last.declineReason ? ` (${label('declineReason', last.declineReason, lang)})` : '';
    lines.push(line(t('alih kelola', 'transfer'), `${label('transferTarget', last.to, lang)} ${last.unitCode} (${last.regionCode}) · ${label('transferStatus', last.status, lang)}${declined}`));
  }
  return lines;
}

/** Where a service stands on its own schedule. */
function serviceState(s: NonNullable<CaseView['services']>[number], lang: Lang): string {
  const t = tr(lang);
  if (s.stoppedAt) return t('dihentikan', 'stopped');
  if (s.deliveredAt) return t('selesai', 'delivered');
  if (s.startedAt) return t('dimulai', 'started');
  return s.linkedAt ? t('terhubung', 'linked') : t('belum terhubung', 'to link');
}

/** The plan and its services, advocacy items (overdue marked "!"), the guardian, and how the work ended. */
function socialWorkLines(v: CaseView, now: number, at: At, lang: Lang): string[] {
  const t = tr(lang);
  const lines: string[] = [];
  if (v.plan) {
    const revision = v.plan.revision ? ` · ${t('revisi menunggu keputusan', 'revision awaiting decision')}` : '';
    lines.push(line(t('rencana', 'plan'), `${label('planStatus', v.plan.status, lang)} · ${label('field', 'setting', lang)}: ${label('careSetting', v.plan.setting, lang)}${revision}`));
  }
  for (const s of v.services ?? []) lines.push(`  ${s.id} ${label('atensiComponent', s.component, lang)} · ${serviceState(s, lang)} · ${t('batas', 'due')} ${at(s.dueAt)}`);
  for (const a of v.advocacy ?? []) {
    const open = a.status === 'open' || a.status === 'in_progress';
    const overdue = open && Date.parse(a.targetAt) < now ? '!' : '';
    lines.push(line(t('advokasi', 'advocacy'), `${a.id} ${label('advocacyKind', a.kind, lang)} · ${label('advocacyStatus', a.status, lang)} · ${a.worker} · target ${overdue}${at(a.targetAt)}`));
  }
  if (v.guardian) lines.push(line(t('wali', 'guardian'), label('guardianBasis', v.guardian.basis, lang)));
  if (v.absence && !v.absence.returnedAt && !v.exit) {
    lines.push(line(t('pergi', 'absent'), `${t('sejak', 'since')} ${at(v.absence.since)} · ${t('dicari sampai', 'search until')} ${at(v.absence.searchUntil)}`));
  }
  if (v.exit) lines.push(line(t('berakhir', 'ended'), `${label('closureOutcome', v.exit.kind, lang)} ${at(v.exit.at)}`));
  if (v.closure) {
    const approval = v.closure.approvedAt ? ` · ${t('disetujui', 'approved')} ${at(v.closure.approvedAt)}` : ` · ${t('menunggu persetujuan', 'awaiting approval')}`;
    lines.push(line(t('penutupan', 'closure'), `${label('closureOutcome', v.closure.outcome, lang)}${approval}`));
  }
  return lines;
}
