// Queries on a hot path, prepared once per database handle: the query builder builds their SQL once, and
// PostgreSQL parses and plans a named statement once per connection (#17: building the same select on every
// step and every command cost more CPU than running it).
import type { Db } from './client';

const cache = new WeakMap<Db, Map<string, unknown>>();

/** The prepared query `name` on this database, built by `prepare` the first time it is asked for. */
export function prepared<T>(db: Db, name: string, prepare: (db: Db, name: string) => T): T {
  let byName = cache.get(db);
  if (!byName) cache.set(db, (byName = new Map()));
  let query = byName.get(name) as T | undefined;
  if (query === undefined) byName.set(name, (query = prepare(db, name)));
  return query;
}
