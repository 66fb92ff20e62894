// Wires the app's dependencies from configuration and open connections; shared by every entry point.
import type { Client } from '@temporalio/client';
import type { Config } from '../config/env';
import type { Logger } from '../config/logger';
import type { Database } from '../db/client';
import type { KeyRing } from '../temporal/keyring';
import { createApp } from './app';

export function buildApp(config: Config, client: Client, database: Database, ring: KeyRing, logger: Logger) {
  return createApp({
    client,
    db: database.db,
    taskQueue: config.temporal.taskQueue,
    policy: config.policy,
    logger,
    checks: {
      database: () => database.ping(),
      temporal: async () => {
        await client.workflowService.describeNamespace({ namespace: config.temporal.namespace });
      },
    },
    ...(config.codecEndpoint ? { codec: { ring, corsOrigins: config.codecCorsOrigins } } : {}),
  });
}
