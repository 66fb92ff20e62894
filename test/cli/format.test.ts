// Cases as the CLI prints them for a person: every code in the label catalogue's words (Indonesian by
// default, English with --lang en), every time in the case's own zone — WITA in Samarinda (64.72), WIT in
// Jayapura (91.71), WIB in Jakarta (31.73). Scripts read --json (text-and-json.test.ts).
import { caseLines } from '../../cli/case-format';
import { actLine, caseTable, commandDetailLines, commandLines, statsLines } from '../../cli/format';
import type { CaseDetails, CaseSummary } from '../../cli/responses';
import { RISK_LEVELS } from '../../domain/categories';
import { TRANSFER_STATUSES } from '../../domain/codes';
import { LABEL_LISTS } from '../../domain/labels';
import { STAGES } from '../../domain/stages';
import { COMMAND_TYPES } from '../../domain/steps/index';

/** A code as the API sends it; Indonesian text never shows one. */
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/;
const NOW = Date.parse('2026-12-12T07:00:00Z');

const summary = (over: Partial<CaseSummary>): CaseSummary => ({
  caseId: '1f0c2a4e-0000-4000-8000-000000000001',
  status: 'open',
  stage: 'assessment',
  pathway: 'odgj',
  category: 'odgj_terlantar',
  riskLevel: 'high',
  regionCode: '64.72',
  jurisdiction: 'kabkota',
  assignedWorker: 'cm-1',
  escalationLevel: 1,
  escalations: [{ reason: 'deadline', subject: 'pathway_decision', level: 1, since: '2026-12-12T06:00:00Z', acknowledged: false }],
  nextDeadline: { kind: 'pathway_decision', dueAt: '2026-12-12T06:00:00Z' },
  transfer: null,
  openedAt: '2026-12-10T01:15:00Z',
  updatedAt: '2026-12-12T03:00:00Z',
  ...over,
});

const ROWS = [
  summary({}),
  summary({ caseId: '1f0c2a4e-0000-4000-8000-000000000002', stage: 'identification', category: 'orang_terlantar', riskLevel: 'medium', regionCode: '91.71', escalationLevel: 0, nextDeadline: { kind: 'first_response', dueAt: '2026-12-13T02:00:00Z' }, transfer: { status: 'requested', toRegion: '31.73' } }),
  summary({ caseId: '1f0c2a4e-0000-4000-8000-000000000003', stage: 'monitoring', category: 'lansia_terlantar', riskLevel: 'low', regionCode: '31.73', escalationLevel: 0, nextDeadline: { kind: 'monitoring_interval', dueAt: '2027-01-05T03:00:00Z' } }),
];

