// Wires the app's dependencies from configuration and open connections; shared by every entry point.
import type { Client } from '@temporalio/client';
import { tokenSettingsFrom } from '../config/auth';
import type { Config } from '../config/env';
import type { Logger } from '../config/logger';
import type { Database } from '../db/client';
import type { KeyRing } from '../temporal/keyring';
import type { TemporalReachability } from '../temporal/reachability';
import { createApp } from './app';
import { createTokenVerifier } from './auth/tokens';
import { StaffDirectory } from './staff/practice';

/** What the running process tells /readyz: shutting down, and whether the read model is migrated yet. */
const READY_CHECK_MS = 1_500;

export interface Lifecycle {
  draining: boolean;
  migrated?: () => boolean;
}

export function buildApp(
  config: Config,
  client: Client,
  database: Database,
  ring: KeyRing,
  logger: Logger,
  extraMetrics?: () => Promise<string>,
  { lifecycle = { draining: false }, reachability }: { lifecycle?: Lifecycle; reachability?: TemporalReachability } = {},
) {
  return createApp({
    client,
    db: database.db,
    taskQueue: config.temporal.taskQueue,
    policy: config.policy,
    partnerIntegration: config.partners.integration,
    logger,
    verifyToken: createTokenVerifier(tokenSettingsFrom(config)),
    staffDirectory: new StaffDirectory(database.db, config.staffRegistry),
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    ...(extraMetrics ? { extraMetrics } : {}),
    requestDeadlineMs: config.requestDeadlineMs,
    ...(reachability ? { temporalReachability: reachability } : {}),
    draining: () => lifecycle.draining,
    checks: {
      database: async () => {
        await database.ping();
        if (lifecycle.migrated && !lifecycle.migrated()) throw new Error('not migrated yet');
      },
      temporal: async () => {
        await client.connection.withDeadline(Date.now() + READY_CHECK_MS, () => client.workflowService.describeNamespace({ namespace: config.temporal.namespace }));
      },
    },
    ...(config.codecEndpoint ? { codec: { ring, corsOrigins: config.codecCorsOrigins, requireAuth: config.codecAuth } } : {}),
  });
}
