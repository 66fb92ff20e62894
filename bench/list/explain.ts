// How PostgreSQL answers each list query: EXPLAIN (ANALYZE, BUFFERS) of the captured statement with its
// values, as text for the report and summarised (the index that serves it, whether it sorts, rows read).
import type { Pool } from 'pg';
import type { CapturedQuery } from './capture';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  /** Scan nodes with their index, outermost first ("Index Scan Backward on cases_region_opened_idx"). */
  scans: string[];
  indexes: string[];
  sorts: boolean;
  /** Rows and index entries the scans produced plus those their filters threw away: what was read to answer. */
  rowsRead: number;
  rowsReturned: number;
  buffers: { hit: number; read: number };
  executionMs: number;
  text: string;
}

function walk(node: PlanNode, visit: (n: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

const SCAN = /Scan$/;

export async function explain(pool: Pool, query: CapturedQuery): Promise<PlanSummary> {
  const json = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, query.values);
  const { rows: textRows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
  const [top] = json.rows[0]!['QUERY PLAN'];
  const scans: string[] = [];
  const indexes = new Set<string>();
  let sorts = false;
  let rowsRead = 0;
  walk(top.Plan, (n) => {
    if (/Sort$/.test(n['Node Type'])) sorts = true;
    if (!SCAN.test(n['Node Type'])) return;
    const type = n['Scan Direction'] === 'Backward' ? `${n['Node Type']} Backward` : n['Node Type'];
    scans.push(n['Index Name'] ? `${type} on ${n['Index Name']}` : type);
    if (n['Index Name']) indexes.add(n['Index Name']);
    // A bitmap index scan's entries count too: combining two of them (BitmapAnd) reads both in full.
    rowsRead += ((n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0)) * (n['Actual Loops'] ?? 1);
  });
  return {
    scans,
    indexes: [...indexes],
    sorts,
    rowsRead,
    rowsReturned: top.Plan['Actual Rows'] ?? 0,
    buffers: { hit: top.Plan['Shared Hit Blocks'] ?? 0, read: top.Plan['Shared Read Blocks'] ?? 0 },
    executionMs: top['Execution Time'],
    text: textRows.map((r) => r['QUERY PLAN']).join('\n'),
  };
}

/** One line of the plans table: what serves the filter and what it costs. */
export function planLine(name: string, p: PlanSummary): string {
  const served = p.sorts ? 'no: rows sorted after the scan' : 'yes: read in the list order';
  return `| ${name} | ${p.scans.join(' + ')} | ${served} | ${p.rowsRead} read for ${p.rowsReturned} | ${p.buffers.hit} hit / ${p.buffers.read} read | ${p.executionMs.toFixed(2)} ms |`;
}
