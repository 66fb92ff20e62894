// Wires the app's dependencies from configuration and open connections; shared by every entry point.
import type { Client } from '@temporalio/client';
import { tokenSettingsFrom } from '../config/auth';
import type { Config } from '../config/env';
import type { Logger } from '../config/logger';
import type { Database } from '../db/client';
import type { KeyRing } from '../temporal/keyring';
import { createApp } from './app';
import { createTokenVerifier } from './auth/tokens';

export function buildApp(config: Config, client: Client, database: Database, ring: KeyRing, logger: Logger, extraMetrics?: () => Promise<string>) {
  return createApp({
    client,
    db: database.db,
    taskQueue: config.temporal.taskQueue,
    policy: config.policy,
    partnerIntegration: config.partners.integration,
    logger,
    verifyToken: createTokenVerifier(tokenSettingsFrom(config)),
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    ...(extraMetrics ? { extraMetrics } : {}),
    checks: {
      database: () => database.ping(),
      temporal: async () => {
        await client.workflowService.describeNamespace({ namespace: config.temporal.namespace });
      },
    },
    ...(config.codecEndpoint ? { codec: { ring, corsOrigins: config.codecCorsOrigins, requireAuth: config.codecAuth } } : {}),
  });
}
