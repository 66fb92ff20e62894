// Small reductions over the rows a phase reads back, shared by the raw floor and Sigap.

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
