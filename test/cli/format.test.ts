// `case show` as a worker reads it: the plan's services on their own schedules, advocacy items with the
// overdue ones marked, the guardian, and how the work ended.
import { caseLines } from '../../cli/format';
import type { CaseDetails } from '../../cli/responses';

const NOW = Date.parse('2026-06-01T00:00:00Z');

test('the social work of a case is shown by code, with overdue advocacy marked', () => {
  const details: CaseDetails = {
    caseId: 'c1',
    projection: 'current',
    record: null,
    live: {
      caseId: 'c1',
      status: 'open',
      stage: 'evaluation',
      plan: { status: 'approved', setting: 'family', revision: null },
      services: [
        { id: 'svc-1', component: 'dukungan_keluarga', dueAt: '2026-03-01T00:00:00Z', linkedAt: 'x', startedAt: 'x', deliveredAt: 'x', stoppedAt: null },
        { id: 'svc-2', component: 'pelatihan_vokasional', dueAt: '2026-07-01T00:00:00Z', linkedAt: 'x', startedAt: null, deliveredAt: null, stoppedAt: 'y' },
      ],
      advocacy: [
        { id: 'adv-1', kind: 'health_insurance', status: 'in_progress', worker: 'cm-7', targetAt: '2026-05-01T00:00:00Z' },
        { id: 'adv-2', kind: 'civil_documents', status: 'closed', worker: 'cm-1', targetAt: '2026-05-01T00:00:00Z' },
      ],
      guardian: { basis: 'temporary_dinsos' },
      absence: { since: '2026-05-20T00:00:00Z', searchUntil: '2026-05-27T00:00:00Z', returnedAt: null },
      exit: { kind: 'ran_away', at: '2026-05-28T00:00:00Z' },
      closure: null,
    },
  };
  const lines = caseLines(details, NOW);
  expect(lines.filter((l) => /^(plan|  svc|advocacy|guardian|absent|ended)/.test(l))).toEqual([
    'plan      approved · setting family',
    '  svc-1 dukungan_keluarga delivered · due 2026-03-01 00:00Z',
    '  svc-2 pelatihan_vokasional stopped · due 2026-07-01 00:00Z',
    'advocacy  adv-1 health_insurance in_progress · cm-7 · target !2026-05-01 00:00Z',
    'advocacy  adv-2 civil_documents closed · cm-1 · target 2026-05-01 00:00Z',
    'guardian  temporary_dinsos',
    'ended     ran_away 2026-05-28 00:00Z',
  ]);
});

test('case show also reads the case in words and in the region\'s time, in the operator\'s language', () => {
  const details: CaseDetails = {
    caseId: 'c1',
    projection: 'current',
    record: null,
    live: { caseId: 'c1', status: 'open', stage: 'assessment', pathway: 'odgj', category: 'odgj_terlantar', riskLevel: 'high', regionCode: '64.72', nextDeadline: { kind: 'pathway_decision', dueAt: '2026-12-12T06:00:00Z' } },
  };
  expect(caseLines(details, NOW, 'id').find((l) => l.startsWith('dibaca'))).toBe(
    'dibaca    berjalan · tahap asesmen · perawatan di RSJ · ODGJ terlantar, risiko tinggi · 64.72 Kalimantan Timur (WITA) · batas keputusan alur penanganan oleh Kasi 12 Des 2026 14.00 WITA',
  );
  expect(caseLines(details, NOW, 'en').find((l) => l.startsWith('reads'))).toContain('stage assessment · care at a psychiatric hospital');
});
