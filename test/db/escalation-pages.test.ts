// The escalations list paged by its cursor: every case once, highest level first, then by case id, across
// the levels' boundaries — the order is kept on the negated level (api/escalations/routes.ts), so a page's
// cursor must fall between levels as well as within one.
import { sql } from 'drizzle-orm';
import { listEscalations } from '../../api/escalations/routes';
import { escalationQuery } from '../../api/escalations/schemas';
import type { Principal } from '../../api/http/principal';
import type { Database, Db } from '../../db/client';
import { openTestDatabase } from '../helpers/database';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const kasi: Principal = { id: 'kasi-6573', role: 'supervisor', regions: ['65.73'] };
// 23 open cases in one region, levels 0–3 drawn from the case number; one closed case at level 3 (the list
// holds open cases only).
const CASES = Array.from({ length: 23 }, (_, i) => ({ id: `esc-page-${String((i * 7) % 23).padStart(2, '0')}`, level: (i * 5) % 4 }));
const UNDO = new Error('undo');

async function withCases(run: (db: Db) => Promise<void>): Promise<void> {
  await database.db
    .transaction(async (tx) => {
      const rows = [...CASES.map((c) => ({ ...c, status: 'open' })), { id: 'esc-page-closed', level: 3, status: 'closed' }];
      for (const c of rows) {
        await tx.execute(sql`insert into cases (case_id, workflow_id, status, stage, pathway, category, risk_level, region_code, province_code,
          escalation_level, policy_version, opened_at, updated_at, last_seq)
          values (${c.id}, ${`case-${c.id}`}, ${c.status}, 'assessment', 'odgj', 'odgj_terlantar', 'high', '65.73', '65',
          ${c.level}, 'test', now(), now(), 1)`);
      }
      await run(tx as unknown as Db);
      throw UNDO;
    })
    .catch((err: unknown) => {
      if (err !== UNDO) throw err;
    });
}

async function walk(db: Db, query: Record<string, string>, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listEscalations(db, kasi, escalationQuery.parse({ ...query, region: '65.73', limit: String(limit), ...(cursor ? { cursor } : {}) }), new Date());
    ids.push(...page.items.map((c) => c.caseId));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 20);
  return { ids, pages };
}

const expected = (minLevel: number) =>
  CASES.filter((c) => c.level >= minLevel)
    .sort((x, y) => y.level - x.level || (x.id < y.id ? -1 : 1))
    .map((c) => c.id);

// Levels 3, 2 and 1 hold 5, 6 and 6 cases: pages of 4 break inside a level, pages of 5 first at level 3's last case.
test.each([
  [1, 4],
  [1, 5],
  [2, 5],
  [2, 4],
  [3, 4],
])('from level %i up, pages of %i hold every open escalated case once, in order', async (minLevel, limit) => {
  const want = expected(minLevel);
  expect(want.length).toBeGreaterThan(limit);
  await withCases(async (db) => {
    const { ids, pages } = await walk(db, { minLevel: String(minLevel) }, limit);
    expect(ids).toEqual(want);
    expect(pages).toBe(Math.ceil(want.length / limit));
  });
});

test('a cursor from before the negated level (the level itself) starts from the first page', async () => {
  await withCases(async (db) => {
    const old = Buffer.from(JSON.stringify({ l: 3, id: 'esc-page-05' })).toString('base64url');
    const page = await listEscalations(db, kasi, escalationQuery.parse({ region: '65.73', limit: '4', cursor: old }), new Date());
    expect(page.items.map((c) => c.caseId)).toEqual(expected(1).slice(0, 4));
  });
});
