// A category renamed in #13 in the read model (Postgres in CI, PGlite otherwise): the writer stores the
// current code for a case that still holds the old one, rows written before are found, shown and counted
// under the current code, and migration 0007 rewrites them.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { writeCaseEvents } from '../../activities/read-model';
import { listCases } from '../../api/cases/list';
import { caseSummary } from '../../api/cases/present';
import { caseStats } from '../../api/stats/routes';
import type { Database } from '../../db/client';
import { cases } from '../../db/schema';
import type { CaseEventRecord } from '../../domain/case/events';
import { openTestDatabase } from '../helpers/database';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

// A kabupaten/kota of its own per test (the read model checks no code), so rows other tests or suites write
// never blur a list or a count.
const regionOf = () => `99.${randomUUID().slice(0, 8)}`;
const reader = (region: string) => ({ id: 'spv-words', role: 'supervisor' as const, regions: [region] });

function opened(caseId: string, regionCode: string): CaseEventRecord {
  const at = new Date(Date.UTC(2026, 5, 1)).toISOString();
  return {
    caseId,
    seq: 0,
    type: 'case.opened',
    at,
    actor: { id: 'op-1', role: 'operator' },
    stage: 'identification',
    data: {},
    projection: {
      caseId,
      workflowId: `case-${caseId}`,
      status: 'open',
      stage: 'identification',
      pathway: 'atensi',
      // A case opened before #13: its workflow still holds the old code.
      category: 'korban_bencana',
      riskLevel: 'high',
      regionCode,
      jurisdiction: 'kabkota',
      assignedWorker: null,
      escalationLevel: 0,
      escalations: [],
      nextDeadlineKind: null,
      nextDeadlineAt: null,
      openedAt: at,
      policyVersion: 'test',
    },
  };
}

/** A row as the writer left it before #13: under the old code. */
async function rowBefore13(regionCode: string): Promise<string> {
  const caseId = randomUUID();
  await writeCaseEvents(database.db, [opened(caseId, regionCode)]);
  await database.db.update(cases).set({ category: 'korban_bencana' }).where(eq(cases.caseId, caseId));
  return caseId;
}

test('the writer stores the current code for a case that still holds the old one', async () => {
  const caseId = randomUUID();
  await writeCaseEvents(database.db, [opened(caseId, regionOf())]);
  const [row] = await database.db.select().from(cases).where(eq(cases.caseId, caseId));
  expect(row?.category).toBe('korban_bencana_dan_kedaruratan');
});

test('a row still under the old code is listed by either code, shown and counted under the current one', async () => {
  const region = regionOf();
  const old = await rowBefore13(region);
  const current = randomUUID();
  await writeCaseEvents(database.db, [opened(current, region)]);
  for (const category of ['korban_bencana_dan_kedaruratan', 'korban_bencana'] as const) {
    const page = await listCases(database.db, reader(region), { category, limit: 50 });
    expect(page.items.map((c) => c.caseId).sort()).toEqual([old, current].sort());
    expect(page.items.map((c) => caseSummary(c).category)).toEqual(['korban_bencana_dan_kedaruratan', 'korban_bencana_dan_kedaruratan']);
  }
  expect((await listCases(database.db, reader(region), { category: 'korban_napza', limit: 50 })).items).toEqual([]);
  const stats = await caseStats(database.db, reader(region), { periodDays: 30 }, new Date(Date.UTC(2026, 5, 2)));
  expect(stats.byCategory).toEqual({ korban_bencana_dan_kedaruratan: 2 });
});

test('migration 0007 rewrites rows under the old code and leaves others alone', async () => {
  const region = regionOf();
  const old = await rowBefore13(region);
  const other = randomUUID();
  await writeCaseEvents(database.db, [opened(other, region)]);
  await database.db.update(cases).set({ category: 'korban_napza' }).where(eq(cases.caseId, other));
  // Applied once by migrate() already; run again here on a row written as before it.
  await database.db.execute(sql.raw(fs.readFileSync(path.join(__dirname, '../../db/migrations/0007_current_category_codes.sql'), 'utf8')));
  const rows = await database.db.select({ caseId: cases.caseId, category: cases.category }).from(cases).where(eq(cases.regionCode, region));
  expect(Object.fromEntries(rows.map((r) => [r.caseId, r.category]))).toEqual({ [old]: 'korban_bencana_dan_kedaruratan', [other]: 'korban_napza' });
});
