// createActivities(deps): every activity the worker registers, built from injected dependencies.
import type { Db } from '../db/client';
import { writeBatch } from './batch-read-model';
import type { CaseActivities } from './types';
import { outboxRows, queueNotifications, toRoleHolders } from './notification-outbox';
import { createPartnerActivities, unconfiguredPartners } from './partners/activities';
import type { PartnerClients } from './partners/clients';
import { writeCaseEvents } from './read-model';
import { noticeLapsingStaff } from './workforce';

export interface ActivityDeps {
  db: Db;
  /** Partner services; without them a case configured for partner integration records refusals. */
  partners?: PartnerClients;
  /** Open cases per worker above which the Kasi is warned (the policy's; 25 by default). */
  caseloadThreshold?: number;
}

export function createActivities(deps: ActivityDeps): CaseActivities {
  return {
    recordCaseEvents: (events) => writeCaseEvents(deps.db, events, deps.caseloadThreshold),
    // One step, one statement: its timeline records, the case row and its outbox rows together.
    recordStep: async (events, notifications) => {
      // Who the heads are is read first: the write is one statement.
      const addressed = await toRoleHolders(deps.db, notifications, new Date());
      await writeCaseEvents(deps.db, events, deps.caseloadThreshold, outboxRows(addressed));
    },
    noticeLapsingStaff: (withinDays) => noticeLapsingStaff(deps.db, withinDays, new Date()),
    notify: (requests) => queueNotifications(deps.db, requests),
    recordBatch: (snapshot) => writeBatch(deps.db, snapshot),
    ...(deps.partners ? createPartnerActivities(deps.partners) : unconfiguredPartners()),
  };
}
