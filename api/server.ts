// Production entry point of the API: `node dist/api/server.js` (or `npm run start:api`). It listens at
// once and serves what it can while the database or Temporal is down: migrations and search attributes
// are retried in the background, and each request fails fast (503) on a part that does not answer.
import { loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { untilDone } from '../temporal/background';
import { databaseFrom, keyRingFrom, lazyClient } from '../temporal/runtime';
import { ensureSearchAttributes } from '../temporal/search-attributes';

import { buildApp } from './build-app';
import { close, listen } from './listen';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'sigap-api');
  const ring = keyRingFrom(config);
  const database = databaseFrom(config);
  const { client, connection, reachability } = lazyClient(config.temporal.address ?? 'localhost:7233', config.temporal.namespace, ring);
  const migration = untilDone('database migration', () => database.migrate(), logger);
  const attributes = untilDone(
    'search attributes',
    () => connection.withDeadline(Date.now() + 5_000, () => ensureSearchAttributes(connection, config.temporal.namespace)),
    logger,
  );
  const lifecycle = { draining: false, migrated: () => migration.done };
  const server = await listen(buildApp(config, client, database, ring, logger, undefined, { lifecycle, reachability }), config.host, config.port);
  logger.info({ host: config.host, port: config.port }, 'API listening');
  const shutdown = async () => {
    // Load balancers see /readyz turn 503 and stop sending; requests already sent still get answers.
    lifecycle.draining = true;
    logger.info({ drainDelayMs: config.drainDelayMs }, 'API draining');
    await new Promise((r) => setTimeout(r, config.drainDelayMs));
    migration.stop();
    attributes.stop();
    await close(server);
    await connection.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`sigap-api failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
