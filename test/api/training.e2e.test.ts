// Simulasi kasus end to end, on the real dev server, database and notification gateway simulator: a
// three-group session of the ODGJ scenario at a scale where 30 simulated days take under a minute. Group A
// gives the model answer, B picks the patient up only after the pick-up deadline escalated, C also tries
// twice to take him home before the pick-up (refused both times). The ranking is A > B > C, each point
// explained; during the session the region's case list, statistics and escalations show none of the
// training cases, the gateway receives nothing from them and the training sink has their messages;
// deleting the session removes every trace. Each step waits for its condition on the case's timeline,
// never for a moment.
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import request from 'supertest';
import { close, listen } from '../../api/listen';
import { loadScenarios } from '../../api/training/scenarios';
import { runCli } from '../../cli/program';
import { caseEvents, cases, notifications, trainingGroups, trainingMessages, trainingRefusals, trainingSessions } from '../../db/schema';
import type { ExpectedStep } from '../../domain/training/model';
import { requireBinary } from '../../scripts/lib/temporal-binaries';
import { caseWorkflowId } from '../../workflows/case/contract';
import { as, tokenFor } from '../helpers/api';
import type { PartnerStack } from '../helpers/partner-stack';
import { eventually, startPartnerStack } from '../helpers/partner-stack';
import { devServerAddress } from '../helpers/temporal';

/** 30 simulated days in 59 s; a simulated hour is 82 ms. */
const SCALE = 1 / 44_000;
const REGION = '64.72';
const RUN = randomUUID().slice(0, 8);
const scenario = loadScenarios().scenarios.get('odgj-tanpa-identitas-rsj-penuh')!;

let stack: PartnerStack;
beforeAll(async () => {
  // Real cases of this stack run on the same compressed clock, so the gateway hears from one at once.
  stack = await startPartnerStack('training', { provinces: ['64'], policy: { timeScale: SCALE }, simulator: { gateway: { deliverAfterMs: 50 } } });
});
afterAll(() => stack?.close());

const TRAINER = `supervisor:tr-${RUN}-pelatih`;
const member = (group: string, role: 'case_manager' | 'supervisor') => `${role}:tr-${RUN}-${group.toLowerCase()}-${role === 'case_manager' ? 'cm' : 'spv'}`;
const idOf = (who: string) => who.split(':')[1]!;
const GROUPS = ['A', 'B', 'C'].map((name) => ({ name, members: [idOf(member(name, 'case_manager')), idOf(member(name, 'supervisor'))] }));

const api = (who: string, regions = ['64']) => ({
  get: (path: string) => request(stack.app).get(path).set(as(who, regions)),
  post: (path: string) => request(stack.app).post(path).set(as(who, regions)),
  delete: (path: string) => request(stack.app).delete(path).set(as(who, regions)),
});

