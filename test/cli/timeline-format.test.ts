// A case's timeline as the CLI prints it (`case timeline`, `case watch`): the event, who and the stage in
// words, its fields by name with their values from the list each holds in that event, times in the case's
// zone. And every event type and stage-change reason the steps record has its words.
import fs from 'node:fs';
import path from 'node:path';
import type { TimelineEvent } from '../../cli/responses';
import { eventLine } from '../../cli/timeline-format';
import { TRANSPORT_EVENTS } from '../../domain/codes';
import { label } from '../../domain/labels';
import { stageReasonWords } from '../../domain/labels/timeline';

const RAW_CODE = /\b[a-z]+_[a-z_]+\b/;

let seq = 0;
const ev = (type: string, role: string, id: string, stage: string, data: TimelineEvent['data']): TimelineEvent => ({ seq: seq++, type, at: '2026-12-12T06:30:00Z', actor: { id, role }, stage, data });

/** One realistic event for every kind of value a field can hold, as the API sends them (codes, UTC). */
const EVENTS: TimelineEvent[] = [
  ev('case.opened', 'operator', 'op-91', 'identification', { channel: 'satpol_pp', pathway: 'odgj' }),
  ev('case.acknowledged', 'operator', 'op-91', 'identification', { assignedWorker: 'cm-1' }),
  ev('stage.changed', 'operator', 'op-91', 'assessment', { from: 'identification', to: 'assessment', reason: 'first response made' }),
  ev('rapid_assessment.recorded', 'case_manager', 'cm-1', 'assessment', { danger: 'both', medicalEmergency: false, capacity: 'lacks_capacity', capacityReason: 'acute_psychosis', needs: 'psychiatric_care,food' }),
  ev('category.changed', 'case_manager', 'cm-1', 'assessment', { from: 'orang_terlantar', to: 'odgj_terlantar' }),
  ev('risk.changed', 'case_manager', 'cm-1', 'assessment', { from: 'medium', to: 'high' }),
  ev('pathway.decided', 'supervisor', 'spv-91', 'assessment', { from: 'shelter', pathway: 'odgj' }),
  ev('deadline.reminder', 'system', 'sigap', 'assessment', { kind: 'rapid_assessment', key: 'rapid_assessment:1', dueAt: '2026-12-13T06:00:00Z' }),
  ev('deadline.paused', 'supervisor', 'spv-91', 'assessment', { kind: 'assessment', party: 'civil_registry', partyDueAt: '2026-12-20T00:00:00Z' }),
  ev('escalation.raised', 'system', 'sigap', 'assessment', { key: 'deadline:pathway_decision', reason: 'deadline', subject: 'pathway_decision', level: 1, dueAt: '2026-12-13T06:00:00Z' }),
  ev('escalation.raised', 'system', 'sigap', 'assessment', { key: 'stalled:1', reason: 'stalled', subject: 'no_activity', level: 1, dueAt: '2026-12-13T06:00:00Z' }),
  ev('partner.report_ignored', 'system', 'sigap', 'linking', { command: 'recordReferralDecision', reason: 'WRONG_STAGE' }),
  ev('integration.stalled', 'system', 'sigap', 'linking', { call: 'transport.book' }),
  ev('referral.sent', 'system', 'sigap', 'linking', { partner: 'rsj', attempt: 1, facilityCode: 'RSJ-ABEPURA' }),
  ev('facility.discharged', 'partner', 'rsj-abepura', 'implementation', { kind: 'own_request', facilityCode: 'RSJ-ABEPURA', pickupBy: '2026-12-14T00:00:00Z' }),
  ev('facility.funding_guaranteed', 'case_manager', 'cm-1', 'implementation', { scheme: 'bpjs_pbi' }),
  ev('facility.stay_reviewed', 'supervisor', 'spv-91', 'implementation', { decision: 'seek_placement' }),
  ev('observation.extended', 'partner', 'rsj-abepura', 'implementation', { days: 7, endsAt: '2026-12-19T00:00:00Z', by: 'facility' }),
  ev('observation.result', 'partner', 'rsj-abepura', 'implementation', { result: 'needs_further_care' }),
  ev('family_tracing.attempt', 'case_manager', 'cm-1', 'planning', { channel: 'dukcapil_biometric', result: 'not_found' }),
  ev('family_tracing.home_visit', 'case_manager', 'cm-1', 'planning', { ready: false, reason: 'economy' }),
  ev('family_tracing.reviewed', 'supervisor', 'spv-91', 'planning', { decision: 'refer_onwards', dueAt: '2026-12-30T00:00:00Z' }),
  ev('identity.recorded', 'case_manager', 'cm-1', 'planning', { fields: 'nik,birthDate' }),
  ev('assessment.recorded', 'case_manager', 'cm-1', 'planning', { consent: 'not_possible', familyInvolved: true, laporanSosial: 'LS/91/2026/17' }),
  ev('guardian.appointed', 'supervisor', 'spv-91', 'planning', { basis: 'court_order' }),
  ev('plan.submitted', 'case_manager', 'cm-1', 'planning', { components: 'terapi_psikososial,dukungan_keluarga', setting: 'residential', services: 2 }),
  ev('service.linked', 'case_manager', 'cm-1', 'implementation', { serviceId: 'svc-1', component: 'terapi_psikososial', provider: 'UPTD Panti Bina Laras' }),
  ev('conference.recorded', 'case_manager', 'cm-1', 'implementation', { participants: 'case_manager,rt_rw,origin_dinsos', decisions: 'seek_family,open_advocacy' }),
  ev('advocacy.opened', 'case_manager', 'cm-1', 'implementation', { itemId: 'adv-1', kind: 'dtsen_registration', source: 'assessment', worker: 'cm-1', targetAt: '2027-01-10T00:00:00Z' }),
  ev('advocacy.closed', 'case_manager', 'cm-1', 'implementation', { itemId: 'adv-1', kind: 'dtsen_registration', outcome: 'partly_achieved' }),
  ev('visit.missed', 'system', 'sigap', 'monitoring', { kind: 'follow_up', dueAt: '2027-01-12T00:00:00Z', level: 1 }),
  ev('review.recorded', 'case_manager', 'cm-1', 'monitoring', { decision: 'terminate', dueAt: '2027-03-12T00:00:00Z' }),
  ev('transfer.requested', 'case_manager', 'cm-1', 'planning', { to: 'dinsos_provinsi', unitCode: 'DINSOS-91', toRegion: '91', laporanSosial: 'LS/91/2026/17' }),
  ev('transfer.declined', 'supervisor', 'spv-prov', 'planning', { to: 'dinsos_provinsi', unitCode: 'DINSOS-91', reason: 'outside_mandate' }),
  ev('jurisdiction.changed', 'system', 'sigap', 'planning', { from: 'kabkota', to: 'province', fromRegion: '91.71', toRegion: '91' }),
  ev('handover.completed', 'case_manager', 'cm-1', 'monitoring', { to: 'origin_dinsos' }),
  ev('transport.departed', 'partner', 'travel-1', 'implementation', { leg: 'home', reportedLate: true }),
  ev('stage.changed', 'case_manager', 'cm-1', 'evaluation', { from: 'monitoring', to: 'evaluation', reason: 'services ended: ran_away' }),
  ev('exit.recorded', 'case_manager', 'cm-1', 'evaluation', { kind: 'ran_away', stage: 'monitoring' }),
  ev('absence.recorded', 'case_manager', 'cm-1', 'monitoring', { searchUntil: '2027-01-19T00:00:00Z' }),
  ev('evaluation.recorded', 'case_manager', 'cm-1', 'evaluation', { outcome: 'partially_met' }),
  ev('closure.approved', 'supervisor', 'spv-91', 'evaluation', { outcome: 'reunified' }),
  ev('case.withdrawn', 'supervisor', 'spv-91', 'identification', { stage: 'identification' }),
];

