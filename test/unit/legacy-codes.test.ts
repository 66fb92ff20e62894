// Codes renamed in #13: each old code names exactly one current code, old scripts' requests still parse
// and reach the case with the current code, and a case holding old codes reads back with current ones.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { commandBody } from '../../api/cases/commands';
import { shownCategory, timelineData, withCurrentCodes } from '../../api/cases/current-codes';
import { caseListQuery, openCaseBody } from '../../api/cases/schemas';
import { parseBody } from '../../api/http/parse';
import { ProblemError } from '../../api/http/problem';
import { categoryOption } from '../../cli/context';
import { loadConfig } from '../../config/env';
import { ATENSI_COMPONENTS, currentComponent, LEGACY_ATENSI_COMPONENTS } from '../../domain/atensi';
import { CATEGORIES, currentCategory, defaultPathway, LEGACY_CATEGORIES, storedCodesOf } from '../../domain/categories';
import { CLOSURE_OUTCOMES, LEGACY_CLOSURE_OUTCOMES } from '../../domain/codes';
import { renderNotification } from '../../domain/notification-templates';
import { CaseDriver, CM, SPV } from '../helpers/case-driver';

const legacyComponents = Object.keys(LEGACY_ATENSI_COMPONENTS) as (keyof typeof LEGACY_ATENSI_COMPONENTS)[];

test('every old ATENSI code maps to a current one, and no old code is still current', () => {
  expect(legacyComponents.sort()).toEqual(['bantuan_sosial', 'dukungan_pemenuhan_hidup_layak', 'kewirausahaan', 'perawatan_sosial_pengasuhan']);
  for (const legacy of legacyComponents) {
    expect(ATENSI_COMPONENTS).toContain(currentComponent(legacy));
    expect(ATENSI_COMPONENTS).not.toContain(legacy);
  }
  // Two old codes never fold into one: a plan keeps as many components as it had.
  expect(new Set(legacyComponents.map(currentComponent)).size).toBe(legacyComponents.length);
  for (const code of ATENSI_COMPONENTS) expect(currentComponent(code)).toBe(code);
});

test('korban_bencana is korban_bencana_dan_kedaruratan, follows the same pathway and is matched by both codes', () => {
  expect(LEGACY_CATEGORIES).toEqual({ korban_bencana: 'korban_bencana_dan_kedaruratan' });
  for (const [legacy, current] of Object.entries(LEGACY_CATEGORIES)) {
    expect(CATEGORIES).toContain(current);
    expect(CATEGORIES).not.toContain(legacy);
  }
  for (const code of CATEGORIES) expect(currentCategory(code)).toBe(code);
  expect(currentCategory('korban_bencana')).toBe('korban_bencana_dan_kedaruratan');
  expect(defaultPathway('korban_bencana')).toBe(defaultPathway('korban_bencana_dan_kedaruratan'));
  expect(storedCodesOf('korban_bencana_dan_kedaruratan')).toEqual(['korban_bencana_dan_kedaruratan', 'korban_bencana']);
  expect(storedCodesOf('korban_bencana')).toEqual(['korban_bencana_dan_kedaruratan', 'korban_bencana']);
  expect(storedCodesOf('odgj_terlantar')).toEqual(['odgj_terlantar']);
  expect(shownCategory('korban_bencana')).toBe('korban_bencana_dan_kedaruratan');
  expect(shownCategory('something_else')).toBe('something_else');
});

test('a plan an old script sends with old codes is accepted and handed on with the current codes', () => {
  const sent = parseBody(commandBody, {
    type: 'submitPlan',
    components: ['bantuan_sosial', 'kewirausahaan', 'terapi_fisik'],
    setting: 'family',
    services: [
      { component: 'bantuan_sosial', dueInDays: 10 },
      { component: 'kewirausahaan', dueInDays: 30 },
    ],
  });
  expect(withCurrentCodes(sent)).toEqual({
    type: 'submitPlan',
    components: ['bantuan_sosial_dan_asistensi_sosial', 'pembinaan_kewirausahaan', 'terapi_fisik'],
    setting: 'family',
    services: [
      { component: 'bantuan_sosial_dan_asistensi_sosial', dueInDays: 10 },
      { component: 'pembinaan_kewirausahaan', dueInDays: 30 },
    ],
  });
  const decision = parseBody(commandBody, { type: 'decidePathway', pathway: 'atensi', category: 'korban_bencana' });
  expect(withCurrentCodes(decision)).toEqual({ type: 'decidePathway', pathway: 'atensi', category: 'korban_bencana_dan_kedaruratan' });
  // Intake and the list take the old category too; anything else is still refused.
  expect(parseBody(caseListQuery, { category: 'korban_bencana' }).category).toBe('korban_bencana');
  const intake = { category: 'korban_bencana', riskLevel: 'high', regionCode: '64.72', report: { channel: 'public' } };
  expect(parseBody(openCaseBody, intake).category).toBe('korban_bencana');
  expect(() => parseBody(commandBody, { type: 'submitPlan', components: ['bencana'], setting: 'family', services: [] })).toThrow(ProblemError);
});

