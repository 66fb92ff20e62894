// Keyset pagination for every list: rows ordered by a sort key and a unique tie-breaker, the cursor the
// last row's two values. Cursors are opaque to clients; a tampered one simply starts from the beginning.
import type { AnyColumn, SQL } from 'drizzle-orm';
import { and, asc, desc, eq, gt, lt, or, sql } from 'drizzle-orm';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Value = Date | number | string;

export interface KeyPart<Row> {
  /** The field's name in the cursor (short: cursors travel in URLs). */
  name: string;
  column: AnyColumn;
  kind: 'time' | 'int' | 'text';
  direction: 'asc' | 'desc';
  value(row: Row): Value;
}

/** A sort key and a unique tie-breaker, so that pages never skip or repeat a row. */
export type Keyset<Row> = readonly [KeyPart<Row>, KeyPart<Row>];

const encode = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

function decode<Row>(keyset: Keyset<Row>, cursor: string | undefined): Value[] | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const values = keyset.map((part) => {
    const v = (parsed as Record<string, unknown>)[part.name];
    if (part.kind === 'time') return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined;
    if (part.kind === 'int') return typeof v === 'number' ? v : undefined;
    return typeof v === 'string' ? v : undefined;
  });
  return values.every((v) => v !== undefined) ? (values as Value[]) : undefined;
}

const after = (part: KeyPart<unknown>, v: Value) => (part.direction === 'desc' ? lt(part.column, v) : gt(part.column, v));

/**
 * Rows after the cursor. Both parts in one direction: a row-value comparison, which PostgreSQL answers by
 * seeking in an index on (sort key, tie-breaker) — a page costs the same on the thousandth page as on the
 * first. Mixed directions fall back on the expanded form.
 */
function seek<Row>([first, second]: Keyset<Row>, from: Value[]): SQL {
  if (first.direction === second.direction) {
    const [a, b] = [from[0]!, from[1]!];
    return first.direction === 'desc' ? sql`(${first.column}, ${second.column}) < (${a}, ${b})` : sql`(${first.column}, ${second.column}) > (${a}, ${b})`;
  }
  return or(after(first, from[0]!), and(eq(first.column, from[0]!), after(second, from[1]!)))!;
}

/**
 * One page: `fetch` runs the list's own query with the keyset's condition added to its filters, its
 * order and a limit one above the page size (to know whether another page follows).
 */
export async function keysetPage<Row>(
  keyset: Keyset<Row>,
  q: { cursor?: string | undefined; limit: number },
  fetch: (where: SQL | undefined, order: SQL[], limit: number) => Promise<Row[]>,
): Promise<Page<Row>> {
  const from = decode(keyset, q.cursor);
  const where = from ? seek(keyset, from) : undefined;
  const order = keyset.map((part) => (part.direction === 'desc' ? desc(part.column) : asc(part.column)));
  const rows = await fetch(where, order, q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const cursorOf = (row: Row) =>
    encode(Object.fromEntries(keyset.map((part) => [part.name, ((v) => (v instanceof Date ? v.toISOString() : v))(part.value(row))])));
  return { items, nextCursor: rows.length > q.limit && last ? cursorOf(last) : null };
}
