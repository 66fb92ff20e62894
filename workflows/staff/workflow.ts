// The daily verification round (a Temporal Schedule starts it): each region's Kasi hears which staff's
// verification (verivali) or certification lapses within the notice period, and how many open cases
// they carry — so the cases are reassigned before the worker may no longer take them.
import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activity-types';
import { LAPSING_NOTICE_DAYS } from './contract';

const { noticeLapsingStaff } = proxyActivities<Pick<CaseActivities, 'noticeLapsingStaff'>>({
  startToCloseTimeout: '1 minute',
  // The notice is keyed by region and day: retried until the database answers, never sent twice.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
  scheduleToCloseTimeout: '6 hours',
});

export async function staffVerificationWorkflow(): Promise<{ regions: number; staff: number }> {
  const notices = await noticeLapsingStaff(LAPSING_NOTICE_DAYS);
  return { regions: notices.length, staff: notices.reduce((n, r) => n + r.staffIds.length, 0) };
}
