// Every list staff use every day is answered by one index read in the list's own order, never by reading a
// region's (or the country's) rows and sorting them: at 1,000,000 cases that is the difference between
// 0.3 ms and 180 ms (docs/BENCHMARKS.md, lists). The statements are the ones the routes build; the plan is
// asked with sequential scans, bitmap scans and sorts priced out, so it shows which index can serve each.
import type { Logger } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { listCases } from '../../api/cases/list';
import { caseListQuery } from '../../api/cases/schemas';
import { listEscalations } from '../../api/escalations/routes';
import { escalationQuery } from '../../api/escalations/schemas';
import type { Principal } from '../../api/http/principal';
import type { Database, Db } from '../../db/client';
import * as schema from '../../db/schema';
import { openTestDatabase } from '../helpers/database';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const kasi: Principal = { id: 'kasi-4472', role: 'supervisor', regions: ['44.72'] };
const kabid: Principal = { id: 'kabid-44', role: 'supervisor', regions: ['44'] };
const worker: Principal = { id: 'cm-4472-1', role: 'case_manager', regions: ['44.72'] };
const admin: Principal = { id: 'admin-1', role: 'admin', regions: ['*'] };

type Ask = (db: Db) => Promise<unknown>;
const cases = (who: Principal, query: Record<string, string>): Ask => (db) => listCases(db, who, caseListQuery.parse(query));
const escalations = (who: Principal, query: Record<string, string>): Ask => (db) => listEscalations(db, who, escalationQuery.parse(query), new Date());
/** The second page of a list, by the first page's cursor: the seek must stay in the index too. */
const page2 =
  (list: (who: Principal, query: Record<string, string>) => Ask, who: Principal, query: Record<string, string>): Ask =>
  async (db) => {
    const first = (await list(who, query)(db)) as { nextCursor: string | null };
    if (!first.nextCursor) throw new Error('the first page has no cursor: too few rows for a second page');
    return list(who, { ...query, cursor: first.nextCursor })(db);
  };

/** [what staff look at, the route's query for it, the one index that must answer it]. */
const LISTS: [string, Ask, string][] = [
  ["a Kasi's region", cases(kasi, { region: '44.72' }), 'cases_region_opened_idx'],
  ["a Kasi's region by stage", cases(kasi, { region: '44.72', stage: 'assessment' }), 'cases_region_stage_idx'],
  ["a Kasi's open cases", cases(kasi, { region: '44.72', status: 'open' }), 'cases_region_status_idx'],
  ["a worker's own open cases", cases(worker, { assignee: 'cm-4472-1', status: 'open' }), 'cases_assignee_idx'],
  ["a Kasi's region, page 2", page2(cases, kasi, { region: '44.72' }), 'cases_region_opened_idx'],
  ["a Kasi's escalations", escalations(kasi, { region: '44.72' }), 'cases_region_escalated_idx'],
  ["a Kasi's overdue cases", escalations(kasi, { region: '44.72', view: 'overdue' }), 'cases_region_due_idx'],
  ["a Kabid's province", cases(kabid, { region: '44' }), 'cases_province_opened_idx'],
  ["a Kabid's whole scope (no filter)", cases(kabid, {}), 'cases_province_opened_idx'],
  ["a Kabid's open cases", cases(kabid, { region: '44', status: 'open' }), 'cases_province_status_idx'],
  ["a Kabid's escalations", escalations(kabid, {}), 'cases_province_escalated_idx'],
  ["a Kabid's escalations, page 2", page2(escalations, kabid, {}), 'cases_province_escalated_idx'],
  ["a Kabid's overdue cases", escalations(kabid, { view: 'overdue' }), 'cases_province_due_idx'],
  ["a Kabid's overdue cases, page 2", page2(escalations, kabid, { view: 'overdue' }), 'cases_province_due_idx'],
  ['every case, newest first', cases(admin, {}), 'cases_opened_idx'],
  ['every escalation', escalations(admin, { minLevel: '2' }), 'cases_escalated_idx'],
  ['every escalation, page 2', page2(escalations, admin, { minLevel: '2' }), 'cases_escalated_idx'],
  ['every overdue case', escalations(admin, { view: 'overdue' }), 'cases_due_idx'],
];

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The statement with its values written in, for EXPLAIN: a list's values are text, numbers and times. */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1];
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' && !(v instanceof Date)) throw new Error(`cannot write $${n} (${typeof v}) into the statement`);
    return `'${(v instanceof Date ? v.toISOString() : v).replace(/'/g, "''")}'`;
  });
}

const UNDO = new Error('undo');

/**
 * Cases spread as a read model spreads them (5 provinces of 10 kabupaten/kota, three workers in each, 18 %
 * open, 14 % of open cases escalated, a fifth overdue), each trait drawn on its own (a hash of the case
 * number), so the planner's statistics weigh each filter as they would at scale. Provinces 40–44 are no
 * real province's and no other suite's (the suites share CI's database). The Kabid's province, 44, holds
 * 14 % of the cases (2,850: enough for a second page of its escalations and of its overdue cases); at a
 * fifth of them, walking every case newest first until 51 were the province's cost the planner about as
 * much as the province's own index, and on a table just left bloated by the other suites it chose the walk.
 */