test('an event in words, in the case\'s zone: WIT for Jayapura', () => {
  const line = (type: string, region = '91.71') => eventLine(EVENTS.find((e) => e.type === type)!, region);
  expect(line('deadline.reminder')).toBe(
    '   7  12 Des 2026 15.30 WIT   pengingat separuh waktu           sistem Sigap                (asesmen)  jenis: asesmen cepat · batas: 13 Des 2026 15.00 WIT',
  );
  expect(line('case.acknowledged', '64.72')).toBe('   1  12 Des 2026 14.30 WITA  laporan ditanggapi                petugas intake op-91        (identifikasi)  petugas: cm-1');
  expect(line('rapid_assessment.recorded', '31.73')).toMatch(
    /^ {3}3 {2}12 Des 2026 13\.30 WIB {3}asesmen cepat dicatat +manajer kasus cm-1 +\(asesmen\) {2}bahaya: bagi diri sendiri dan orang lain · kedaruratan medis: tidak · kapasitas: belum mampu memberi persetujuan · sebab: psikosis akut · kebutuhan: perawatan kejiwaan, makanan$/,
  );
  expect(line('stage.changed')).toContain('dari: identifikasi · ke: asesmen · alasan: tanggapan pertama diberikan');
  expect(line('partner.report_ignored')).toContain('perintah: catat keputusan rujukan · alasan: Tindakan ini tidak berlaku pada tahap kasus saat ini.');
  expect(line('closure.approved')).toContain('hasil: kembali ke keluarga');
});

