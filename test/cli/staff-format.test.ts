// The staff registry as the CLI prints it: an aligned table with "-" for what a record lacks, roles, units
// and standing in words, and the last day a verification or certification holds named with the staff
// member's own zone (WIB in Jakarta, WITA in Samarinda, WIT in Jayapura); a record's lines; a caseload.
import { caseloadLine, staffLines, staffTable } from '../../cli/staff-format';
import type { StaffRecord } from '../../cli/responses';
import { LABEL_LISTS } from '../../domain/labels';
import { PRACTICE_ROLES, STAFF_REFUSALS, UNIT_KINDS } from '../../domain/workforce';

const RAW_CODE = /\b[a-z]+_[a-z_]+\b/;

const record = (over: Partial<StaffRecord>): StaffRecord => ({
  staffId: 'pendamping-9171',
  unitCode: 'DINSOS-9171',
  unitKind: 'dinsos_kabkota',
  regionCode: '91.71',
  kecamatanCode: null,
  role: 'pendamping_sosial',
  certificationNo: null,
  certifiedUntil: null,
  verifiedUntil: '2027-12-31',
  active: true,
  standing: null,
  version: 1,
  ...over,
});

test('the staff table: words for roles and standing, each day with the staff member\'s zone, "-" for what is missing', () => {
  const rows = [
    record({}),
    record({ staffId: 'tksk-6472-03', regionCode: '64.72', unitCode: 'DINSOS-6472', role: 'tksk', kecamatanCode: '64.72.03', active: false, standing: 'STAFF_INACTIVE' }),
    record({ staffId: 'peksos-3173', regionCode: '31.73', unitCode: 'DINSOS-3173', role: 'pekerja_sosial', certificationNo: 'PS-2025/0117', certifiedUntil: '2026-01-31', standing: 'CERTIFICATION_LAPSED' }),
  ];
  expect(staffTable(rows)).toEqual([
    'PETUGAS          PERAN              UNIT         WILAYAH  KECAMATAN  VERIFIKASI S.D.   SERTIFIKASI S.D.  STATUS',
    'pendamping-9171  pendamping sosial  DINSOS-9171  91.71    -          31 Des 2027 WIT   -                 dapat bertugas',
    'tksk-6472-03     TKSK               DINSOS-6472  64.72    64.72.03   31 Des 2027 WITA  -                 dinonaktifkan',
    'peksos-3173      pekerja sosial     DINSOS-3173  31.73    -          31 Des 2027 WIB   31 Jan 2026 WIB   sertifikasi kedaluwarsa',
  ]);
  expect(staffTable(rows.slice(2), 'en')).toEqual([
    'STAFF        ROLE           UNIT         REGION  KECAMATAN  VERIFIED UNTIL   CERTIFIED UNTIL  STANDING',
    'peksos-3173  social worker  DINSOS-3173  31.73   -          31 Dec 2027 WIB  31 Jan 2026 WIB  certification lapsed',
  ]);
});

test('every practice role, unit kind and standing reads as words', () => {
  const standings = [null, ...STAFF_REFUSALS];
  const count = Math.max(PRACTICE_ROLES.length, UNIT_KINDS.length, standings.length);
  const rows = Array.from({ length: count }, (_, i) =>
    record({ role: PRACTICE_ROLES[i % PRACTICE_ROLES.length]!, unitKind: UNIT_KINDS[i % UNIT_KINDS.length]!, standing: standings[i % standings.length]! }),
  );
  for (const lang of ['id', 'en'] as const) {
    const text = [...staffTable(rows, lang), ...rows.flatMap((r) => staffLines(r, lang))];
    expect(text.filter((l) => RAW_CODE.test(l) || /[A-Z]+_[A-Z]+/.test(l))).toEqual([]);
  }
  expect(Object.keys(LABEL_LISTS.standing).sort()).toEqual(['ok', ...STAFF_REFUSALS].sort());
});

test('one record: its unit and region in words, kecamatan, verification, certification only when it has one, standing', () => {
  expect(staffLines(record({ regionCode: '64.72', role: 'tksk', kecamatanCode: '64.72.03', active: false, standing: 'STAFF_INACTIVE' }))).toEqual([
    'petugas     pendamping-9171 · TKSK · nonaktif',
    'unit        DINSOS-9171 (Dinas Sosial kabupaten/kota) · wilayah 64.72 Kalimantan Timur (WITA) · kecamatan 64.72.03',
    'verifikasi  berlaku s.d. 31 Des 2027 WITA',
    'status      dinonaktifkan',
  ]);
  expect(staffLines(record({ role: 'pekerja_sosial', certificationNo: 'PS-2025/0117', certifiedUntil: '2028-03-31', verifiedUntil: null }), 'en')).toEqual([
    'staff       pendamping-9171 · social worker · active',
    'unit        DINSOS-9171 (district social affairs office) · region 91.71 Papua (WIT)',
    'verified    until -',
    'certified   PS-2025/0117 until 31 Mar 2028 WIT',
    'standing    may act',
  ]);
});

test('a caseload: open cases against the threshold, "over" only past it', () => {
  expect(caseloadLine({ staffId: 'cm-1', open: 27, threshold: 25, over: true })).toBe('cm-1 · 27 kasus berjalan · ambang 25 · melebihi ambang');
  expect(caseloadLine({ staffId: 'cm-1', open: 25, threshold: 25, over: false })).toBe('cm-1 · 25 kasus berjalan · ambang 25');
  expect(caseloadLine({ staffId: 'cm-1', open: 27, threshold: 25, over: true }, 'en')).toBe('cm-1 · 27 open cases · threshold 25 · over');
  expect(caseloadLine({ staffId: 'cm-2', open: 1, threshold: 25, over: false }, 'en')).toBe('cm-2 · 1 open case · threshold 25');
  expect(caseloadLine({ staffId: 'cm-3', open: 0, threshold: 25, over: false }, 'en')).toBe('cm-3 · 0 open cases · threshold 25');
});
