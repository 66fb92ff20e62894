// Small state changes shared by the steps: moving to a stage, scheduling visits, raising the level.
import type { Policy } from '../policy';
import { scaled } from '../policy';
import type { Actor } from '../roles';
import type { Stage } from '../stages';
import { iso, plus } from '../time';
import type { CaseFile, Visit } from './file';

export interface DomainEvent {
  type: string;
  /** Indexable facts only: ids, codes, counts, times. Never free text or personal data. */
  data: Record<string, string | number | boolean | null>;
}

/** Who acts, when, under which policy: what every rule is given. */
export interface Ctx {
  actor: Actor;
  now: Date;
  policy: Policy;
  /** The regions the staff member acts for (from their token); absent for partners and the system. */
  scope?: readonly string[];
}

export function moveTo(file: CaseFile, to: Stage, ctx: Ctx, reason: string): DomainEvent {
  const from = file.stage;
  file.stageHistory.push({ from, to, at: iso(ctx.now), by: ctx.actor, reason });
  file.stage = to;
  file.stepStartedAt = iso(ctx.now);
  return { type: 'stage.changed', data: { from, to, reason } };
}

/** Visits at offsets from a moment, on the policy's clock. */
export function scheduleVisits(kind: Visit['kind'], from: Date, offsets: readonly number[], policy: Policy): Visit[] {
  return offsets.map((offset) => ({ kind, dueAt: plus(from, scaled(policy, offset)), doneAt: null, missed: false }));
}

/** Monitoring under ATENSI (and for province care) repeats monthly and is reviewed every 90 days. */
export function startMonitoringCycle(file: CaseFile, from: Date, policy: Policy): void {
  file.visits.push(...scheduleVisits('monitoring', from, [policy.fixed.monitoring_interval], policy));
  file.nextReviewAt = plus(from, scaled(policy, policy.fixed.plan_review));
}

export function pendingVisits(file: CaseFile, kind: Visit['kind']): Visit[] {
  return file.visits.filter((v) => v.kind === kind && !v.doneAt && !v.missed);
}
