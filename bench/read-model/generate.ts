// Generates the read model the list benchmark reads: N `cases` rows over Indonesia's 514 kabupaten/kota in a
// dedicated database (created if missing, migrated as Sigap migrates it), then VACUUM ANALYZE. Skips when
// the same row count and seed are already there.
//   npm run bench:generate-read-model -- --rows 1000000
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { Client } from 'pg';
import { openDatabase } from '../../db/client';
import { drawFunction, insertCasesSql } from './cases-sql';
import { generated } from './meta';
import { regions } from './regions';
import { shownUrl } from '../report';
import { assertBenchDatabase, ensureDatabase, readModelUrl } from './target';
import { integer } from '../options';

const log = (m: string) => process.stderr.write(`[generate] ${m}\n`);

/**
 * The secondary indexes are dropped and built again after the load (one sort each instead of a million
 * inserts into each); their definitions come from the catalogue, so they stay the migrations' own.
 */
async function load(client: Client, rows: number, seed: number): Promise<void> {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(`
    select indexname as name, indexdef as def from pg_indexes
    where schemaname = 'public' and tablename = 'cases'
      and indexname not in (select conname from pg_constraint where conrelid = 'cases'::regclass)`);
  await client.query('begin');
  try {
    await client.query('set local synchronous_commit = off');
    await client.query(`set local maintenance_work_mem = '512MB'`);
    await client.query('truncate case_events, cases');
    for (const index of indexes) await client.query(`drop index "${index.name}"`);
    await client.query('create temp table bench_regions (region_code text, province_code text, n int, first_i bigint, workers int) on commit drop');
    const rs = regions(rows, seed);
    await client.query(
      'insert into bench_regions select * from unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::int[])',
      [rs.map((r) => r.regionCode), rs.map((r) => r.provinceCode), rs.map((r) => r.n), rs.map((r) => r.first), rs.map((r) => r.workers)],
    );
    await client.query(drawFunction(seed));
    let t = performance.now();
    const inserted = await client.query(insertCasesSql(seed), [new Date()]);
    log(`${inserted.rowCount} rows inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    for (const index of indexes) await client.query(index.def);
    log(`${indexes.length} indexes built in ${((performance.now() - t) / 1000).toFixed(1)} s (${indexes.map((i) => i.name).join(', ')})`);
    await client.query('delete from bench_read_model');
    await client.query('insert into bench_read_model (rows, seed, generated_at, seconds) values ($1, $2, now(), 0)', [rows, seed]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
}

async function main(): Promise<void> {
  const opts = new Command()
    .option('--rows <n>', 'cases to generate', integer('--rows', 1), 1_000_000)
    .option('--seed <n>', 'seed of every draw', integer('--seed', 0), 17)
    .option('--url <url>', 'PostgreSQL URL of the benchmark database (default: BENCH_READ_DATABASE_URL, else sigap_bench_read on 127.0.0.1)')
    .option('--force', 'generate again even if the same rows are there')
    .parse()
    .opts<{ rows: number; seed: number; url?: string; force?: boolean }>();
  const url = readModelUrl(opts.url);
  assertBenchDatabase(url);
  if (await ensureDatabase(url)) log(`created ${shownUrl(url)}`);
  const started = performance.now();
  // Sigap's own migrations: the rows land in the very table, with the very indexes, the API reads.
  const database = openDatabase({ url });
  await database.migrate();
  await database.close();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const before = await generated(client);
    if (!opts.force && before?.rows === opts.rows && before.seed === opts.seed) {
      log(`${before.rows} rows (seed ${before.seed}) already generated on ${before.generatedAt.toISOString()} in ${before.seconds.toFixed(0)} s: nothing to do`);
      return;
    }
    log(`generating ${opts.rows} cases (seed ${opts.seed}) into ${shownUrl(url)}`);
    await load(client, opts.rows, opts.seed);
    const t = performance.now();
    // Autovacuum would get there in time; the benchmark wants the settled state (visibility map, statistics) now.
    await client.query('vacuum (analyze) cases');
    log(`vacuum analyze in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const seconds = (performance.now() - started) / 1000;
    await client.query('update bench_read_model set seconds = $1', [seconds]);
    log(`done: ${opts.rows} cases in ${seconds.toFixed(0)} s`);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`generate failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
