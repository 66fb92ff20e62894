// A group repatriation as its members and its batch see it: where each returnee stands, where the
// batch is, and how each trip plan ended.
import type { CaseFile } from './case/file';

export const RETURNEE_STATUSES = ['preparing', 'ready', 'departed', 'arrived', 'withdrawn'] as const;
/** Where a returnee travelling with a group stands, as the group's batch needs to know it. */
export type ReturneeStatus = (typeof RETURNEE_STATUSES)[number];

export const BATCH_STATUSES = ['gathering', 'booking', 'confirming', 'travelling', 'replanning', 'completed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const PLAN_OUTCOMES = ['pending', 'travelled', 'compensated', 'refused'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];

export function returneeStatus(file: CaseFile): ReturneeStatus {
  if (file.status === 'withdrawn') return 'withdrawn';
  if (file.transport.homeArrivedAt) return 'arrived';
  if (file.transport.homeDepartedAt) return 'departed';
  return file.stage === 'implementation' && file.referral?.decision === 'accepted' ? 'ready' : 'preparing';
}