test('case list: words and each case\'s own zone, overdue marked "!", the transfer column only when one is under way', () => {
  expect(caseTable(ROWS, 'id', NOW)).toEqual([
    'KASUS                                 TAHAP         KATEGORI               RISIKO  WILAYAH  ESKALASI  BATAS BERIKUTNYA                                             ALIH KELOLA',
    '1f0c2a4e-0000-4000-8000-000000000001  asesmen       ODGJ terlantar         tinggi  64.72    1         !keputusan alur penanganan oleh Kasi 12 Des 2026 14.00 WITA  -',
    '1f0c2a4e-0000-4000-8000-000000000002  identifikasi  orang terlantar        sedang  91.71    0         tanggapan pertama 13 Des 2026 11.00 WIT                      menunggu keputusan penerima → 31.73',
    '1f0c2a4e-0000-4000-8000-000000000003  pemantauan    lanjut usia terlantar  rendah  31.73    0         pemantauan bulanan 5 Jan 2027 10.00 WIB                      -',
  ]);
  const en = caseTable(ROWS.slice(0, 1), 'en', NOW);
  expect(en[0]).toMatch(/^CASE\s+STAGE\s+CATEGORY\s+RISK\s+REGION\s+LEVEL\s+NEXT DEADLINE$/);
  expect(en[1]).toContain('assessment  abandoned person with a mental disorder  high');
  expect(en[1]).toMatch(/!the supervisor's pathway decision 12 Dec 2026 14:00 WITA$/);
});

test('case list: every stage, category, risk, deadline and transfer status reads as words, in both languages', () => {
  const categories = Object.keys(LABEL_LISTS.category);
  const deadlines = Object.keys(LABEL_LISTS.deadline);
  const count = Math.max(STAGES.length, categories.length, deadlines.length, TRANSFER_STATUSES.length);
  const rows = Array.from({ length: count }, (_, i) =>
    summary({
      stage: STAGES[i % STAGES.length]!,
      category: categories[i % categories.length]!,
      riskLevel: RISK_LEVELS[i % RISK_LEVELS.length]!,
      nextDeadline: { kind: deadlines[i % deadlines.length]!, dueAt: '2026-12-13T02:00:00Z' },
      transfer: { status: TRANSFER_STATUSES[i % TRANSFER_STATUSES.length]!, toRegion: '91.71' },
    }),
  );
  for (const lang of ['id', 'en'] as const) {
    const lines = caseTable(rows, lang, NOW);
    expect(lines.filter((l) => RAW_CODE.test(l))).toEqual([]);
    expect(lines.slice(1).every((l) => / 13 (Des|Dec) 2026 10[.:]00 WITA /.test(l))).toBe(true);
  }
});

const DETAILS: CaseDetails = {
  caseId: '1f0c2a4e-0000-4000-8000-000000000001',
  projection: 'current',
  record: summary({ escalations: [{ reason: 'deadline', subject: 'pathway_decision', level: 1, since: '2026-12-12T06:00:00Z', acknowledged: true }] }),
  live: {
    caseId: '1f0c2a4e-0000-4000-8000-000000000001',
    status: 'open',
    stage: 'implementation',
    pathway: 'odgj',
    category: 'odgj_terlantar',
    riskLevel: 'high',
    regionCode: '91.71',
    jurisdiction: 'province',
    assignedWorker: 'cm-1',
    escalationLevel: 1,
    openedAt: '2026-12-10T01:15:00Z',
    nextDeadline: { kind: 'pickup', dueAt: '2026-12-12T06:00:00Z' },
    rapidAssessment: { danger: 'self', capacity: 'lacks_capacity', needs: ['psychiatric_care', 'medical_care'] },
    stay: { facilityCode: 'RSJ-ABEPURA', funding: { scheme: 'surat_jaminan' }, discharge: { kind: 'own_request', at: '2026-12-11T01:00:00Z' }, pickedUpAt: null },
    familyTracing: { found: true, canReceive: false, dueAt: null, attempts: [{}, {}], unreadyReason: 'economy' },
    transfers: [{ to: 'sentra_kemensos', unitCode: 'SENTRA-91', regionCode: '91.71', status: 'declined', declineReason: 'report_incomplete' }],
    plan: { status: 'submitted', setting: 'residential', revision: { add: [] } },
    services: [
      { id: 'svc-1', component: 'dukungan_keluarga', dueAt: '2026-12-20T00:00:00Z', linkedAt: 'x', startedAt: 'x', deliveredAt: 'x', stoppedAt: null },
      { id: 'svc-2', component: 'pelatihan_vokasional', dueAt: '2027-01-10T00:00:00Z', linkedAt: null, startedAt: null, deliveredAt: null, stoppedAt: null },
    ],
    advocacy: [{ id: 'adv-1', kind: 'health_insurance', status: 'in_progress', worker: 'cm-7', targetAt: '2026-12-01T00:00:00Z' }],
    guardian: { basis: 'temporary_dinsos' },
    absence: null,
    exit: { kind: 'refused_services', at: '2026-12-11T02:00:00Z' },
    closure: { outcome: 'refused_services', approvedAt: null },
  },
  access: 'decide_transfer',
};

test('case show: the live state in words and in the region\'s time, the read model\'s escalations beside it', () => {
  expect(caseLines(DETAILS, NOW, 'id')).toEqual([
    'kasus          1f0c2a4e-0000-4000-8000-000000000001',
    'status         berjalan · tahap pelaksanaan · jalur perawatan di RSJ',
    'kategori       ODGJ terlantar · risiko tinggi',
    'wilayah        91.71 Papua (WIT) · provinsi',
    'petugas        cm-1',
    'eskalasi       tingkat 1',
    '  tingkat 1 · batas waktu langkah terlewat (keputusan alur penanganan oleh Kasi) · sejak 12 Des 2026 15.00 WIT · sudah diambil alih',
    'dibuka         10 Des 2026 10.15 WIT · diperbarui 12 Des 2026 12.00 WIT',
    'batas          !penjemputan dari RSJ 12 Des 2026 15.00 WIT',
    'akses          memutuskan alih kelola (alih kelola menunggu keputusan unit Anda: decideTransfer)',
    'asesmen cepat  bahaya: bagi diri sendiri · kapasitas: belum mampu memberi persetujuan · kebutuhan: perawatan kejiwaan, perawatan medis',
    'rawat          RSJ-ABEPURA · pembiayaan: surat jaminan Dinas Sosial · pulang: atas permintaan sendiri (APS) 11 Des 2026 10.00 WIT · dijemput: -',
    'penelusuran    keluarga ditemukan · keluarga dapat menerima: tidak (kendala ekonomi) · 2 upaya',
    'alih kelola    Sentra Kemensos SENTRA-91 (91.71) · ditolak (laporan sosial belum lengkap)',
    'rencana        menunggu persetujuan · tempat layanan: dalam lembaga (panti) · revisi menunggu keputusan',
    '  svc-1 dukungan keluarga · selesai · batas 20 Des 2026 09.00 WIT',
    '  svc-2 pelatihan vokasional · belum terhubung · batas 10 Jan 2027 09.00 WIT',
    'advokasi       adv-1 jaminan kesehatan (BPJS PBI/KIS) · sedang diupayakan · cm-7 · target !1 Des 2026 09.00 WIT',
    'wali           wali sementara: Dinas Sosial',
    'berakhir       menolak layanan 11 Des 2026 11.00 WIT',
    'penutupan      menolak layanan · menunggu persetujuan',
  ]);
  const en = caseLines(DETAILS, NOW, 'en');
  expect(en).toContain('status         open · stage implementation · pathway care at a psychiatric hospital');
  expect(en).toContain('next           !pick-up from the hospital 12 Dec 2026 15:00 WIT');
  expect(en.filter((l) => RAW_CODE.test(l))).toEqual([]);
});

test('case show: an absence while it lasts, and a case seen only from the read model, in WIB or WITA', () => {
  const away: CaseDetails = {
    ...DETAILS,
    access: 'read',
    live: { ...DETAILS.live!, regionCode: '31.73', exit: null, closure: null, absence: { since: '2026-12-11T00:00:00Z', searchUntil: '2026-12-18T00:00:00Z', returnedAt: null } },
  };
  const lines = caseLines(away, NOW, 'id');
  expect(lines).toContain('akses          hanya baca (sudah diserahkan: boleh dibaca, tidak ditindaklanjuti)');
  expect(lines).toContain('pergi          sejak 11 Des 2026 07.00 WIB · dicari sampai 18 Des 2026 07.00 WIB');
  const fromRecord = caseLines({ ...DETAILS, live: null, access: 'full' }, NOW, 'id');
  expect(fromRecord).toContain('status         berjalan · tahap asesmen · jalur perawatan di RSJ');
  expect(fromRecord).toContain('batas          !keputusan alur penanganan oleh Kasi 12 Des 2026 14.00 WITA');
  for (const l of [...lines, ...fromRecord]) expect(l).not.toMatch(RAW_CODE);
});

test('stats: counts by stage, risk, level and category in words', () => {
  const stats = {
    open: 5,
    overdue: 1,
    escalated: 2,
    openedInPeriod: 3,
    closedInPeriod: 1,
    byStage: { identification: 2, implementation: 3 },
    byCategory: { odgj_terlantar: 4, korban_bencana_dan_kedaruratan: 1 },
    byEscalationLevel: { '0': 3, '1': 2 },
    byRisk: { high: 2, low: 3 },
    periodDays: 30,
    region: '64.72',
  };
  expect(statsLines(stats, 'id')).toEqual([
    'berjalan 5 · lewat batas 1 · dieskalasi 2',
    'dibuka 3 · ditutup 1 dalam 30 hari terakhir · wilayah 64.72 Kalimantan Timur (WITA)',
    'tahap      identifikasi: 2 · pelaksanaan: 3',
    'risiko     tinggi: 2 · rendah: 3',
    'eskalasi   tingkat 0: 3 · tingkat 1: 2',
    'kategori   ODGJ terlantar: 4 · korban bencana dan kedaruratan: 1',
  ]);
  expect(statsLines(stats, 'en')[0]).toBe('open 5 · overdue 1 · escalated 2');
});

test('a command given and the list of commands: their words beside the code one types', () => {
  expect(actLine('acknowledge', { status: 'open', stage: 'assessment' })).toBe('tanggapi laporan (penjangkauan): berjalan · tahap asesmen');
  expect(actLine('withdraw', { status: 'withdrawn', stage: 'identification' }, 'en')).toBe('withdraw the case: withdrawn · stage identification');
  const specs = COMMAND_TYPES.map((type) => ({ type, fields: [{ name: 'reason', required: true, schema: { type: 'string' } }] }));
  const lines = commandLines(specs);
  expect(lines).toHaveLength(COMMAND_TYPES.length);
  expect(lines).toContainEqual(expect.stringMatching(/^requestExtension\s+ajukan perpanjangan\s+reason\*$/));
  // The first column is the code to type after `case act` (camelCase); the words beside it are words.
  expect(lines.filter((l) => RAW_CODE.test(l))).toEqual([]);
  expect(commandDetailLines(specs[0]!)).toEqual([`${COMMAND_TYPES[0]} — tanggapi laporan (penjangkauan)`, '* reason             teks', '(* wajib)']);
});
