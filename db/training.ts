// Simulasi kasus in the read model: training cases live beside real ones, flagged with their session.
// Every list, count, report and caseload of real work takes only the rows this says are real (one
// condition, so a new query cannot forget a different spelling of it).
import type { SQL } from 'drizzle-orm';
import { isNull } from 'drizzle-orm';
import { cases } from './schema';

/** Real work: a case no training session owns. */
export function realCases(): SQL {
  return isNull(cases.trainingSessionId);
}
