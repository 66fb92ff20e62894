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

const kasi: Principal = { id: 'kasi-6472', role: 'supervisor', regions: ['64.72'] };
const kabid: Principal = { id: 'kabid-64', role: 'supervisor', regions: ['64'] };
const worker: Principal = { id: 'cm-6472-1', role: 'case_manager', regions: ['64.72'] };
const admin: Principal = { id: 'admin-1', role: 'admin', regions: ['*'] };

type Ask = (db: Db) => Promise<unknown>;
const cases = (who: Principal, query: Record<string, string>): Ask => (db) => listCases(db, who, caseListQuery.parse(query));
const escalations = (who: Principal, query: Record<string, string>): Ask => (db) => listEscalations(db, who, escalationQuery.parse(query), new Date());

/** Each list, who asks it, and the index that must serve it. */
const LISTS: [string, Ask, string][] = [
  ["a Kasi's region", cases(kasi, { region: '64.72' }), 'cases_region_opened_idx'],
  ["a Kasi's region by stage", cases(kasi, { region: '64.72', stage: 'assessment' }), 'cases_region_stage_idx'],
  ["a Kasi's open cases", cases(kasi, { region: '64.72', status: 'open' }), 'cases_region_status_idx'],
  ["a worker's own open cases", cases(worker, { assignee: 'cm-6472-1', status: 'open' }), 'cases_assignee_idx'],
  ["a Kasi's escalations", escalations(kasi, { region: '64.72' }), 'cases_region_escalated_idx'],
  ["a Kasi's overdue cases", escalations(kasi, { region: '64.72', view: 'overdue' }), 'cases_region_due_idx'],
  ["a Kabid's province", cases(kabid, { region: '64' }), 'cases_province_opened_idx'],
  ["a Kabid's whole scope (no filter)", cases(kabid, {}), 'cases_province_opened_idx'],
  ["a Kabid's open cases", cases(kabid, { region: '64', status: 'open' }), 'cases_province_status_idx'],
  ["a Kabid's escalations", escalations(kabid, {}), 'cases_province_escalated_idx'],
  ["a Kabid's overdue cases", escalations(kabid, { view: 'overdue' }), 'cases_province_due_idx'],
  ['every case, newest first', cases(admin, {}), 'cases_opened_idx'],
  ['every escalation', escalations(admin, { minLevel: '2' }), 'cases_escalated_idx'],
  ['every overdue case', escalations(admin, { view: 'overdue' }), 'cases_due_idx'],
];

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The statement with its values written in, for EXPLAIN (a list's values are text, numbers and times). */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1];
    if (typeof v === 'number') return String(v);
    const s = v instanceof Date ? v.toISOString() : String(v);
    return `'${s.replace(/'/g, "''")}'`;
  });
}

const UNDO = new Error('undo');

/**
 * Cases spread as a read model spreads them (5 provinces of 10 kabupaten/kota, three workers in each, 18 %
 * open, 14 % of open cases escalated, a fifth of them overdue), so the planner's statistics choose as they would at scale.
 */
const SPREAD_CASES = `
  insert into cases (case_id, workflow_id, status, stage, pathway, category, risk_level, region_code, province_code,
    assigned_worker, escalation_level, next_deadline_kind, next_deadline_at, policy_version, opened_at, updated_at, last_seq)
  select 'plan-' || g, 'case-plan-' || g, o.status,
    case when o.status = 'open' then (array['identification','assessment','planning','monitoring'])[1 + g % 4] else 'closed' end,
    'odgj', 'odgj_terlantar', (array['high','medium','low'])[1 + g % 3],
    (60 + g % 5) || '.' || (70 + (g / 5) % 10), (60 + g % 5)::text, 'cm-' || (60 + g % 5) || (70 + (g / 5) % 10) || '-' || (g / 50) % 3,
    case when o.status = 'open' and g % 7 = 0 then 1 + g % 3 else 0 end,
    case when o.status = 'open' then 'assessment' end,
    case when o.status = 'open' then now() + ((g % 25) - 5) * interval '1 day' end,
    'test', now() - g * interval '1 hour', now(), 1
  from generate_series(1, 20000) g, lateral (select case when g % 50 < 9 then 'open' else 'closed' end as status) o`;

/** The plan of each list's statement, in one transaction that adds the rows and leaves nothing behind. */
async function plansOf(lists: Ask[]): Promise<PlanNode[][]> {
  const seen: { text: string; params: unknown[] }[] = [];
  const logger: Logger = { logQuery: (text, params) => void seen.push({ text, params }) };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const db: Db = database.kind === 'postgres' ? drizzlePg(client as Pool, { schema, logger }) : (drizzlePglite(client as PGlite, { schema, logger }) as unknown as Db);
  const plans: PlanNode[][] = [];
  await db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(SPREAD_CASES));
      await tx.execute(sql.raw('analyze cases'));
      // Priced out, not forbidden: a plan that still needs one shows it (the assertion names the node).
      for (const off of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort', 'enable_incremental_sort']) await tx.execute(sql.raw(`set local ${off} = off`));
      for (const ask of lists) {
        seen.length = 0;
        await ask(tx as unknown as Db);
        const list = seen.find((q) => /^select .* from "cases"/is.test(q.text));
        if (!list) throw new Error('the list sent no query on cases');
        const result = (await tx.execute(sql.raw(`explain (format json) ${inline(list.text, list.params)}`))) as unknown as { rows: Record<string, unknown>[] };
        const json = Object.values(result.rows[0]!)[0];
        const [top] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode }];
        plans.push(nodes(top.Plan));
      }
      // Nothing to keep: the rows, their statistics and the settings go with the transaction.
      throw UNDO;
    })
    .catch((err: unknown) => {
      if (err !== UNDO) throw err;
    });
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
