// createActivities(deps): every activity the worker registers, built from injected dependencies.
import type { Db } from '../db/client';
import type { CaseActivities } from './types';
import { queueNotifications } from './notification-outbox';
import { writeCaseEvents } from './read-model';

export interface ActivityDeps {
  db: Db;
}

export function createActivities(deps: ActivityDeps): CaseActivities {
  return {
    recordCaseEvents: (events) => writeCaseEvents(deps.db, events),
    notify: (requests) => queueNotifications(deps.db, requests),
  };
}
