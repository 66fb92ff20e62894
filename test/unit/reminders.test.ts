// A deadline's reminder reaches whoever must act on it.
import type { CaseFile } from '../../domain/case/file';
import { openCaseFile } from '../../domain/case/open';
import { notificationsFor } from '../../domain/notifications';

const T0 = new Date('2026-03-02T08:00:00Z');
const OP = { id: 'op-1', role: 'operator' } as const;
const reminder = (kind: string) => ({ type: 'deadline.reminder', data: { kind, key: `${kind}:1`, dueAt: T0.toISOString() } });

function atensiCase(): CaseFile {
  const file = openCaseFile({ caseId: 'c-rem', category: 'tuna_sosial', pathway: 'atensi', riskLevel: 'medium', regionCode: '64.72', openedBy: OP }, T0, 4);
  file.assignedWorker = 'cm-7';
  return file;
}

test('the plan-approval and pathway-decision reminders go to the supervisors of the case\'s region, not the case manager', () => {
  for (const kind of ['plan_approval', 'pathway_decision']) {
    const [n] = notificationsFor([reminder(kind)], atensiCase());
    expect(n).toMatchObject({ audience: 'supervisor', staffId: null, regionCode: '64.72', template: 'deadline.reminder', data: { kind } });
  }
});

test('the case manager\'s own deadlines remind the case manager by name', () => {
  const [n] = notificationsFor([reminder('assessment')], atensiCase());
  expect(n).toMatchObject({ audience: 'case_manager', staffId: 'cm-7', regionCode: '64.72' });
});

test('a transfer waiting for acceptance reminds the receiving unit\'s supervisors, in their region', () => {
  const file = atensiCase();
  file.transfers.push({ status: 'requested', regionCode: '64', to: 'dinsos_provinsi', unitCode: 'DINSOS-PROV-64' } as CaseFile['transfers'][number]);
  const [n] = notificationsFor([reminder('transfer_acceptance')], file);
  expect(n).toMatchObject({ audience: 'supervisor', regionCode: '64' });
});
