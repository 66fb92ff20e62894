// Step 4, linking: referrals the receiver must accept within a deadline (an RSJ for ODGJ, the origin
// region's Dinsos for a returnee: 3 / 3 / 7 days by risk) and, under ATENSI, each planned service linked
// to a provider (the whole step within the referral-acceptance deadline).
import { moveTo, startMonitoringCycle } from '../case/changes';
import type { DomainEvent } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { Rules } from '../commands';
import { WORKERS } from '../roles';
import { iso } from '../time';
import type { StepDeadline } from './guards';
import { first, pathwayIs, stageIs } from './guards';
import { admitIfReady } from './odgj-care';

/** ATENSI links all its services in one step; ODGJ and repatriation wait only on a referral's answer. */
export function deadline(file: CaseFile): StepDeadline | undefined {
  if (file.pathway === 'atensi') return { kind: 'referral_acceptance', since: file.stepStartedAt };
  if (file.referral && file.referral.decision === null) {
    return { kind: file.pathway === 'repatriation' ? 'origin_acceptance' : 'referral_acceptance', since: file.referral.requestedAt };
  }
  return undefined;
}

/** Linking and delivering an ATENSI service: the service must be in the plan and the step not done yet. */
export function serviceStepRefusal(file: CaseFile, serviceId: string, stage: CaseFile['stage'], done: 'linkedAt' | 'deliveredAt') {
  const service = file.services.find((s) => s.id === serviceId);
  return first(
    pathwayIs(file, 'atensi'),
    stageIs(file, stage),
    service ? undefined : 'UNKNOWN_SERVICE',
    service?.[done] ? 'ALREADY_RECORDED' : undefined,
  );
}

export const commands: Rules<'requestReferral' | 'recordReferralDecision' | 'recordServiceLinked'> = {
  requestReferral: {
    roles: WORKERS,
    check(file, cmd) {
      const partnerFits =
        (file.pathway === 'odgj' && cmd.partner === 'rsj') || (file.pathway === 'repatriation' && cmd.partner === 'origin_dinsos');
      return first(
        stageIs(file, 'linking'),
        partnerFits ? undefined : 'WRONG_PATHWAY',
        file.referral?.decision === 'accepted' ? 'ALREADY_RECORDED' : undefined,
        file.referral && file.referral.decision === null ? 'REQUEST_PENDING' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      file.referral = {
        partner: cmd.partner,
        facilityCode: cmd.facilityCode,
        requestedAt: iso(ctx.now),
        attempt: (file.referral?.attempt ?? 0) + 1,
        decision: null,
        decidedAt: null,
      };
      return [{ type: 'referral.requested', data: { partner: cmd.partner, facilityCode: cmd.facilityCode, attempt: file.referral.attempt } }];
    },
  },

  recordReferralDecision: {
    roles: WORKERS,
    check: (file) => first(stageIs(file, 'linking'), file.referral && file.referral.decision === null ? undefined : 'NOTHING_TO_DECIDE'),
    apply(file, cmd, ctx) {
      const referral = file.referral!;
      referral.decision = cmd.accepted ? 'accepted' : 'declined';
      referral.decidedAt = iso(ctx.now);
      const events: DomainEvent[] = [
        { type: cmd.accepted ? 'referral.accepted' : 'referral.declined', data: { partner: referral.partner, attempt: referral.attempt } },
      ];
      if (!cmd.accepted) return events;
      if (file.pathway === 'repatriation') events.push(moveTo(file, 'implementation', ctx, 'origin region accepted the return'));
      events.push(...admitIfReady(file, ctx));
      return events;
    },
  },

  recordServiceLinked: {
    roles: WORKERS,
    check: (file, cmd) => serviceStepRefusal(file, cmd.serviceId, 'linking', 'linkedAt'),
    apply(file, cmd, ctx) {
      const service = file.services.find((s) => s.id === cmd.serviceId)!;
      service.linkedAt = iso(ctx.now);
      service.provider = cmd.provider;
      const events: DomainEvent[] = [{ type: 'service.linked', data: { serviceId: service.id, component: service.component, provider: cmd.provider } }];
      if (file.services.every((s) => s.linkedAt)) {
        startMonitoringCycle(file, ctx.now, ctx.policy);
        events.push(moveTo(file, 'implementation', ctx, 'all services linked'));
      }
      return events;
    },
  },
};
