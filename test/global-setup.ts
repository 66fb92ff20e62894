// Starts one Temporal dev server for the end-to-end suites (unless TEMPORAL_ADDRESS names a cluster),
// registers the search attributes, and migrates DATABASE_URL once. Workers inherit the env set here.
import { Connection } from '@temporalio/client';
import { requireBinary } from '../scripts/lib/temporal-binaries';
import { openDatabase } from '../db/client';
import type { DevServer } from '../temporal/dev-server';
import { startDevServer } from '../temporal/dev-server';
import { freePort } from '../temporal/free-port';
import { ensureSearchAttributes } from '../temporal/search-attributes';

declare global {
  var __SIGAP_DEV_SERVER__: DevServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  // Fail early and clearly if the time-skipping server is missing: those suites must not be skipped.
  requireBinary('testServer');
  let address = process.env.TEMPORAL_ADDRESS;
  if (!address) {
    const server = await startDevServer({ cliPath: requireBinary('cli'), port: await freePort(), uiPort: null, startTimeoutMs: 120_000 });
    globalThis.__SIGAP_DEV_SERVER__ = server;
    address = server.address;
  }
  process.env.SIGAP_TEST_TEMPORAL_ADDRESS = address;
  const connection = await Connection.connect({ address });
  try {
    await ensureSearchAttributes(connection, process.env.TEMPORAL_NAMESPACE ?? 'default');
  } finally {
    await connection.close();
  }
  if (process.env.DATABASE_URL) {
    const database = openDatabase({ url: process.env.DATABASE_URL });
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
  }
}
