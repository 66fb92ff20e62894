// The activities the case workflow calls, by type only: the implementations live in activities/.
export type { CaseActivities } from '../activities/types';
