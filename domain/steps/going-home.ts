// Travel and hand-over: the trip to the RSJ or hospital, the pick-up from it, the trip home (by the case,
// or by its group's batch), the rumah singgah stay with its legal maximum (14 days; at the limit the
// ladder escalates), and the hand-over that ends the pathway: to the family (follow-up visits at 7, 30,
// 90 days), or to the origin region's Dinsos (follow-up contacts). Rules v1/v2 also handed ODGJ cases to
// the province here; rules v3 make that a transfer the province accepts (transfer.ts).
import type { Ctx, DomainEvent } from '../case/changes';
import { moveTo, scheduleVisits, startMonitoringCycle } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { CommandOf, Rules } from '../commands';
import { escalate } from '../ladder';
import { scaled } from '../policy';
import { provinceOf } from '../regions';
import { WORKERS } from '../roles';
import type { RuleCode } from '../rule-codes';
import type { DueContext, Resolvers, Timers } from '../timing';
import { iso, plus } from '../time';
import { admitIfReady, inFacilityCare } from './facility-care';
import { familyCanReceive, tracingDecided } from './family-tracing';
import { first, olderRules, pathwayIs, stageIs } from './guards';

/** Rules v3: the family can take the person in, and the person is out of the facility (or never was in one). */
const readyToGoHome = (file: CaseFile) => familyCanReceive(file) && (!file.stay || file.stay.pickedUpAt !== null);

/** Where a trip home may be recorded: the group's members and repatriations from implementation, others whenever the family is ready. */
function homeTripRefusal(file: CaseFile, cmd: CommandOf<'recordTransport'>): RuleCode | undefined {
  const t = file.transport;
  if (file.rules >= 3) {
    // A departure reported after the arrival is still a departure (the arrival only implied one).
    const done = cmd.event === 'departed' ? t.homeDepartedAt && !t.homeDepartureInferred : t.homeArrivedAt;
    const ready = file.pathway === 'repatriation' ? file.stage === 'implementation' : readyToGoHome(file);
    return first(stageIs(file, 'linking', 'planning', 'implementation', 'monitoring'), ready ? undefined : 'STEP_NOT_READY', done ? 'ALREADY_RECORDED' : undefined);
  }
  const ready = file.pathway === 'odgj' ? familyCanReceive(file) : file.pathway === 'repatriation';
  const done = cmd.event === 'departed' ? t.homeDepartedAt : t.homeArrivedAt;
  return first(pathwayIs(file, 'odgj', 'repatriation'), stageIs(file, 'implementation'), ready ? undefined : 'STEP_NOT_READY', done ? 'ALREADY_RECORDED' : undefined);
}

function transportRefusal(file: CaseFile, cmd: CommandOf<'recordTransport'>): RuleCode | undefined {
  switch (cmd.leg) {
    case 'to_facility':
      return first(inFacilityCare(file) ? undefined : 'WRONG_PATHWAY', stageIs(file, 'linking'), file.transport.toFacilityArrivedAt ? 'ALREADY_RECORDED' : undefined);
    case 'from_facility':
      // The pick-up trip: leaving the facility is the pick-up.
      return first(olderRules(file), file.stay?.discharge ? undefined : 'STEP_NOT_READY', cmd.event === 'departed' && file.stay?.pickedUpAt ? 'ALREADY_RECORDED' : undefined);
    case 'home':
      return homeTripRefusal(file, cmd);
  }
}

function travelled(file: CaseFile, cmd: CommandOf<'recordTransport'>, ctx: Ctx): DomainEvent[] {
  const now = iso(ctx.now);
  const t = file.transport;
  const late = file.rules >= 3 && cmd.leg === 'home' && cmd.event === 'departed' && t.homeDepartureInferred === true;
  const events: DomainEvent[] = [{ type: `transport.${cmd.event}`, data: { leg: cmd.leg, ...(late ? { reportedLate: true } : {}) } }];
  if (cmd.leg === 'to_facility') {
    if (cmd.event === 'arrived') {
      t.toFacilityArrivedAt = now;
      events.push(...admitIfReady(file, ctx));
    }
    return events;
  }
  if (cmd.leg === 'from_facility') {
    if (cmd.event === 'departed' && !file.stay!.pickedUpAt) {
      file.stay!.pickedUpAt = now;
      events.push({ type: 'facility.picked_up', data: { facilityCode: file.stay!.facilityCode } });
    }
    return events;
  }
  if (late) t.homeDepartureInferred = false;
  if (file.rules >= 3 && cmd.event === 'arrived' && !t.homeDepartedAt) t.homeDepartureInferred = true;
  t.homeDepartedAt ??= now;
  if (cmd.event === 'arrived') t.homeArrivedAt = now;
  if (file.shelter && !file.shelter.leftAt) {
    file.shelter.leftAt = now;
    events.push({ type: 'shelter.left', data: {} });
  }
  return events;
}

