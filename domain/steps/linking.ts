// Step 4, linking: referrals the receiver must accept within a deadline (an RSJ for ODGJ, the origin
// region's Dinsos for a returnee: 3 / 3 / 7 days by risk) and, under ATENSI, each planned service linked
// to a provider (the whole step within the referral-acceptance deadline).
import { moveTo, startMonitoringCycle } from '../case/changes';
import type { DomainEvent } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { CommandOf, Rules } from '../commands';
import { WORKERS } from '../roles';
import { iso } from '../time';
import type { StepDeadline } from './guards';
import { first, stageIs } from './guards';
import { admitIfReady } from './facility-care';

/** An ATENSI plan's services are linked: under ATENSI, or (rules v3) in residential care after a transfer. */
export const plannable = (file: CaseFile) => file.pathway === 'atensi' || file.residentialCare !== null;

/** The referral partner a pathway refers to (rules v3); v1/v2 knew the RSJ and the origin Dinsos only. */
function partnerFits(file: CaseFile, partner: CommandOf<'requestReferral'>['partner']): boolean {
  if (file.rules < 3) return (file.pathway === 'odgj' && partner === 'rsj') || (file.pathway === 'repatriation' && partner === 'origin_dinsos');
  switch (file.pathway) {
    case 'odgj':
      return partner === 'rsj';
    case 'medical':
      return partner === 'hospital';
    case 'repatriation':
      return partner === 'origin_dinsos';
    case 'shelter':
    case 'atensi':
      return false;
  }
}

/** Rules v6: the first service is linked within the acceptance window of the earliest start, not of the approval. */
function firstStart(file: CaseFile): string {
  const starts = file.rules >= 6 ? file.services.map((s) => s.startAt).filter((at): at is string => !!at && at > file.stepStartedAt) : [];
  return starts.length === file.services.length && starts.length ? starts.sort()[0]! : file.stepStartedAt;
}

/** ATENSI links all its services in one step; the other pathways wait only on a referral's answer. */
export function deadline(file: CaseFile): StepDeadline | undefined {
  if (plannable(file)) return { kind: 'referral_acceptance', since: firstStart(file) };
  if (file.referral && file.referral.decision === null) {
    return { kind: file.pathway === 'repatriation' ? 'origin_acceptance' : 'referral_acceptance', since: file.referral.requestedAt };
  }
  return undefined;
}

/** Linking and delivering an ATENSI service: the service must be in the plan and the step not done yet. */
export function serviceStepRefusal(file: CaseFile, serviceId: string, stages: CaseFile['stage'][], done: 'linkedAt' | 'startedAt' | 'deliveredAt') {
  const service = file.services.find((s) => s.id === serviceId);
  return first(
    plannable(file) ? undefined : 'WRONG_PATHWAY',
    stageIs(file, ...stages),
    service ? undefined : 'UNKNOWN_SERVICE',
    service?.[done] ? 'ALREADY_RECORDED' : undefined,
  );
}

/** Rules v6: a service stopped by a plan revision takes no further step. */
export const stopped = (file: CaseFile, serviceId: string) => (file.services.find((s) => s.id === serviceId)?.stoppedAt ? 'UNKNOWN_SERVICE' : undefined);

export const commands: Rules<'requestReferral' | 'recordReferralDecision' | 'recordServiceLinked'> = {
  requestReferral: {
    roles: WORKERS,
    check(file, cmd) {
      return first(
        stageIs(file, 'linking'),
        file.rules >= 3 && file.group ? 'GROUP_TRIP' : undefined,
        partnerFits(file, cmd.partner) ? undefined : 'WRONG_PATHWAY',
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
    // Rules v6: each service is linked on its own schedule, also once the first is under way.
    roles: WORKERS,
    check: (file, cmd) =>
      file.rules >= 6
        ? first(serviceStepRefusal(file, cmd.serviceId, ['linking', 'implementation'], 'linkedAt'), stopped(file, cmd.serviceId))
        : serviceStepRefusal(file, cmd.serviceId, ['linking'], 'linkedAt'),
    apply(file, cmd, ctx) {
      const service = file.services.find((s) => s.id === cmd.serviceId)!;
      service.linkedAt = iso(ctx.now);
      service.provider = cmd.provider;
      const events: DomainEvent[] = [{ type: 'service.linked', data: { serviceId: service.id, component: service.component, provider: cmd.provider } }];
      // Rules v6: the case is in implementation once the first service is linked (family support in month
      // one need not wait for a vocational course that starts later); before, once every one was.
      if (file.stage === 'linking' && (file.rules >= 6 || file.services.every((s) => s.linkedAt))) {
        startMonitoringCycle(file, ctx.now, ctx.policy);
        events.push(moveTo(file, 'implementation', ctx, file.rules >= 6 ? 'first service linked' : 'all services linked'));
      }
      return events;
    },
  },
};
