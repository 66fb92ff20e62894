// Keyset pagination for every list: rows ordered by a sort key and a unique tie-breaker, the cursor the
// last row's two values. Cursors are opaque to clients; a tampered one simply starts from the beginning.
import type { AnyColumn, SQL } from 'drizzle-orm';
import { asc, desc, sql } from 'drizzle-orm';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Value = Date | number | string;

export interface KeyPart<Row> {
  /** The field's name in the cursor (short: cursors travel in URLs). */
  name: string;
  /** A column, or an expression an index holds (the escalations' negated level: see api/escalations). */
  column: AnyColumn | SQL;
  kind: 'time' | 'int' | 'text';
  direction: 'asc' | 'desc';
  value(row: Row): Value;
}

type Directed<Row, D extends KeyPart<Row>['direction']> = KeyPart<Row> & { direction: D };

/**
 * A sort key and a unique tie-breaker, so that pages never skip or repeat a row; both run one way, so the
 * cursor is one row comparison that an index on (sort key, tie-breaker) seeks to (a key that sorts the
 * other way is an expression, as the escalations' negated level is).
 */
export type Keyset<Row> = readonly [Directed<Row, 'asc'>, Directed<Row, 'asc'>] | readonly [Directed<Row, 'desc'>, Directed<Row, 'desc'>];

/** The range of a PostgreSQL `integer`. */
const INT4_MAX = 2_147_483_647;

/** A time PostgreSQL stores (years 1 to 9999 here), or nothing. */
function storableTime(v: string): Date | undefined {
  const t = new Date(v);
  const year = t.getUTCFullYear();
  return Number.isNaN(t.getTime()) || year < 1 || year > 9999 ? undefined : t;
}

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
  // Only values the database takes as they are: anything else is a tampered cursor, never a 500.
  const values = keyset.map((part) => {
    const v = (parsed as Record<string, unknown>)[part.name];
    if (part.kind === 'time') return typeof v === 'string' ? storableTime(v) : undefined;
    if (part.kind === 'int') return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= INT4_MAX ? v : undefined;
    return typeof v === 'string' && !v.includes('\u0000') ? v : undefined;
  });
  return values.every((v) => v !== undefined) ? (values as Value[]) : undefined;
}

/** Rows after the cursor: a page costs the same on the thousandth page as on the first. */
function seek<Row>([first, second]: Keyset<Row>, [a, b]: Value[]): SQL {
  return first.direction === 'desc' ? sql`(${first.column}, ${second.column}) < (${a}, ${b})` : sql`(${first.column}, ${second.column}) > (${a}, ${b})`;
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
