// The database a suite runs against: the real Postgres in DATABASE_URL (CI), else an in-memory PGlite.
import type { Database } from '../../db/client';
import { openDatabase } from '../../db/client';

export async function openTestDatabase(): Promise<Database> {
  const database = openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { pgliteDir: null });
  await database.migrate();
  return database;
}