test('a case file holding old codes reads back with the current ones, and the file itself is left as it is', () => {
  const c = CaseDriver.open('korban_bencana', 'atensi');
  c.decide('atensi');
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true });
  c.act(CM, { type: 'submitPlan', components: ['dukungan_pemenuhan_hidup_layak', 'perawatan_sosial_pengasuhan'], setting: 'family', services: [{ component: 'perawatan_sosial_pengasuhan', dueInDays: 14 }] });
  c.act(SPV, { type: 'decidePlan', approve: true });
  const shown = withCurrentCodes(c.file);
  expect(shown.category).toBe('korban_bencana_dan_kedaruratan');
  expect(shown.plan?.components).toEqual(['dukungan_pemenuhan_kebutuhan_hidup_layak', 'perawatan_sosial_dan_pengasuhan_anak']);
  expect(shown.services.map((s) => s.component)).toEqual(['perawatan_sosial_dan_pengasuhan_anak']);
  expect(shown.pathwayDecisions?.map((d) => d.category)).toEqual(['korban_bencana_dan_kedaruratan']);
  // What the workflow holds (and replays) keeps its codes.
  expect(c.file.category).toBe('korban_bencana');
  expect(c.file.plan?.components).toEqual(['dukungan_pemenuhan_hidup_layak', 'perawatan_sosial_pengasuhan']);
});

test('timeline records and messages name the current codes', () => {
  expect(timelineData('category.changed', { from: 'korban_bencana', to: 'tuna_sosial' })).toEqual({ from: 'korban_bencana_dan_kedaruratan', to: 'tuna_sosial' });
  expect(timelineData('plan.submitted', { components: 'kewirausahaan,terapi_fisik', setting: 'family', services: 2 })).toEqual({
    components: 'pembinaan_kewirausahaan,terapi_fisik',
    setting: 'family',
    services: 2,
  });
  expect(timelineData('service.delivered', { serviceId: 'svc-1', component: 'bantuan_sosial' })).toEqual({ serviceId: 'svc-1', component: 'bantuan_sosial_dan_asistensi_sosial' });
  // A field that is not a code stays as written, even when it reads like one.
  expect(timelineData('note.added', { from: 'korban_bencana' })).toEqual({ from: 'korban_bencana' });
  const text = renderNotification('deadline.reminder', 'en', { caseId: 'c0ffee00', category: 'korban_bencana', kind: 'first_response' });
  expect(text).toContain('(victim of a disaster or emergency)');
});

test('the CLI offers the current categories and sends an old one given by a script as its current code', () => {
  const option = categoryOption();
  expect(option.argChoices).toEqual([...CATEGORIES]);
  expect(option.parseArg?.('korban_bencana', undefined)).toBe('korban_bencana_dan_kedaruratan');
  expect(option.parseArg?.('odgj_terlantar', undefined)).toBe('odgj_terlantar');
  expect(() => option.parseArg?.('bencana', undefined)).toThrow(InvalidArgumentError);
});

test('a policy file that keys a category override by the old code still applies to new cases', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-policy-')), 'policy.json');
  fs.writeFileSync(file, JSON.stringify({ categoryOverrides: { korban_bencana: { first_response: { low: 3_600_000 } } } }));
  const overrides = loadConfig({ SIGAP_DATA_DIR: '/tmp/sigap-config-test', SIGAP_POLICY_FILE: file }).policy.categoryOverrides;
  expect(overrides?.korban_bencana_dan_kedaruratan).toEqual({ first_response: { low: 3_600_000 } });
  // Cases opened before keep finding theirs under the old code.
  expect(overrides?.korban_bencana).toEqual({ first_response: { low: 3_600_000 } });
});

test('closure outcomes from before #13 are still taken and read back as what they meant; other outcomes are left alone', () => {
  for (const [old, current] of Object.entries(LEGACY_CLOSURE_OUTCOMES)) {
    expect(CLOSURE_OUTCOMES).toContain(current);
    expect(CLOSURE_OUTCOMES).not.toContain(old);
  }
  const request = parseBody(commandBody, { type: 'requestClosure', outcome: 'reunified', reason: 'keluarga merawat' });
  expect(withCurrentCodes(request)).toEqual({ type: 'requestClosure', outcome: 'returned_to_family', reason: 'keluarga merawat' });
  expect(withCurrentCodes({ closure: { outcome: 'rehabilitated' }, evaluation: { outcome: 'goals_met' } })).toEqual({ closure: { outcome: 'goals_reached' }, evaluation: { outcome: 'goals_met' } });
  expect(timelineData('closure.approved', { outcome: 'transferred' })).toEqual({ outcome: 'referred' });
  expect(() => parseBody(commandBody, { type: 'requestClosure', outcome: 'sembuh', reason: 'x' })).toThrow(ProblemError);
});