async function timelineTypes(who: string, caseId: string): Promise<string[]> {
  const res = await api(who).get(`/v1/cases/${caseId}/timeline`).query({ limit: 500 });
  return res.status === 200 ? (res.body.items as { type: string }[]).map((e) => e.type) : [];
}
/** Until the event is on the case's timeline, polled often: a simulated hour is 82 ms here. */
async function seen(who: string, caseId: string, type: string): Promise<void> {
  const until = Date.now() + 90_000;
  while (!(await timelineTypes(who, caseId)).includes(type)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${type} on ${caseId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A group plays the model answer's demo steps, each once its event is on the timeline. */
async function play(group: string, caseId: string, hooks: { waitFor?: Record<string, string>; before?: Record<string, () => Promise<void>> } = {}) {
  const cm = member(group, 'case_manager');
  for (const step of scenario.modelAnswer.steps as ExpectedStep[]) {
    const demo = step.demo!;
    const waitFor = hooks.waitFor?.[step.id] ?? demo.whenEvent;
    if (waitFor) await seen(cm, caseId, waitFor);
    await hooks.before?.[step.id]?.();
    const who = demo.role === 'supervisor' ? member(group, 'supervisor') : cm;
    const res = await api(who).post(`/v1/cases/${caseId}/commands`).set('Idempotency-Key', `${group}-${step.id}`).send(demo.body);
    expect({ step: step.id, status: res.status }).toEqual({ step: step.id, status: 200 });
  }
}

test('three groups, one scenario: A > B > C with reasons, isolated from real work, then deleted as a whole', async () => {
  const real = await api('operator:real-op', [REGION])
    .post('/v1/cases')
    .send({ category: 'odgj_terlantar', riskLevel: 'high', regionCode: REGION, report: { channel: 'satpol_pp' }, subject: {}, assignedWorker: `real-${RUN}` })
    .expect(201);
  const started = await api(TRAINER, [REGION])
    .post('/v1/training/sessions')
    .set('Idempotency-Key', `session-${RUN}`)
    .send({ scenario: scenario.id, groups: GROUPS, timeScale: SCALE })
    .expect(201);
  const sessionId = started.body.sessionId as string;
  const caseOf = Object.fromEntries((started.body.groups as { name: string; caseId: string }[]).map((g) => [g.name, g.caseId]));
  const trainingIds = Object.values(caseOf);

  /** Real work's lists for the region while a training case is escalated: none of the training cases. */
  const isolated = async () => {
    const [row] = await stack.dev.database.db.select().from(cases).where(inArray(cases.caseId, [caseOf.B!]));
    expect(row?.escalationLevel).toBeGreaterThanOrEqual(1);
    const kasi = api('supervisor:real-kasi', [REGION]);
    const listed = [
      ...(await kasi.get('/v1/cases').query({ region: REGION, limit: 200 })).body.items,
      ...(await kasi.get('/v1/escalations').query({ region: REGION, limit: 200 })).body.items,
      ...(await kasi.get('/v1/cases').query({ assignee: GROUPS[1]!.members[0] })).body.items,
    ].map((c: { caseId: string }) => c.caseId);
    expect(listed.filter((id) => trainingIds.includes(id))).toEqual([]);
    const stats = (await kasi.get('/v1/stats').query({ region: REGION })).body as { byWorker: Record<string, number> };
    expect(Object.keys(stats.byWorker).filter((w) => w.startsWith(`tr-${RUN}`))).toEqual([]);
    expect(stats.byWorker[`real-${RUN}`]).toBe(1);
    const escalated = (await kasi.get('/v1/escalations').query({ region: REGION, limit: 200 })).body.items.map((c: { caseId: string }) => c.caseId);
    expect(escalated).toContain(real.body.caseId);
  };

  await Promise.all([
    play('A', caseOf.A!),
    // B misses the pick-up deadline: it picks him up only once the case has escalated.
    play('B', caseOf.B!, { waitFor: { jemput: 'facility.pickup_overdue' }, before: { jemput: isolated } }),
    // C tries twice to take him home before picking him up from the RSJ. Twice, so that C's faults outweigh
    // B's by more than the clock's share: at 82 ms a simulated hour, a busy machine can make any group late
    // for a step it gave promptly (10 points), which the score rightly counts.
    play('C', caseOf.C!, {
      before: {
        jemput: async () => {
          for (let attempt = 0; attempt < 2; attempt++) {
            const refused = await api(member('C', 'case_manager')).post(`/v1/cases/${caseOf.C}/commands`).send({ type: 'recordTransport', leg: 'home', event: 'departed' });
            expect(refused.status).toBe(409);
            expect(refused.body.code).toBe('STEP_NOT_READY');
          }
        },
      },
    }),
  ]);
  for (const g of ['A', 'B', 'C']) await seen(member(g, 'case_manager'), caseOf[g]!, 'handover.completed');

  // Checked once the groups are done, so that they cost the groups no simulated time.
  const replay = await api(TRAINER, [REGION]).post('/v1/training/sessions').set('Idempotency-Key', `session-${RUN}`).send({ scenario: scenario.id, groups: GROUPS, timeScale: SCALE });
  expect(replay.headers['idempotent-replayed']).toBe('true');
  expect(replay.body.sessionId).toBe(sessionId);
  // Only a group's members and the trainer see its case; an admin of every region does not.
  await api('admin:real-admin', ['*']).get(`/v1/cases/${caseOf.A}`).expect(404);
  await api(member('B', 'case_manager')).get(`/v1/cases/${caseOf.A}`).expect(404);
  await api(member('B', 'case_manager')).post(`/v1/cases/${caseOf.A}/commands`).send({ type: 'addNote', text: 'x' }).expect(404);
  await api(TRAINER, [REGION]).get(`/v1/cases/${caseOf.A}`).expect(200);

  await rankedWithReasons(sessionId);
  // The Temporal UI's list views: SigapTraining names the session; real work's views ask for it to be unset.
  await eventually(async () => (visible(`SigapTraining = '${sessionId}'`).sort().join() === trainingIds.map(caseWorkflowId).sort().join() ? true : undefined), 'the session\'s cases by SigapTraining');
  expect(visible(`SigapRegion = '${REGION}' AND SigapTraining IS NULL`).filter((id) => trainingIds.map(caseWorkflowId).includes(id))).toEqual([]);

  // The messages went to the sink — the discharge notice of every group, B's escalation — and none to the gateway.
  const sink = (await api(TRAINER, [REGION]).get(`/v1/training/sessions/${sessionId}/messages`).query({ limit: 500 }).expect(200)).body.items as { group: string; template: string; body: string }[];
  for (const g of ['A', 'B', 'C']) expect(sink.filter((m) => m.group === g && m.template === 'facility.discharged').length).toBeGreaterThan(0);
  expect(sink.some((m) => m.group === 'B' && m.template === 'escalation.level1')).toBe(true);
  const sent = await eventually(async () => {
    const keys = Object.keys(stack.sim.sim.counts().messagesPerKey);
    return keys.some((k) => k.startsWith(real.body.caseId)) ? keys : undefined;
  }, 'the real case\'s messages at the gateway');
  expect(sent.filter((k) => trainingIds.some((id) => k.includes(id)))).toEqual([]);

  const page = await api(TRAINER, [REGION]).get(`/v1/training/sessions/${sessionId}/debrief.html`).expect(200);
  expect(page.headers['content-type']).toMatch(/text\/html/);
  await cliChecks(sessionId);

  const ended = (await api(TRAINER, [REGION]).post(`/v1/training/sessions/${sessionId}/end`).expect(200)).body;
  expect(ended.session.endedAt).not.toBeNull();
  await api(TRAINER, [REGION]).delete(`/v1/training/sessions/${sessionId}`).expect(204);
  await deleted(sessionId, trainingIds);
}, 240_000);

/** The session's ranking: A > B > C, every step of the model answer given, and why B and C lost points. */
async function rankedWithReasons(sessionId: string) {
  const view = (await api(TRAINER, [REGION]).get(`/v1/training/sessions/${sessionId}`).expect(200)).body;
  const byName = Object.fromEntries(view.groups.map((g: { name: string }) => [g.name, g]));
  type Item = { kind: string; points: number; stepId?: string; reason: string[] };
  const items = (g: string): Item[] => byName[g].score.items;
  expect(view.groups.map((g: { name: string }) => g.name)).toEqual(['A', 'B', 'C']);
  // A gave every step of the model answer, in order: every step point; anything lost is the clock's, not A's answer.
  for (const g of ['A', 'B', 'C']) expect(items(g).filter((i) => i.kind === 'step').reduce((n, i) => n + i.points, 0)).toBe(byName[g].score.max);
  expect(items('A').filter((i) => ['order', 'refusal'].includes(i.kind))).toEqual([]);
  expect(byName.A.score.total).toBeGreaterThan(byName.B.score.total);
  expect(byName.B.score.total).toBeGreaterThan(byName.C.score.total);
  expect(items('B').filter((i) => i.points < 0 && (i.stepId === 'jemput' || i.kind === 'escalation')).map((i) => i.kind)).toEqual(expect.arrayContaining(['deadline', 'escalation']));
  expect(items('C').filter((i) => i.kind === 'refusal')).toHaveLength(2);
  // The ranking explained: B late at the pick-up and escalated for it, C refused.
  const reasons = (g: string) => byName[g].score.items.filter((i: { points: number }) => i.points < 0).map((i: { reason: string[] }) => i.reason[0]).join(' ');
  expect(reasons('B')).toMatch(/Terlambat .*Menjemput dari RSJ/);
  expect(reasons('B')).toMatch(/Eskalasi tingkat 1 pada hari ke-\d+: pasien belum dijemput/);
  expect(reasons('C')).toMatch(/ditolak/);
  const refusal = expect.objectContaining({ command: 'recordTransport', code: 'STEP_NOT_READY' });
  expect(byName.C.record.refusals).toEqual([refusal, refusal]);
}

/** Workflow ids a visibility query lists, through the Temporal CLI against the dev server. */
function visible(query: string): string[] {
  const out = execFileSync(requireBinary('cli'), ['workflow', 'list', '--address', devServerAddress(), '--query', query, '--output', 'json'], { encoding: 'utf8' });
  return out.trim() ? (JSON.parse(out) as { execution: { workflowId: string } }[]).map((w) => w.execution.workflowId) : [];
}

/** The trainer's CLI against the same API: the scenarios, and the session ranked in words. */
async function cliChecks(sessionId: string) {
  const server: Server = await listen(stack.app, '127.0.0.1', 0);
  try {
    const out: string[] = [];
    const io = { fetch, out: (l: string) => out.push(l), err: () => undefined, env: { SIGAP_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, SIGAP_TOKEN: tokenFor(TRAINER, [REGION]) } };
    expect(await runCli(['training', 'scenarios'], io)).toBe(0);
    expect(out.join('\n')).toContain('odgj-tanpa-identitas-rsj-penuh (v1) — ODGJ tanpa identitas, RSJ penuh');
    out.length = 0;
    expect(await runCli(['training', 'show', sessionId], io)).toBe(0);
    expect(out.join('\n')).toMatch(/1\. kelompok A — \d+\/125[\s\S]*2\. kelompok B[\s\S]*Eskalasi tingkat 1[\s\S]*3\. kelompok C[\s\S]*ditolak/);
  } finally {
    await close(server);
  }
}

/** Nothing of the session is left: rows, workflows. */
async function deleted(sessionId: string, caseIds: string[]) {
  const db = stack.dev.database.db;
  await api(TRAINER, [REGION]).get(`/v1/training/sessions/${sessionId}`).expect(404);
  const left = async () => [
    ...(await db.select().from(cases).where(inArray(cases.caseId, caseIds))),
    ...(await db.select().from(caseEvents).where(inArray(caseEvents.caseId, caseIds))),
    ...(await db.select().from(notifications).where(inArray(notifications.caseId, caseIds))),
    ...(await db.select().from(trainingMessages).where(inArray(trainingMessages.caseId, caseIds))),
    ...(await db.select().from(trainingRefusals).where(inArray(trainingRefusals.caseId, caseIds))),
    ...(await db.select().from(trainingGroups).where(inArray(trainingGroups.caseId, caseIds))),
    ...(await db.select().from(trainingSessions).where(inArray(trainingSessions.sessionId, [sessionId]))),
  ];
  expect(await left()).toEqual([]);
  for (const id of caseIds) expect((await stack.dev.client.workflow.getHandle(caseWorkflowId(id)).describe()).status.name).toBe('TERMINATED');
  // A write still in flight when the session went finds no session and brings nothing back.
  await new Promise((r) => setTimeout(r, 1_000));
  expect(await left()).toEqual([]);
}
