// createActivities(deps): every activity the worker registers, built from injected dependencies.
import type { Db } from '../db/client';
import type { CaseActivities } from './types';
import { writeCaseEvent } from './read-model';

export interface ActivityDeps {
  db: Db;
}

export function createActivities(deps: ActivityDeps): CaseActivities {
  return {
    recordCaseEvent: (event) => writeCaseEvent(deps.db, event),
  };
}
