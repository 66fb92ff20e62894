// Codes renamed in #13, through the API with a real worker: a script that still sends the old codes opens
// and plans a case the workflow records with the current ones; a case that holds the old codes (opened
// and planned before #13) is read, listed and shown on its timeline with the current ones.
import { randomUUID } from 'node:crypto';
import { COMMAND_SCHEMAS } from '../../api/cases/commands';
import type { CommandOf } from '../../domain/commands';
import type { CaseView } from '../../workflows/case/contract';
import { caseWorkflowId, getCaseQuery } from '../../workflows/case/contract';
import type { caseWorkflow } from '../../workflows/case/workflow';
import { as, caller, caughtUp, decideOverApi, testApp } from '../helpers/api';
import type { CaseHandle } from '../helpers/case-harness';
import { act, CM, decided, OP } from '../helpers/case-harness';
import { caseInput } from '../helpers/case-input';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';

let dev: DevWorker;
let app: ReturnType<typeof testApp>;
let api: ReturnType<typeof caller>;
// A kabupaten/kota no other suite uses, so the list below holds only this suite's cases.
const REGION = '91.07';

beforeAll(async () => {
  dev = await startDevWorker('words');
  app = testApp(dev);
  api = caller(app);
});
afterAll(() => dev?.close());

/** What the workflow itself holds, not what the API shows of it. */
const held = (caseId: string): Promise<CaseView> => dev.client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery);

const OLD_COMPONENTS = ['dukungan_pemenuhan_hidup_layak', 'bantuan_sosial'] as const;
// Plans under rules v6 name a goal per component; a build whose schema has no goals takes none.
const goals = 'goals' in COMMAND_SCHEMAS.submitPlan.shape ? { goals: OLD_COMPONENTS.map((component) => ({ component, goal: 'mandiri', indicator: 'bekerja' })) } : {};
const OLD_PLAN: CommandOf<'submitPlan'> = {
  type: 'submitPlan',
  components: [...OLD_COMPONENTS],
  setting: 'community',
  services: [{ component: 'bantuan_sosial', dueInDays: 10 }],
  ...goals,
};

test('a script that still sends the old codes opens and plans a case recorded with the current codes', async () => {
  const opened = await api.post('/v1/cases').send({ category: 'korban_bencana', riskLevel: 'high', regionCode: REGION, report: { channel: 'public' } }).expect(201);
  const caseId = opened.body.caseId as string;
  await caughtUp(app, caseId);
  const command = (who: string, body: object) => api.post(`/v1/cases/${caseId}/commands`).set(as(who)).send(body).expect(200);
  await command('operator:op-1', { type: 'acknowledge', assignedWorker: 'cm-1' });
  await decideOverApi(app, caseId, 'atensi');
  await command('case_manager:cm-1', { type: 'recordAssessment', consent: 'client', familyInvolved: true });
  const planned = await command('case_manager:cm-1', OLD_PLAN);
  expect(planned.body.plan.components).toEqual(['dukungan_pemenuhan_kebutuhan_hidup_layak', 'bantuan_sosial_dan_asistensi_sosial']);

  const file = await held(caseId);
  expect(file.category).toBe('korban_bencana_dan_kedaruratan');
  expect(file.plan?.components).toEqual(['dukungan_pemenuhan_kebutuhan_hidup_layak', 'bantuan_sosial_dan_asistensi_sosial']);
  expect(file.services.map((s) => s.component)).toEqual(['bantuan_sosial_dan_asistensi_sosial']);
});

test('a case opened and planned before #13 is read, listed and shown on its timeline with the current codes', async () => {
  // As the API before #13 started and planned it: straight to the workflow, with the old codes.
  const input = caseInput({ caseId: randomUUID(), category: 'korban_bencana', pathway: 'atensi', regionCode: REGION });
  const handle: CaseHandle = await dev.client.workflow.start<typeof caseWorkflow>('caseWorkflow', { workflowId: caseWorkflowId(input.caseId), taskQueue: dev.taskQueue, args: [input] });
  await act(handle, OP, { type: 'acknowledge', assignedWorker: CM.id });
  await decided(handle, 'atensi');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true });
  await act(handle, CM, OLD_PLAN);
  expect((await held(input.caseId)).plan?.components).toEqual(OLD_PLAN.components);
  await caughtUp(app, input.caseId);

  const read = await api.get(`/v1/cases/${input.caseId}`).expect(200);
  expect(read.body.record.category).toBe('korban_bencana_dan_kedaruratan');
  expect(read.body.live.category).toBe('korban_bencana_dan_kedaruratan');
  expect(read.body.live.plan.components).toEqual(['dukungan_pemenuhan_kebutuhan_hidup_layak', 'bantuan_sosial_dan_asistensi_sosial']);
  expect(read.body.live.services.map((s: { component: string }) => s.component)).toEqual(['bantuan_sosial_dan_asistensi_sosial']);
  expect(JSON.stringify(read.body)).not.toMatch(/"(korban_bencana|bantuan_sosial|dukungan_pemenuhan_hidup_layak)"/);

  for (const category of ['korban_bencana_dan_kedaruratan', 'korban_bencana']) {
    const listed = await api.get(`/v1/cases?region=${REGION}&category=${category}`).expect(200);
    expect(listed.body.items.map((c: { caseId: string }) => c.caseId)).toContain(input.caseId);
  }
  const timeline = await api.get(`/v1/cases/${input.caseId}/timeline`).expect(200);
  const submitted = timeline.body.items.find((e: { type: string }) => e.type === 'plan.submitted');
  expect(submitted.data.components).toBe('dukungan_pemenuhan_kebutuhan_hidup_layak,bantuan_sosial_dan_asistensi_sosial');
});
