// What the resources' services need: the Temporal client, the read-model database and the deployment's
// settings for new cases.
import type { Client } from '@temporalio/client';
import type { Db } from '../db/client';
import type { PolicyOverrides } from '../domain/policy';
import type { TemporalReachability } from '../temporal/reachability';
import type { StaffDirectory } from './staff/practice';

export interface ServiceDeps {
  client: Client;
  db: Db;
  taskQueue: string;
  policy: PolicyOverrides;
  /** The deployment has partner services: new cases call them (admissions, transport, tracing). */
  partnerIntegration?: boolean;
  /** The staff registry as the API reads it (its role, region and standing decide what a caller may do). */
  staffDirectory?: StaffDirectory;
  /** What the client's last calls learned of Temporal (the API's own lazy client; absent in tests that share a worker's). */
  temporalReachability?: TemporalReachability;
}
