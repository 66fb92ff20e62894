// What the resources' services need: the Temporal client, the read-model database and the deployment's
// settings for new cases.
import type { Client } from '@temporalio/client';
import type { Db } from '../db/client';
import type { PolicyOverrides } from '../domain/policy';

export interface ServiceDeps {
  client: Client;
  db: Db;
  taskQueue: string;
  policy: PolicyOverrides;
  /** The deployment has partner services: new cases call them (admissions, transport, tracing). */
  partnerIntegration?: boolean;
}
