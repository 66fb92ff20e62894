// The staff registry as text: roles, units and standing in words, and the days a verification or a
// certification holds through, named with the staff member's own zone (a day ends at its midnight there).
import { regionWords } from '../domain/case/ui-texts';
import { label } from '../domain/labels';
import { localDate } from '../domain/local-time';
import { table, tr } from './format';
import type { Lang } from './messages';
import type { Caseload, StaffRecord } from './responses';

/** A record that may act has no standing code; its words say so rather than leave a blank a reader could doubt. */
const standingOf = (s: StaffRecord, lang: Lang) => label('standing', s.standing ?? 'ok', lang);

const day = (s: StaffRecord, d: string | null, lang: Lang) => (d ? localDate(d, s.regionCode, lang) : '-');

export function staffTable(items: StaffRecord[], lang: Lang = 'id'): string[] {
  const t = tr(lang);
  return table([
    [t('PETUGAS', 'STAFF'), t('PERAN', 'ROLE'), 'UNIT', t('WILAYAH', 'REGION'), 'KECAMATAN', t('VERIFIKASI S.D.', 'VERIFIED UNTIL'), t('SERTIFIKASI S.D.', 'CERTIFIED UNTIL'), t('STATUS', 'STANDING')],
    ...items.map((s) => [
      s.staffId,
      label('practiceRole', s.role, lang),
      s.unitCode,
      s.regionCode,
      s.kecamatanCode ?? '-',
      day(s, s.verifiedUntil, lang),
      day(s, s.certifiedUntil, lang),
      standingOf(s, lang),
    ]),
  ]);
}

const KEY = 12;
const line = (key: string, value: string) => `${key.padEnd(KEY)}${value}`;

export function staffLines(s: StaffRecord, lang: Lang = 'id'): string[] {
  const t = tr(lang);
  const until = t('berlaku s.d.', 'until');
  return [
    line(t('petugas', 'staff'), `${s.staffId} · ${label('practiceRole', s.role, lang)} · ${s.active ? t('aktif', 'active') : t('nonaktif', 'inactive')}`),
    line('unit', `${s.unitCode} (${label('unitKind', s.unitKind, lang)}) · ${t('wilayah', 'region')} ${regionWords(s.regionCode)}${s.kecamatanCode ? ` · kecamatan ${s.kecamatanCode}` : ''}`),
    line(t('verifikasi', 'verified'), `${until} ${day(s, s.verifiedUntil, lang)}`),
    ...(s.certificationNo || s.certifiedUntil ? [line(t('sertifikasi', 'certified'), `${s.certificationNo ?? '-'} ${until} ${day(s, s.certifiedUntil, lang)}`)] : []),
    line(t('status', 'standing'), standingOf(s, lang)),
  ];
}

export function caseloadLine(c: Caseload, lang: Lang = 'id'): string {
  if (lang === 'id') return `${c.staffId} · ${c.open} kasus berjalan · ambang ${c.threshold}${c.over ? ' · melebihi ambang' : ''}`;
  return `${c.staffId} · ${c.open} open case${c.open === 1 ? '' : 's'} · threshold ${c.threshold}${c.over ? ' · over' : ''}`;
}
