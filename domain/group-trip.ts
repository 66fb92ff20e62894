// A group repatriation as its members and its batch see it: where each returnee stands, where the
// batch is, and how each trip plan ended. Rules v3: the group's reception by the origin Dinsos is agreed
// for everyone at once (the batch asks), so a member is ready to travel once assessed.
import type { Ctx, DomainEvent } from './case/changes';
import { moveTo } from './case/changes';
import type { CaseFile } from './case/file';
import type { Actor } from './roles';
import { iso } from './time';

export const RETURNEE_STATUSES = ['preparing', 'ready', 'departed', 'arrived', 'withdrawn'] as const;
/** Where a returnee travelling with a group stands, as the group's batch needs to know it. */
export type ReturneeStatus = (typeof RETURNEE_STATUSES)[number];

export const BATCH_STATUSES = ['gathering', 'confirming', 'booking', 'travelling', 'replanning', 'completed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const PLAN_OUTCOMES = ['pending', 'travelled', 'compensated', 'refused'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];

export function returneeStatus(file: CaseFile): ReturneeStatus {
  // Rules v6: a member whose services ended early (ran away, died) no longer travels with the group.
  if (file.status === 'withdrawn' || file.exit) return 'withdrawn';
  if (file.transport.homeArrivedAt) return 'arrived';
  if (file.transport.homeDepartedAt) return 'departed';
  if (file.rules >= 3) return file.assessment && ['linking', 'implementation'].includes(file.stage) ? 'ready' : 'preparing';
  return file.stage === 'implementation' && file.referral?.decision === 'accepted' ? 'ready' : 'preparing';
}

const RANK: Record<ReturneeStatus, number> = { preparing: 0, ready: 1, departed: 2, arrived: 3, withdrawn: 4 };

/**
 * Rules v3: a member's news only moves it forward — an "arrived" that overtook its "departed" on the way
 * to the batch is not undone by the late "departed". A withdrawal ends it from any point before arrival.
 */
export function laterStatus(current: ReturneeStatus, reported: ReturneeStatus): ReturneeStatus {
  if (current === 'arrived' || current === 'withdrawn') return current;
  return RANK[reported] > RANK[current] ? reported : current;
}

/** Rules v3: a member of a group whose pathway the batch's opener decided (no rapid assessment of its own). */
export function joinGroup(file: CaseFile, batchId: string, by: Actor, now: Date): void {
  file.group = { batchId };
  if (file.rules >= 3) file.pathwayDecisions.push({ at: iso(now), by: by.id, pathway: file.pathway, category: file.category });
}

/** Rules v3: the origin Dinsos agreed to receive the group: the member's return is accepted. */
export function groupReceptionAgreed(file: CaseFile, agency: string, planVersion: number, ctx: Ctx): DomainEvent[] {
  if (file.rules < 3 || file.status !== 'open' || file.referral?.decision === 'accepted' || file.stage !== 'linking') return [];
  file.referral = { partner: 'origin_dinsos', facilityCode: agency, requestedAt: iso(ctx.now), attempt: planVersion, decision: 'accepted', decidedAt: iso(ctx.now) };
  return [
    { type: 'referral.accepted', data: { partner: 'origin_dinsos', attempt: planVersion, by: 'group' } },
    moveTo(file, 'implementation', ctx, 'origin region accepted the return (group)'),
  ];
}
