// What ending the work early leaves behind, released: a withdrawal and (rules v6) an exit share it.
import type { Ctx, DomainEvent } from '../case/changes';
import type { CaseFile } from '../case/file';
import { iso } from '../time';
import { withdrawTransfer } from './transfer';

/** Clean-up when the work ends early: nothing pending with a partner, no visit or review, may outlive it. */
export function releaseEverything(file: CaseFile, ctx: Ctx): DomainEvent[] {
  const events: DomainEvent[] = [];
  if (file.referral && file.referral.decision === null) {
    file.referral.decision = 'declined';
    file.referral.decidedAt = iso(ctx.now);
    events.push({ type: 'referral.cancelled', data: { partner: file.referral.partner, attempt: file.referral.attempt } });
  }
  if (file.transport.homeDepartedAt && !file.transport.homeArrivedAt) events.push({ type: 'transport.cancelled', data: { leg: 'home' } });
  if (file.shelter && !file.shelter.leftAt) {
    file.shelter.leftAt = iso(ctx.now);
    events.push({ type: 'shelter.left', data: {} });
  }
  events.push(...withdrawTransfer(file));
  file.visits = file.visits.filter((v) => v.doneAt || v.missed);
  file.nextReviewAt = null;
  return events;
}
