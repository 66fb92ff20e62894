// Production entry point of the API: `node dist/api/server.js` (or `npm run start:api`).
import { loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { connectClient, keyRingFrom, openMigratedDatabase } from '../temporal/runtime';
import { ensureSearchAttributes } from '../temporal/search-attributes';
import { buildApp } from './build-app';
import { close, listen } from './listen';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'sigap-api');
  const ring = keyRingFrom(config);
  const database = await openMigratedDatabase(config);
  const { client, connection } = await connectClient(config.temporal.address ?? 'localhost:7233', config.temporal.namespace, ring);
  await ensureSearchAttributes(connection, config.temporal.namespace);
  const server = await listen(buildApp(config, client, database, ring, logger), config.host, config.port);
  logger.info({ host: config.host, port: config.port }, 'API listening');
  const shutdown = async () => {
    logger.info('API shutting down');
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
