// What every benchmark starts from: a Temporal dev server of its own (or TEMPORAL_ADDRESS), Sigap's search
// attributes, the read-model database (DATABASE_URL, else in-memory PGlite) and a client with encryption.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Database } from '../db/client';
import { openDatabase } from '../db/client';
import { requireBinary } from '../scripts/lib/temporal-binaries';
import { createDataConverter } from '../temporal/data-converter';
import { startDevServer } from '../temporal/dev-server';
import { freePort } from '../temporal/free-port';
import { generatedKeyRing } from '../temporal/keyring';
import { ensureSearchAttributes } from '../temporal/search-attributes';

export interface BenchStack {
  address: string;
  database: Database;
  connection: Connection;
  client: Client;
  dataConverter: ReturnType<typeof createDataConverter>;
  /** The client's payload key as SIGAP_PAYLOAD_KEYS spells it, for a worker in another process. */
  payloadKeys: string;
  stop(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const server = process.env.TEMPORAL_ADDRESS
    ? undefined
    : await startDevServer({ cliPath: requireBinary('cli'), port: await freePort(), uiPort: null, startTimeoutMs: 120_000 });
  const address = process.env.TEMPORAL_ADDRESS ?? server!.address;
  const database = openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { pgliteDir: null });
  await database.migrate();
  const connection = await Connection.connect({ address });
  await ensureSearchAttributes(connection, 'default');
  const ring = generatedKeyRing();
  const dataConverter = createDataConverter(ring);
  return {
    address,
    database,
    connection,
    client: new Client({ connection, dataConverter }),
    dataConverter,
    payloadKeys: [...ring.keys].map(([id, key]) => `${id}:${key.toString('base64')}`).join(','),
    async stop() {
      await connection.close();
      await database.close();
      await server?.stop();
    },
  };
}
