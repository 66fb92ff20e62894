// Every message as its reader gets it: no raw code in the Indonesian text, every time in the region's zone,
// and a family's message that names the sending office and its number, never a case reference.
import { CATEGORIES, LEGACY_CATEGORIES } from '../../domain/categories';
import { ESCALATION_REASONS, EXTERNAL_PARTIES, PARTNER_CALL_KINDS, REFERRAL_PARTNERS, TRANSFER_TARGETS, VISIT_KINDS } from '../../domain/codes';
import { COMMAND_TYPES } from '../../domain/steps/index';
import { localTime, zoneOf } from '../../domain/local-time';
import { renderNotification } from '../../domain/notification-templates';
import type { Audience, NotificationTemplate } from '../../domain/notifications';
import { NOTIFICATION_TEMPLATES } from '../../domain/notifications';
import { FIXED_DEADLINES, RISK_TIERED_DEADLINES } from '../../domain/policy';
import { LABEL_LISTS } from '../../domain/labels';

const RAW_CODE = /[a-z]+_[a-z_]+/;
const CASE = '3f2a9c1e-0000-4000-8000-000000000001';
const OFFICE = { name: 'Dinas Sosial Kota Samarinda', phone: '0541-741023' };
const DUE = '2026-12-12T06:00:00Z';

/** Subjects each escalation reason is raised with. */
const SUBJECTS: Record<string, readonly string[]> = {
  deadline: [...RISK_TIERED_DEADLINES, ...FIXED_DEADLINES],
  visit_missed: VISIT_KINDS,
  external_overdue: EXTERNAL_PARTIES,
  integration_stalled: PARTNER_CALL_KINDS,
  partner_report: COMMAND_TYPES,
  service_overdue: ['svc-1', 'svc-2:link'],
  advocacy_overdue: ['adv-1'],
  facility_silent: ['RSJ-ATMA-HUSADA'],
  pickup_overdue: ['RSJ-ATMA-HUSADA'],
  transfer_overdue: ['DINSOS-PROV-64'],
};

function fieldsFor(template: NotificationTemplate): Record<string, string | number | null>[] {
  const base = { caseId: CASE, stage: 'assessment', riskLevel: 'high' };
  const categories = [...CATEGORIES, ...Object.keys(LEGACY_CATEGORIES)].map((category) => ({ ...base, category }));
  switch (template) {
    case 'deadline.reminder':
      return [...RISK_TIERED_DEADLINES, ...FIXED_DEADLINES].map((kind) => ({ ...base, category: 'odgj_terlantar', kind, dueAt: DUE }));
    case 'escalation.level1':
    case 'escalation.level2':
    case 'escalation.level3':
      return ESCALATION_REASONS.flatMap((reason) => (SUBJECTS[reason] ?? ['x']).map((subject) => ({ ...base, category: 'lansia_terlantar', level: 1, reason, subject, dueAt: DUE })));
    case 'referral.sent':
      return REFERRAL_PARTNERS.map((partner) => ({ ...base, category: 'odgj_terlantar', partner }));
    case 'transfer.requested':
      return TRANSFER_TARGETS.map((to) => ({ ...base, category: 'odgj_terlantar', to }));
    case 'facility.discharged':
      return [{ ...base, category: 'odgj_terlantar', pickupBy: DUE }];
    case 'caseload.over':
      return [{ staffId: 'cm-1', open: 27, threshold: 25 }];
    case 'staff.lapsing':
      return [{ regionCode: '64.72', count: 2, staffIds: 'cm-1,cm-2', openCases: 9, withinDays: 30 }];
    case 'batch.escalated':
      return [{ caseId: CASE, planVersion: 2, reason: 'origin_refused' }];
    default:
      return categories;
  }
}

const audiencesOf = (template: NotificationTemplate): Audience[] => (template.startsWith('transport.') ? ['family', 'case_manager'] : ['case_manager']);

test.each(NOTIFICATION_TEMPLATES)('%s reads without codes, with local times, in both languages', (template) => {
  for (const regionCode of ['64.72', '32.73', '91.71']) {
    for (const fields of fieldsFor(template)) {
      for (const audience of audiencesOf(template)) {
        const id = renderNotification(template, 'id', fields, { audience, regionCode, office: OFFICE });
        const en = renderNotification(template, 'en', fields, { audience, regionCode, office: OFFICE });
        expect(id).not.toMatch(RAW_CODE);
        expect(en.length).toBeGreaterThan(20);
        if ('dueAt' in fields || 'pickupBy' in fields) expect(id).toContain(` ${zoneOf(regionCode)}`);
        if (audience === 'family') {
          expect(id).toContain(`${OFFICE.name} (${OFFICE.phone})`);
          expect(id).not.toContain(CASE.slice(0, 8));
        }
      }
    }
  }
});

test('times read in the region\'s zone: WITA in Samarinda, WIB in Bandung, WIT in Jayapura', () => {
  expect([localTime(DUE, '64.72'), localTime(DUE, '32.73'), localTime(DUE, '91.71')]).toEqual(['12 Des 2026 14.00 WITA', '12 Des 2026 13.00 WIB', '12 Des 2026 15.00 WIT']);
  expect(localTime('2026-12-31T20:30:00Z', '64.72', 'en')).toBe('1 Jan 2027 04:30 WITA');
});

test('every label list has Indonesian words without codes', () => {
  for (const [list, words] of Object.entries(LABEL_LISTS)) {
    for (const [code, [id, en]] of Object.entries(words as Record<string, readonly [string, string]>)) {
      expect([list, code, RAW_CODE.test(id)]).toEqual([list, code, false]);
      expect(en.trim()).not.toBe('');
    }
  }
});
