// The database the read-side benchmarks use: a dedicated one (never the development or CI database, whose
// `cases` the generator would replace), created on first use on the local PostgreSQL.
import { Client } from 'pg';

export const DEFAULT_READ_MODEL_URL = 'postgres://postgres@127.0.0.1:5432/sigap_bench_read';

export function readModelUrl(given?: string): string {
  return given ?? process.env.BENCH_READ_DATABASE_URL ?? DEFAULT_READ_MODEL_URL;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/**
 * The generator truncates `cases`: it refuses a database whose name does not say it is a benchmark's,
 * so a mistyped URL cannot wipe a real read model.
 */
export function assertBenchDatabase(url: string): void {
  const name = databaseName(url);
  if (!/bench/i.test(name)) throw new Error(`refusing to generate into "${name}": the database name must contain "bench"`);
}

export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return false;
    // An identifier cannot be a bind parameter; the name is quoted as one.
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}
