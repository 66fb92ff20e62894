// The read-model writer against the real database (Postgres in CI, PGlite otherwise).
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { writeCaseEvents } from '../../activities/read-model';
import type { Database } from '../../db/client';
import { caseEvents, cases } from '../../db/schema';
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

test('migrations are idempotent', async () => {
  await expect(database.migrate()).resolves.toBeUndefined();
});
