// Care at an RSJ (ODGJ) or a general hospital/puskesmas (medical): admission once the facility has
// accepted and the person has arrived. The facility decides how long the person stays (rules v3): Dinsos
// records the funding guarantee, visits every 14 days, hears the facility's results and longer stays,
// and picks the person up within three days of the discharge notice ("sudah stabil, belum dijemput" is
// the classic failure: it climbs the ladder). Silence at the end of the expected stay escalates; a long
// stay is reviewed for its funding and a placement, never capped. Rules v1/v2 (cases opened before) keep
// the observation period with supervisor-approved extensions capped by the policy.
import type { Ctx, DomainEvent } from '../case/changes';
import { moveTo, scheduleVisits } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { Rules } from '../commands';
import { escalate } from '../ladder';
import { scaled } from '../policy';
import { SUPERVISORS, WORKERS } from '../roles';
import type { DueContext, Resolvers, Timers } from '../timing';
import { DAY, iso, ms, plus } from '../time';
import { startTracing } from './family-tracing';
import { first, olderRules, pathwayIs, stageIs } from './guards';

/** RSJ care, and (rules v3) care at a general hospital or puskesmas. */
export const inFacilityCare = (file: CaseFile) => file.pathway === 'odgj' || (file.rules >= 3 && file.pathway === 'medical');

const extensionDays = (file: CaseFile, statuses: string[]) =>
  (file.observation?.extensions ?? []).filter((e) => statuses.includes(e.status)).reduce((sum, e) => sum + e.days, 0);

/** In the facility now: admitted, not (yet) discharged. */
const staying = (file: CaseFile) => file.stay !== null && file.stay.discharge === null;

/** Admitted once the facility has accepted and the person has arrived there (in either order). */
export function admitIfReady(file: CaseFile, ctx: Ctx): DomainEvent[] {
  if (!inFacilityCare(file) || file.referral?.decision !== 'accepted' || !file.transport.toFacilityArrivedAt) return [];
  const now = iso(ctx.now);
  const { policy } = ctx;
  file.observation = { startedAt: now, endsAt: plus(now, scaled(policy, policy.fixed.observation)), extensions: [], result: null, resultAt: null };
  // Family tracing starts at admission and runs alongside the stay.
  startTracing(file, ctx);
  if (file.rules >= 3) {
    file.stay = { facilityCode: file.referral.facilityCode, admittedAt: now, lastWordAt: now, funding: null, discharge: null, pickedUpAt: null, reviews: [] };
    file.visits.push(...scheduleVisits('facility', ctx.now, [policy.fixed.facility_visit_interval], policy));
  }
  return [moveTo(file, 'implementation', ctx, 'admitted for observation'), { type: 'observation.started', data: { endsAt: file.observation.endsAt } }];
}

/** The facility spoke: an escalation for its silence is over. */
function heardFrom(file: CaseFile, ctx: Ctx): void {
  if (file.stay) file.stay.lastWordAt = iso(ctx.now);
}

type StayCommands = 'recordObservationResult' | 'requestExtension' | 'decideExtension' | 'recordFundingGuarantee' | 'recordDischarge' | 'recordPickUp' | 'recordStayReview';

