// The verification round's contract, shared by the workflow, the setup step that schedules it and tests.

/** Staff are listed this many days before their verification or certification lapses (and after). */
export const LAPSING_NOTICE_DAYS = 30;

/** The one Schedule of the round; created by the setup step, left as it is when it exists. */
export const STAFF_VERIFICATION_SCHEDULE = 'sigap-staff-verification';

/** Every morning at 06:00 WIB, before the Kasi's day starts. */
export const STAFF_VERIFICATION_CRON = '0 6 * * *';
export const STAFF_VERIFICATION_TIMEZONE = 'Asia/Jakarta';
