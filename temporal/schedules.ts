// Schedules Sigap needs on its namespace, created by the setup step (npm start, setup:temporal) and
// left alone when they exist: running the setup again never makes a second one.
import type { Client } from '@temporalio/client';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { STAFF_VERIFICATION_CRON, STAFF_VERIFICATION_SCHEDULE, STAFF_VERIFICATION_TIMEZONE } from '../workflows/staff/contract';

/** The daily verification round; true when this call created it. */
export async function ensureStaffVerificationSchedule(client: Client, taskQueue: string): Promise<boolean> {
  try {
    await client.schedule.create({
      scheduleId: STAFF_VERIFICATION_SCHEDULE,
      spec: { cronExpressions: [STAFF_VERIFICATION_CRON], timezone: STAFF_VERIFICATION_TIMEZONE },
      action: { type: 'startWorkflow', workflowType: 'staffVerificationWorkflow', taskQueue, args: [], workflowId: STAFF_VERIFICATION_SCHEDULE },
      // A round still running (the database was down) is not joined by a second one.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    return true;
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return false;
    throw err;
  }
}
