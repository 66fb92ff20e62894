// What a Kasi reads of a case in the Temporal Web UI, in Indonesian: the summary and details fixed at
// intake, the current details ("where is this case, what is it waiting for, until when"), each timer's
// summary and each partner call's. Codes only as labels, times in the region's zone, no personal data.
import type { Category, Pathway, RiskLevel } from '../categories';
import type { ReportChannel } from '../codes';
import { escalationWords, label } from '../labels';
import { localTime, zoneOf } from '../local-time';
import { provinceName } from '../regions';
import type { PartnerCall } from '../integration/calls';
import type { DueItem } from '../timing';
import type { CaseFile } from './file';

/** "64.72 Kalimantan Timur (WITA)". */
export function regionWords(regionCode: string): string {
  const province = provinceName(regionCode);
  return `${regionCode}${province ? ` ${province}` : ''} (${zoneOf(regionCode)})`;
}

/** The list row: category, risk, region, pathway. */
export function staticSummary(c: { category: Category; riskLevel: RiskLevel; regionCode: string; pathway: Pathway }): string {
  return `${label('category', c.category)} · risiko ${label('risk', c.riskLevel)} · ${regionWords(c.regionCode)} · ${label('pathway', c.pathway)}`;
}

/** The case page's fixed details, as markdown. */
export function staticDetails(c: { category: Category; riskLevel: RiskLevel; regionCode: string; pathway: Pathway; channel: ReportChannel }, openedAt: Date): string {
  return [
    `**${label('category', c.category)}** — risiko ${label('risk', c.riskLevel)}`,
    `Wilayah: ${regionWords(c.regionCode)}`,
    `Alur awal: ${label('pathway', c.pathway)}`,
    `Dilaporkan oleh: ${label('channel', c.channel)}`,
    `Dibuka: ${localTime(openedAt, c.regionCode)}`,
  ].join('\n\n');
}

/** What a moment is, in words: the deadline's step, the visit's kind, or the moment itself. */
export function momentWords(item: Pick<DueItem, 'trigger' | 'label' | 'key'>): string {
  if (item.trigger === 'deadline' || item.trigger === 'reminder') return `${label('moment', item.trigger)} ${label('deadline', item.label)}`;
  if (item.trigger === 'visit_due' || item.trigger === 'visit_missed') {
    const kind = item.key.split(':')[1] ?? '';
    return `${label('moment', item.trigger)}: ${label('visit', kind)}`;
  }
  if (item.trigger === 'ladder') return `${label('moment', 'ladder')}: ${escalationWords(item.label).what}`;
  return label('moment', item.trigger);
}

/** A timer's summary: "jadwal kunjungan: kunjungan tindak lanjut — 12 Des 2026 14.00 WITA". */
export function timerSummary(item: DueItem, regionCode: string): string {
  return `${momentWords(item)} — ${localTime(item.at, regionCode)}`;
}

/** The case page's current details: where it is, what it waits for and until when, and its escalation. */
export function currentDetails(file: CaseFile, next: DueItem | undefined): string {
  const where = `**${label('status', file.status)}** · tahap ${label('stage', file.stage)} · ${label('pathway', file.pathway)} · ${regionWords(file.regionCode)}`;
  if (file.status !== 'open') {
    const outcome = file.closure?.outcome ? ` (${label('closureOutcome', file.closure.outcome)})` : '';
    return `${where}${outcome} · sejak ${file.closedAt ? localTime(file.closedAt, file.regionCode) : '-'}`;
  }
  const waiting = next ? `menunggu ${momentWords(next)}, batas ${localTime(next.at, file.regionCode)}` : 'tidak ada jadwal yang menunggu';
  const top = [...file.escalations].sort((a, b) => b.level - a.level)[0];
  const escalation = top ? ` · eskalasi tingkat ${top.level}: ${escalationWords(top.reason).what}` : ' · tanpa eskalasi';
  const worker = file.assignedWorker ? ` · petugas ${file.assignedWorker}` : ' · belum ada petugas';
  return `${where}\n\n${waiting}${escalation}${worker}`;
}

/** A partner call's summary in the event history: "permohonan rujukan ke fasilitas — RSJ-ATMA-HUSADA". */
export function partnerCallSummary(call: PartnerCall, regionCode: string): string {
  switch (call.kind) {
    case 'referral.admit':
      return `${label('partnerCall', call.kind)} — ${label('referralPartner', call.partner)} ${call.facilityCode} (ke-${call.attempt})`;
    case 'transport.book':
    case 'transport.cancel':
      return `${label('partnerCall', call.kind)} — ${label('transportLeg', call.leg)}`;
    case 'tracing.lookup':
      return `${label('partnerCall', call.kind)} — ${regionWords(regionCode)}`;
  }
}
