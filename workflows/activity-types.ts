// The activities the case workflow calls, by type only: the implementations live in activities/.
import type { PartnerActivities } from '../activities/partners/activities';
import type { CaseActivities } from '../activities/types';

export type { CaseActivities, PartnerActivities };