function handoverRefusal(file: CaseFile, cmd: CommandOf<'recordHandover'>): RuleCode | undefined {
  if (file.rules >= 3) {
    const common = first(stageIs(file, 'linking', 'planning', 'implementation', 'monitoring'), file.assessment?.laporanSosial ? undefined : 'ASSESSMENT_REQUIRED');
    switch (cmd.to) {
      case 'family':
        return first(common, file.pathway === 'repatriation' ? 'WRONG_PATHWAY' : undefined, readyToGoHome(file) && file.transport.homeArrivedAt ? undefined : 'STEP_NOT_READY');
      case 'origin_dinsos':
        return first(common, pathwayIs(file, 'repatriation'), file.transport.homeArrivedAt ? undefined : 'STEP_NOT_READY');
      case 'province':
        return 'USE_TRANSFER';
    }
  }
  const ready =
    cmd.to === 'family'
      ? file.pathway === 'odgj' && familyCanReceive(file) && !!file.transport.homeArrivedAt
      : cmd.to === 'province'
        ? file.pathway === 'odgj' && tracingDecided(file) && !familyCanReceive(file) && !!file.observation?.result
        : file.pathway === 'repatriation' && !!file.transport.homeArrivedAt;
  return first(stageIs(file, 'implementation'), ready ? undefined : 'STEP_NOT_READY');
}

function handedOver(file: CaseFile, cmd: CommandOf<'recordHandover'>, ctx: Ctx): DomainEvent[] {
  file.handover = { to: cmd.to, at: iso(ctx.now) };
  const events: DomainEvent[] = [{ type: 'handover.completed', data: { to: cmd.to } }];
  switch (cmd.to) {
    case 'family':
      if (file.residentialCare) {
        // A family found later: residential care and its plan end; the follow-up visits take over.
        file.residentialCare = null;
        file.nextReviewAt = null;
        file.visits = file.visits.filter((v) => v.doneAt || v.missed || v.kind === 'follow_up');
      }
      file.visits.push(...scheduleVisits('follow_up', ctx.now, ctx.policy.followUpVisits, ctx.policy));
      break;
    case 'origin_dinsos':
      file.visits.push(...scheduleVisits('follow_up', ctx.now, ctx.policy.repatriationFollowUps, ctx.policy));
      break;
    case 'province': {
      // Rules v1/v2: in-panti rehabilitation is the province's job: the case changes hands and region.
      const from = file.regionCode;
      file.jurisdiction = 'province';
      file.regionCode = provinceOf(file.regionCode);
      events.push({ type: 'jurisdiction.changed', data: { from: 'kabkota', to: 'province', fromRegion: from, toRegion: file.regionCode } });
      startMonitoringCycle(file, ctx.now, ctx.policy);
      break;
    }
  }
  events.push(moveTo(file, 'monitoring', ctx, `handed over to ${cmd.to}`));
  return events;
}

export const commands: Rules<'recordTransport' | 'recordHandover'> = {
  recordTransport: {
    roles: WORKERS,
    check: (file, cmd) => transportRefusal(file, cmd),
    apply: (file, cmd, ctx) => travelled(file, cmd, ctx),
  },
  recordHandover: {
    roles: WORKERS,
    check: (file, cmd) => handoverRefusal(file, cmd),
    apply: (file, cmd, ctx) => handedOver(file, cmd, ctx),
  },
};

/** The shelter's legal maximum counts from admission. */
export function due({ file, policy, add }: DueContext): void {
  if (file.shelter && !file.shelter.leftAt) {
    add(`shelter:${file.shelter.admittedAt}`, plus(file.shelter.admittedAt, scaled(policy, policy.fixed.shelter_stay)), 'shelter_limit');
  }
}

export const timers: Timers<'shelter_limit'> = {
  shelter_limit: {
    deadline: true,
    fire: (file, item) => [
      { type: 'shelter.limit_reached', data: { since: file.shelter!.admittedAt } },
      ...escalate(file, 'shelter_limit', 'shelter', item.key, item.at),
    ],
  },
};

export const resolves: Resolvers<'shelter_limit'> = {
  shelter_limit: (file) => !file.shelter || !!file.shelter.leftAt,
};

