// What the generator leaves beside the rows (one row in bench_read_model), so a second run with the same
// row count and seed does nothing and the list benchmark can say what it read.
import type { Client } from 'pg';

export interface Generated {
  rows: number;
  seed: number;
  generatedAt: Date;
  seconds: number;
}

/** What an earlier run left, if the rows are all still there. */
export async function generated(client: Pick<Client, 'query'>): Promise<Generated | undefined> {
  await client.query(`create table if not exists bench_read_model (
    id int primary key default 1 check (id = 1), rows int not null, seed int not null, generated_at timestamptz not null, seconds real not null)`);
  const { rows } = await client.query<{ rows: number; seed: number; generated_at: Date; seconds: number; present: number }>(
    'select m.*, (select count(*)::int from cases) as present from bench_read_model m',
  );
  const row = rows[0];
  if (!row || row.present !== row.rows) return undefined;
  return { rows: row.rows, seed: row.seed, generatedAt: row.generated_at, seconds: row.seconds };
}
