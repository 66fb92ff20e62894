// Small reductions over the rows a phase reads back, shared by the raw floor and Sigap.
import type { AnyColumn } from 'drizzle-orm';
import { sql } from 'drizzle-orm';

export const sorted = (xs: number[]) => xs.sort((a, b) => a - b);

/** Rows beyond the first under each key. */
export function duplicates(keys: string[]): number {
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  return [...seen.values()].reduce((sum, c) => sum + (c - 1), 0);
}

/** Each case's scheduled due time, and how far apart the earliest and the latest are. */
export function dueTimes(rows: { caseId: string; dueAt: number }[]) {
  const byCase = new Map(rows.map((r) => [r.caseId, r.dueAt]));
  const times = [...byCase.values()];
  return { byCase, spreadMs: times.length ? times.reduce((a, b) => Math.max(a, b)) - times.reduce((a, b) => Math.min(a, b)) : 0 };
}

export function lastOf(dates: Date[]): number | null {
  return dates.length ? dates.reduce((a, d) => Math.max(a, d.getTime()), -Infinity) : null;
}

/**
 * `column = any($1)` with the ids as one array parameter: the once-a-second count runs in the process it
 * measures, and `inArray` over thousands of ids built a parameter per id each time (half a second of the
 * worker's main thread over a 3,000-deadline drain in a CPU profile).
 */
export const anyOf = (column: AnyColumn, ids: string[]) => sql`${column} = any(${sql.param(ids)})`;