export const commands: Rules<StayCommands> = {
  recordObservationResult: {
    roles: WORKERS,
    check: (file) =>
      file.rules >= 3
        ? first(staying(file) ? undefined : 'STEP_NOT_READY', file.observation?.result === 'stable' ? 'ALREADY_RECORDED' : undefined)
        : first(pathwayIs(file, 'odgj'), stageIs(file, 'implementation'), file.observation?.result ? 'ALREADY_RECORDED' : undefined),
    apply(file, cmd, ctx) {
      const observation = file.observation!;
      observation.result = cmd.result;
      observation.resultAt = iso(ctx.now);
      heardFrom(file, ctx);
      // Rules v3: "needs further care" is the facility keeping the patient: another expected period.
      if (file.rules >= 3 && cmd.result === 'needs_further_care') observation.endsAt = plus(ctx.now, scaled(ctx.policy, ctx.policy.fixed.observation));
      return [{ type: 'observation.result', data: { result: cmd.result } }];
    },
  },

  requestExtension: {
    // Rules v3: the facility decides the stay, so a longer stay it reports simply applies; before, it was a
    // request a supervisor approved, capped by the policy.
    roles: WORKERS,
    check(file, cmd, ctx) {
      const days = !Number.isInteger(cmd.days) || cmd.days <= 0 ? 'NO_CHANGE' : undefined;
      if (file.rules >= 3) return first(staying(file) ? undefined : 'STEP_NOT_READY', days);
      const capDays = ctx.policy.fixed.observation_extension_cap / DAY;
      return first(
        pathwayIs(file, 'odgj'),
        stageIs(file, 'implementation'),
        !file.observation || file.observation.result ? 'STEP_NOT_READY' : undefined,
        file.observation?.extensions.some((e) => e.status === 'pending') ? 'REQUEST_PENDING' : undefined,
        days,
        extensionDays(file, ['approved']) + cmd.days > capDays ? 'EXTENSION_BEYOND_CAP' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      const observation = file.observation!;
      if (file.rules >= 3) {
        observation.extensions.push({ days: cmd.days, requestedBy: ctx.actor.id, requestedAt: iso(ctx.now), status: 'approved' });
        observation.endsAt = plus(observation.endsAt, scaled(ctx.policy, cmd.days * DAY));
        heardFrom(file, ctx);
        return [{ type: 'observation.extended', data: { days: cmd.days, endsAt: observation.endsAt, by: 'facility' } }];
      }
      observation.extensions.push({ days: cmd.days, requestedBy: ctx.actor.id, requestedAt: iso(ctx.now), status: 'pending' });
      return [{ type: 'observation.extension_requested', data: { days: cmd.days } }];
    },
  },

  decideExtension: {
    roles: SUPERVISORS,
    check(file, _cmd, ctx) {
      const pending = file.observation?.extensions.find((e) => e.status === 'pending');
      return first(
        stageIs(file, 'implementation'),
        pending ? undefined : 'NOTHING_TO_DECIDE',
        pending?.requestedBy === ctx.actor.id ? 'SELF_APPROVAL' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      const observation = file.observation!;
      const pending = observation.extensions.find((e) => e.status === 'pending')!;
      pending.status = cmd.approve ? 'approved' : 'refused';
      if (!cmd.approve) return [{ type: 'observation.extension_refused', data: { days: pending.days } }];
      observation.endsAt = plus(observation.endsAt, scaled(ctx.policy, pending.days * DAY));
      return [{ type: 'observation.extended', data: { days: pending.days, endsAt: observation.endsAt } }];
    },
  },

  recordFundingGuarantee: {
    roles: WORKERS,
    check: (file) => first(olderRules(file), file.stay ? undefined : 'STEP_NOT_READY', file.stay?.funding ? 'ALREADY_RECORDED' : undefined),
    apply(file, cmd, ctx) {
      file.stay!.funding = { scheme: cmd.scheme, at: iso(ctx.now) };
      return [{ type: 'facility.funding_guaranteed', data: { scheme: cmd.scheme } }];
    },
  },

  recordDischarge: {
    // The facility's discharge notice, by callback or entered by staff from the letter.
    roles: WORKERS,
    check: (file, cmd) =>
      first(olderRules(file), staying(file) ? undefined : 'STEP_NOT_READY', cmd.kind === 'referred' && !cmd.referredTo ? 'DETAIL_REQUIRED' : undefined),
    apply(file, cmd, ctx) {
      const stay = file.stay!;
      heardFrom(file, ctx);
      if (cmd.kind === 'referred') {
        // Referred on (rujuk): the stay goes on at the other facility, with a fresh expected length.
        const from = stay.facilityCode;
        stay.facilityCode = cmd.referredTo!;
        file.observation!.endsAt = plus(ctx.now, scaled(ctx.policy, ctx.policy.fixed.observation));
        return [{ type: 'facility.referred_on', data: { from, to: stay.facilityCode, endsAt: file.observation!.endsAt } }];
      }
      stay.discharge = { kind: cmd.kind, at: iso(ctx.now), referredTo: null };
      if (cmd.kind === 'stable') file.observation!.result ??= 'stable';
      file.visits = file.visits.filter((v) => v.kind !== 'facility' || v.doneAt || v.missed);
      const pickupBy = plus(ctx.now, scaled(ctx.policy, ctx.policy.fixed.pickup));
      return [{ type: 'facility.discharged', data: { kind: cmd.kind, facilityCode: stay.facilityCode, pickupBy } }];
    },
  },

  recordPickUp: {
    roles: WORKERS,
    check: (file) => first(olderRules(file), file.stay?.discharge ? undefined : 'STEP_NOT_READY', file.stay?.pickedUpAt ? 'ALREADY_RECORDED' : undefined),
    apply(file, cmd, ctx) {
      file.stay!.pickedUpAt = iso(ctx.now);
      const events: DomainEvent[] = [{ type: 'facility.picked_up', data: { facilityCode: file.stay!.facilityCode } }];
      if (cmd.toShelter && (!file.shelter || file.shelter.leftAt)) {
        // While the family is not ready and the transfer is not through, the rumah singgah takes the person.
        file.shelter = { admittedAt: iso(ctx.now), leftAt: null };
        events.push({ type: 'shelter.admitted', data: {} });
      }
      return events;
    },
  },

  recordStayReview: {
    roles: SUPERVISORS,
    check: (file) => first(olderRules(file), staying(file) ? undefined : 'STEP_NOT_READY'),
    apply(file, cmd, ctx) {
      file.stay!.reviews.push({ at: iso(ctx.now), by: ctx.actor.id, decision: cmd.decision });
      return [{ type: 'facility.stay_reviewed', data: { decision: cmd.decision } }];
    },
  },
};

export function due({ file, policy, add }: DueContext): void {
  const stay = file.stay;
  if (file.rules < 3) {
    if (file.observation && !file.observation.result) add(`observation:${file.observation.endsAt}`, file.observation.endsAt, 'observation_end');
    return;
  }
  if (!stay) return;
  if (!stay.discharge && file.observation) add(`facility-silent:${file.observation.endsAt}`, file.observation.endsAt, 'facility_silent');
  if (!stay.discharge && !stay.funding) add(`funding:${stay.admittedAt}`, plus(stay.admittedAt, scaled(policy, policy.fixed.funding_guarantee)), 'funding_due');
  if (!stay.discharge) {
    const since = stay.reviews.at(-1)?.at ?? stay.admittedAt;
    add(`long-stay:${since}`, plus(since, scaled(policy, policy.fixed.long_stay_review)), 'long_stay');
  }
  if (stay.discharge && !stay.pickedUpAt) add(`pickup:${stay.discharge.at}`, plus(stay.discharge.at, scaled(policy, policy.fixed.pickup)), 'pickup_due');
}

export const timers: Timers<'observation_end' | 'facility_silent' | 'funding_due' | 'long_stay' | 'pickup_due'> = {
  observation_end: {
    deadline: true,
    fire: (_file, item) => [{ type: 'observation.period_ended', data: { endsAt: item.at } }],
  },
  facility_silent: {
    deadline: true,
    fire: (file, item) => [
      { type: 'facility.silent', data: { endsAt: item.at } },
      ...escalate(file, 'facility_silent', file.stay!.facilityCode, item.key, item.at),
    ],
  },
  funding_due: { deadline: true, fire: (file, item) => escalate(file, 'funding_missing', 'funding_guarantee', item.key, item.at) },
  long_stay: {
    deadline: true,
    fire: (file, item) => escalate(file, 'long_stay', 'funding_placement_review', item.key, item.at),
  },
  pickup_due: {
    deadline: true,
    fire: (file, item) => [
      { type: 'facility.pickup_overdue', data: { dischargedAt: file.stay!.discharge!.at } },
      ...escalate(file, 'pickup_overdue', file.stay!.facilityCode, item.key, item.at),
    ],
  },
};

export const resolves: Resolvers<'facility_silent' | 'funding_missing' | 'long_stay' | 'pickup_overdue'> = {
  facility_silent: (file, e) => !file.stay || file.stay.discharge !== null || ms(file.stay.lastWordAt) > ms(e.since),
  funding_missing: (file) => !file.stay || file.stay.funding !== null || file.stay.discharge !== null,
  long_stay: (file, e) => !file.stay || file.stay.discharge !== null || file.stay.reviews.some((r) => ms(r.at) > ms(e.since)),
  pickup_overdue: (file) => !file.stay || file.stay.pickedUpAt !== null,
};