const SPREAD_CASES = `
  with drawn as (
    select g, array(select (hashint4(g * 8 + k)::bigint + 2147483648) % 1000 from generate_series(1, 7) k) as u
    from generate_series(1, 20000) g
  ), placed as (
    select g, u, u[1] < 180 as open, (case when u[2] < 140 then 44 else 40 + u[2] % 4 end)::text as province, (70 + u[3] % 10)::text as kabkota from drawn
  )
  insert into cases (case_id, workflow_id, status, stage, pathway, category, risk_level, region_code, province_code,
    assigned_worker, escalation_level, next_deadline_kind, next_deadline_at, policy_version, opened_at, updated_at, last_seq)
  select 'plan-' || g, 'case-plan-' || g, case when open then 'open' else 'closed' end,
    case when open then (array['identification','assessment','planning','monitoring'])[1 + u[7] % 4] else 'closed' end,
    'odgj', 'odgj_terlantar', (array['high','medium','low'])[1 + u[7] / 4 % 3],
    province || '.' || kabkota, province, 'cm-' || province || kabkota || '-' || u[4] % 3,
    case when open and u[5] < 140 then 1 + u[5] % 3 else 0 end,
    case when open then 'assessment' end,
    case when open and u[6] < 200 then now() - (1 + u[6] % 5) * interval '1 day'
         when open then now() + (1 + u[6] % 20) * interval '1 day' end,
    'test', now() - g * interval '1 hour', now(), 1
  from placed`;

/** The plan of each list's statement, in one transaction that adds the rows and leaves nothing behind. */
async function plansOf(lists: Ask[], pricedOut = ['enable_seqscan', 'enable_bitmapscan', 'enable_sort', 'enable_incremental_sort']): Promise<PlanNode[][]> {
  const seen: { text: string; params: unknown[] }[] = [];
  const logger: Logger = { logQuery: (text, params) => void seen.push({ text, params }) };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const db: Db =
    database.kind === 'postgres' ? drizzlePg(client as Pool, { schema, logger }) : (drizzlePglite(client as PGlite, { schema, logger }) as unknown as Db);
  const plans: PlanNode[][] = [];
  // The other suites leave the shared table bloated (CI: 290 rows in 4,049 pages) and its statistics
  // stale; the first plans asked after them then walked every case newest first. Vacuumed and analysed
  // first, the table is what the rows inserted below make it.
  await database.db.execute(sql.raw('vacuum analyze cases'));
  await db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(SPREAD_CASES));
      await tx.execute(sql.raw('analyze cases'));
      // Priced out, not forbidden: a plan that still needs one shows it (the assertion names the node).
      for (const off of pricedOut) await tx.execute(sql.raw(`set local ${off} = off`));
      for (const ask of lists) {
        seen.length = 0;
        await ask(tx as unknown as Db);
        // The page asked last (a page 2 asks page 1 first for its cursor).
        const list = seen.filter((q) => /^select .* from "cases" .* order by /is.test(q.text)).at(-1);
        if (!list) throw new Error('the list sent no query on cases');
        const result = (await tx.execute(sql.raw(`explain (format json) ${inline(list.text, list.params)}`))) as unknown as { rows: Record<string, unknown>[] };
        const json = Object.values(result.rows[0]!)[0];
        const [top] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode }];
        plans.push(nodes(top.Plan));
      }
      // Nothing to keep: the rows, the statistics gathered and the settings go with the transaction.
      throw UNDO;
    })
    .catch((err: unknown) => {
      if (err !== UNDO) throw err;
    });
  // ANALYZE wrote the table's size in place, outside the transaction: counted again, it is the real one.
  await database.db.execute(sql.raw('analyze cases'));
  return plans;
}

let plans: PlanNode[][];
beforeAll(async () => {
  plans = await plansOf(LISTS.map(([, ask]) => ask));
});

test.each(LISTS.map(([name, , index], i) => [name, index, i] as const))('%s is one index read in the list order (%s)', (_name, index, i) => {
  const plan = plans[i]!;
  const shape = plan.map((n) => (n['Index Name'] ? `${n['Node Type']} on ${n['Index Name']}` : n['Node Type']));
  expect(shape.filter((s) => /Sort|Seq Scan|Bitmap/.test(s))).toEqual([]);
  expect(plan.filter((n) => n['Index Name']).map((n) => n['Index Name'])).toEqual([index]);
});

// A later page starts where the cursor points (one row comparison in the index condition), not at the first
// page's first row with every row before the cursor read and thrown away (the cursor as a filter).
const LATER_PAGES = LISTS.flatMap(([name], i) => (name.endsWith('page 2') ? [[name, i] as const] : []));

test.each(LATER_PAGES)('%s seeks to its cursor in the index', (_name, i) => {
  const [read] = plans[i]!.filter((n) => n['Index Name']);
  expect(read?.['Index Cond']).toMatch(/case_id/);
  expect(read?.Filter ?? '').not.toMatch(/case_id/);
});

test('a list of escalations from level 2 up starts at level 2 in its index, not by reading past level 1', () => {
  const i = LISTS.findIndex(([name]) => name === 'every escalation');
  const [read] = plans[i]!.filter((n) => n['Index Name']);
  expect(read?.['Index Cond']).toMatch(/escalation_level/);
});

// The case list from an escalation level up, any status, newest first (`minEscalationLevel`; the CLI's
// `case list --min-level`): rare, and no index holds it in its order, but it reads the few escalated cases
// (the partial cases_escalation_idx) and sorts them, rather than walking every case newest first until 51
// are escalated (8.7 ms for the country's level 3 at 1,000,000 rows without it, 3–4 ms with it).
const FROM_A_LEVEL: [string, Ask][] = [
  ["every case from level 3 up", cases(admin, { minEscalationLevel: '3' })],
  ["a Kabid's cases from level 3 up", cases(kabid, { region: '44', minEscalationLevel: '3' })],
];

test.each(FROM_A_LEVEL.map(([name], i) => [name, i] as const))('%s reads the escalated cases only', async (_name, i) => {
  const [plan] = await plansOf([FROM_A_LEVEL[i]![1]], ['enable_seqscan']);
  expect(plan!.map((n) => n['Index Name']).filter(Boolean)).toContain('cases_escalation_idx');
});
