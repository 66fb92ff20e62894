// The read-model writer against the real database (Postgres in CI, PGlite otherwise).
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { writeCaseEvents } from '../../activities/read-model';
import type { Database } from '../../db/client';
import { caseEvents, cases, staff } from '../../db/schema';
import type { CaseEventRecord } from '../../domain/case/events';
import { openTestDatabase } from '../helpers/database';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

function event(caseId: string, seq: number, stage: CaseEventRecord['stage']): CaseEventRecord {
  const at = new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString();
  return {
    caseId,
    seq,
    type: `step.${seq}`,
    at,
    actor: { id: 'cm-1', role: 'case_manager' },
    stage,
    data: { seq },
    projection: {
      caseId,
      workflowId: `case-${caseId}`,
      status: 'open',
      stage,
      pathway: 'odgj',
      category: 'odgj_terlantar',
      riskLevel: 'high',
      regionCode: '64.72',
      jurisdiction: 'kabkota',
      assignedWorker: 'cm-1',
      escalationLevel: seq,
      escalations: [],
      nextDeadlineKind: null,
      nextDeadlineAt: null,
      openedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
      policyVersion: 'test',
    },
  };
}

test('writing the same event twice leaves one timeline entry', async () => {
  const id = randomUUID();
  await writeCaseEvents(database.db, [event(id, 0, 'identification')]);
  await writeCaseEvents(database.db, [event(id, 0, 'identification')]);
  const rows = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id));
  expect(rows).toHaveLength(1);
});

test('an older event arriving late never rolls the case row back', async () => {
  const id = randomUUID();
  await writeCaseEvents(database.db, [event(id, 0, 'identification')]);
  await writeCaseEvents(database.db, [event(id, 2, 'planning'), event(id, 3, 'planning')]);
  await writeCaseEvents(database.db, [event(id, 1, 'assessment')]);
  const [row] = await database.db.select().from(cases).where(eq(cases.caseId, id));
  expect(row).toMatchObject({ stage: 'planning', lastSeq: 3, escalationLevel: 3, provinceCode: '64' });
  const timeline = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq));
  expect(timeline.map((e) => e.stage)).toEqual(['identification', 'assessment', 'planning', 'planning']);
});

test('a batch whose older records carry no projection refreshes the row from its newest record', async () => {
  const id = randomUUID();
  const { projection: _dropped, ...older } = event(id, 0, 'identification');
  await writeCaseEvents(database.db, [older, event(id, 1, 'assessment')]);
  const [row] = await database.db.select().from(cases).where(eq(cases.caseId, id));
  expect(row).toMatchObject({ stage: 'assessment', lastSeq: 1 });
  expect(await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id))).toHaveLength(2);
});

test('a retried write checks the caseload even though the case row no longer changes', async () => {
  const worker = `cm-${randomUUID().slice(0, 8)}`;
  await database.db.insert(staff).values({ staffId: worker, unitCode: 'DINSOS-64.72', unitKind: 'dinsos_kabkota', regionCode: '64.72', provinceCode: '64', role: 'pekerja_sosial' });
  const assigned = (id: string, seq: number): CaseEventRecord => {
    const e = event(id, seq, 'identification');
    return { ...e, projection: { ...e.projection!, assignedWorker: worker } };
  };
  const [a, b] = [randomUUID(), randomUUID()];
  await writeCaseEvents(database.db, [assigned(a, 0)], 1);
  // The first try of b's write committed, but its caseload check never ran (a threshold nothing crosses).
  await writeCaseEvents(database.db, [assigned(b, 0)], 100);
  const warnedAt = async () => (await database.db.select({ at: staff.caseloadWarnedAt }).from(staff).where(eq(staff.staffId, worker)))[0]?.at ?? null;
  expect(await warnedAt()).toBeNull();
  // A later step of b that changes nothing about who carries it does not recount …
  await writeCaseEvents(database.db, [assigned(b, 1)], 1);
  expect(await warnedAt()).toBeNull();
  // … but the retry of the first write does: two open cases over a threshold of one.
  await writeCaseEvents(database.db, [assigned(b, 0)], 1);
  expect(await warnedAt()).toBeInstanceOf(Date);
});

test('migrations are idempotent', async () => {
  await expect(database.migrate()).resolves.toBeUndefined();
});
