// The staff registry as the CLI prints it: an aligned table with "-" for what a record lacks and its
// standing by code, a record's lines, and a worker's caseload against the threshold.
import { caseloadLine, staffLines, staffTable } from '../../cli/format';
import type { StaffRecord } from '../../cli/responses';

const record = (over: Partial<StaffRecord>): StaffRecord => ({
  staffId: 'pendamping-8501',
  unitCode: 'DINSOS-8501',
  unitKind: 'dinsos_kabkota',
  regionCode: '85.01',
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

test('the staff table: aligned columns, "-" for a missing kecamatan or certification, standing by code', () => {
  const lines = staffTable([
    record({}),
    record({ staffId: 'tksk-8501-03', role: 'tksk', kecamatanCode: '85.01.03', active: false, standing: 'STAFF_INACTIVE' }),
    record({ staffId: 'peksos-1', role: 'pekerja_sosial', certificationNo: 'PS-2025/0117', certifiedUntil: '2026-01-31', standing: 'CERTIFICATION_LAPSED' }),
  ]);
  expect(lines).toEqual([
    'STAFF            ROLE               UNIT         REGION  KECAMATAN  VERIFIED UNTIL  CERTIFIED UNTIL  STANDING',
    'pendamping-8501  pendamping_sosial  DINSOS-8501  85.01   -          2027-12-31      -                ok',
    'tksk-8501-03     tksk               DINSOS-8501  85.01   85.01.03   2027-12-31      -                STAFF_INACTIVE',
    'peksos-1         pekerja_sosial     DINSOS-8501  85.01   -          2027-12-31      2026-01-31       CERTIFICATION_LAPSED',
  ]);
});

test('one record: its unit, kecamatan, verification, certification only when it has one, and standing', () => {
  expect(staffLines(record({ role: 'tksk', kecamatanCode: '85.01.03', active: false, standing: 'STAFF_INACTIVE' }))).toEqual([
    'staff     pendamping-8501 · tksk · inactive',
    'unit      DINSOS-8501 (dinsos_kabkota) · region 85.01 · kecamatan 85.01.03',
    'verified  until 2027-12-31',
    'standing  STAFF_INACTIVE',
  ]);
  expect(staffLines(record({ role: 'pekerja_sosial', certificationNo: 'PS-2025/0117', certifiedUntil: '2028-03-31', verifiedUntil: null }))).toEqual([
    'staff     pendamping-8501 · pekerja_sosial · active',
    'unit      DINSOS-8501 (dinsos_kabkota) · region 85.01',
    'verified  until -',
    'certified PS-2025/0117 until 2028-03-31',
    'standing  ok',
  ]);
});

test('a caseload: open cases against the threshold, "over" only past it', () => {
  expect(caseloadLine({ staffId: 'cm-1', open: 27, threshold: 25, over: true })).toBe('cm-1 · 27 open cases · threshold 25 · over');
  expect(caseloadLine({ staffId: 'cm-1', open: 25, threshold: 25, over: false })).toBe('cm-1 · 25 open cases · threshold 25');
  expect(caseloadLine({ staffId: 'cm-2', open: 1, threshold: 25, over: false })).toBe('cm-2 · 1 open case · threshold 25');
  expect(caseloadLine({ staffId: 'cm-3', open: 0, threshold: 25, over: false })).toBe('cm-3 · 0 open cases · threshold 25');
});