test('every field of every kind reads as words, never as a code, with each time in the region\'s zone', () => {
  for (const [region, zone] of [['64.72', 'WITA'], ['91.71', 'WIT'], ['31.73', 'WIB']] as const) {
    const lines = EVENTS.map((e) => eventLine(e, region));
    expect(lines.filter((l) => RAW_CODE.test(l))).toEqual([]);
    for (const l of lines) expect(l.match(/\b(WIB|WITA|WIT)\b/g)!.every((z) => z === zone)).toBe(true);
  }
  // An escalation's internal key and a subject that says no more than its reason are left out.
  const stalled = eventLine(EVENTS.filter((e) => e.type === 'escalation.raised')[1]!, '91.71');
  expect(stalled).toContain('alasan: tidak ada kegiatan selama 7 hari · tingkat: 1');
  expect(stalled).not.toMatch(/perihal|stalled:1/);
});

test('fields read in order whatever order the read model kept them in; a command\'s note position is not shown', () => {
  // jsonb keeps keys by length, so a stage change comes back as {to, from, reason}.
  const e = ev('stage.changed', 'case_manager', 'cm-1', 'linking', { to: 'linking', from: 'assessment', reason: 'assessment complete', note: 0 });
  expect(eventLine(e, '64.72')).toMatch(/\(rujukan dan penghubungan\) {2}dari: asesmen · ke: rujukan dan penghubungan · alasan: asesmen selesai$/);
  const extended = ev('deadline.extended', 'supervisor', 'spv-64', 'assessment', { note: 0, kind: 'rapid_assessment', dueAt: '2026-12-13T06:00:00Z', hours: 24 });
  expect(eventLine(extended, '64.72')).toMatch(/ {2}jenis: asesmen cepat · jam: 24 · batas: 13 Des 2026 14\.00 WITA$/);
});

test('English with --lang en', () => {
  const line = eventLine(EVENTS.find((e) => e.type === 'deadline.paused')!, '91.71', 'en');
  expect(line).toBe('   8  12 Dec 2026 15:30 WIT   deadline paused                   supervisor spv-91           (assessment)  kind: comprehensive assessment · party: civil registry · party\'s date: 20 Dec 2026 09:00 WIT');
  expect(EVENTS.map((e) => eventLine(e, '91.71', 'en')).filter((l) => RAW_CODE.test(l))).toEqual([]);
});

/** Every `type: 'x.y'` and `moveTo(…, 'reason')` the domain and the workflows record. */
function recorded(): { types: Set<string>; reasons: Set<string> } {
  const types = new Set(TRANSPORT_EVENTS.map((e) => `transport.${e}`));
  const reasons = new Set<string>();
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
  for (const file of [...walk(path.join(__dirname, '../../domain')), ...walk(path.join(__dirname, '../../workflows'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/type: '([a-z_]+\.[a-z_.]+)'/g)) types.add(m[1]!);
    for (const m of text.matchAll(/moveTo\(file, '[a-z]+', ctx, '([^']+)'\)/g)) reasons.add(m[1]!);
  }
  return { types, reasons };
}

test('every event type and every stage-change reason the steps record has its words', () => {
  const { types, reasons } = recorded();
  expect(types.size).toBeGreaterThan(90);
  expect([...types].filter((t) => label('event', t) === t || RAW_CODE.test(label('event', t)))).toEqual([]);
  expect(reasons.size).toBeGreaterThan(10);
  expect([...reasons].filter((r) => stageReasonWords(r) === r)).toEqual([]);
  expect(stageReasonWords('handed over to origin_dinsos')).toBe('diserahterimakan kepada Dinas Sosial daerah asal');
  expect(stageReasonWords('transferred to sentra_kemensos', 'en')).toBe('transferred to Ministry of Social Affairs centre');
});
