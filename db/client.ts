// One database handle for Postgres (DATABASE_URL) or, with nothing configured, an embedded PGlite.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Applies pending migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseConfig = { url: string } | { pgliteDir: string | null };

const MIGRATIONS = path.join(__dirname, 'migrations');
// Any fixed number: serialises concurrent migrators (API and worker starting together).
const MIGRATION_LOCK = 727_001;

export function openDatabase(config: DatabaseConfig): Database {
  if ('url' in config) {
    const pool = new Pool({
      connectionString: config.url,
      max: 10,
      // A database that does not answer costs a request 1.5 s (then 503), not the OS's TCP timeout; a
      // query that hangs is cut by the client and by the server. Real time, whatever the case time scale.
      connectionTimeoutMillis: 1_500,
      query_timeout: 10_000,
      statement_timeout: 10_000,
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: 'postgres',
      async migrate() {
        const client = await pool.connect();
        try {
          // A migration (an index on a grown table) may take longer than a request's statement timeout.
          await client.query('SET statement_timeout = 0');
          await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
          await client.query('RESET statement_timeout').catch(() => undefined);
          client.release();
        }
      },
      async ping() {
        await db.execute(sql`select 1`);
      },
      close: () => pool.end(),
    };
  }
  const client = config.pgliteDir ? new PGlite(config.pgliteDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(db, { migrationsFolder: MIGRATIONS });
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
