// What a Kasi reads in the Temporal Web UI: summaries, details and timer summaries in Indonesian, with
// the region's time, and no code in sight.
import { currentDetails, partnerCallSummary, staticDetails, staticSummary, timerSummary } from '../../domain/case/ui-texts';
import { nextDeadline, nextDue } from '../../domain/scheduler';
import { HOUR } from '../../domain/time';
import { CM, CaseDriver, SPV } from '../helpers/case-driver';

const RAW_CODE = /[a-z]+_[a-z_]+/;

test('the fixed summary and details name the case by labels, its region by province and zone', () => {
  const c = { category: 'odgj_terlantar', riskLevel: 'high', regionCode: '64.72', pathway: 'odgj', channel: 'satpol_pp' } as const;
  expect(staticSummary(c)).toBe('ODGJ terlantar · risiko tinggi · 64.72 Kalimantan Timur (WITA) · perawatan di RSJ');
  const details = staticDetails(c, new Date('2026-12-12T06:00:00Z'));
  expect(details).toContain('Dibuka: 12 Des 2026 14.00 WITA');
  expect(details).not.toMatch(RAW_CODE);
});

test('current details say where the case is, what it waits for and until when; timers say what they are', () => {
  const c = CaseDriver.open('odgj_terlantar', 'odgj', { rules: 6, regionCode: '64.72' });
  const waiting = currentDetails(c.file, nextDeadline(c.file, c.policy));
  expect(waiting).toMatch(/^\*\*berjalan\*\* · tahap identifikasi/);
  expect(waiting).toContain('menunggu batas waktu tanggapan pertama, batas 2 Mar 2026 17.00 WITA');
  expect(timerSummary(nextDue(c.file, c.policy)!, '64.72')).toBe('pengingat separuh waktu tanggapan pertama — 2 Mar 2026 16.30 WITA');
  c.at(2 * HOUR);
  const late = currentDetails(c.file, nextDeadline(c.file, c.policy));
  expect(late).toContain('eskalasi tingkat 1: batas waktu langkah terlewat');
  c.decide('odgj');
  c.act(SPV, { type: 'withdraw', reason: 'duplikat' });
  expect(currentDetails(c.file, undefined)).toMatch(/^\*\*dibatalkan\*\*/);
  for (const text of [waiting, late]) expect(text).not.toMatch(RAW_CODE);
  expect(partnerCallSummary({ kind: 'transport.book', key: 'k', leg: 'home', from: '64.72', to: '32.04' }, '64.72')).toBe('pemesanan transportasi — perjalanan pulang');
  void CM;
});
