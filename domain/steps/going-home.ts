// Travel and hand-over: the trip to the RSJ and the trip home (by the case, or by its group's batch),
// the rumah singgah stay with its legal maximum (14 days; at the limit the ladder escalates), and the
// hand-over that ends the pathway: to the family (follow-up visits at 7, 30, 90 days), to the origin
// region's Dinsos (follow-up contacts), or to the province for in-panti rehabilitation.
import type { DomainEvent } from '../case/changes';
import { moveTo, scheduleVisits, startMonitoringCycle } from '../case/changes';
import type { Rules } from '../commands';
import { escalate } from '../ladder';
import { scaled } from '../policy';
import { provinceOf } from '../regions';
import { WORKERS } from '../roles';
import type { DueContext, Resolvers, Timers } from '../timing';
import { iso, plus } from '../time';
import { first, pathwayIs, stageIs } from './guards';
import { admitIfReady, familyCanReceive, tracingDecided } from './odgj-care';

export const commands: Rules<'recordTransport' | 'recordHandover'> = {
  recordTransport: {
    roles: WORKERS,
    check(file, cmd) {
      if (cmd.leg === 'to_facility') {
        return first(pathwayIs(file, 'odgj'), stageIs(file, 'linking'), file.transport.toFacilityArrivedAt ? 'ALREADY_RECORDED' : undefined);
      }
      const ready = file.pathway === 'odgj' ? familyCanReceive(file) : file.pathway === 'repatriation';
      const done = cmd.event === 'departed' ? file.transport.homeDepartedAt : file.transport.homeArrivedAt;
      return first(
        pathwayIs(file, 'odgj', 'repatriation'),
        stageIs(file, 'implementation'),
        ready ? undefined : 'STEP_NOT_READY',
        done ? 'ALREADY_RECORDED' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      const now = iso(ctx.now);
      const events: DomainEvent[] = [{ type: `transport.${cmd.event}`, data: { leg: cmd.leg } }];
      if (cmd.leg === 'to_facility') {
        if (cmd.event === 'arrived') {
          file.transport.toFacilityArrivedAt = now;
          events.push(...admitIfReady(file, ctx));
        }
        return events;
      }
      file.transport.homeDepartedAt ??= now;
      if (cmd.event === 'arrived') file.transport.homeArrivedAt = now;
      if (file.shelter && !file.shelter.leftAt) {
        file.shelter.leftAt = now;
        events.push({ type: 'shelter.left', data: {} });
      }
      return events;
    },
  },

  recordHandover: {
    roles: WORKERS,
    check(file, cmd) {
      const ready =
        cmd.to === 'family'
          ? file.pathway === 'odgj' && familyCanReceive(file) && !!file.transport.homeArrivedAt
          : cmd.to === 'province'
            ? file.pathway === 'odgj' && tracingDecided(file) && !familyCanReceive(file) && !!file.observation?.result
            : file.pathway === 'repatriation' && !!file.transport.homeArrivedAt;
      return first(stageIs(file, 'implementation'), ready ? undefined : 'STEP_NOT_READY');
    },
    apply(file, cmd, ctx) {
      file.handover = { to: cmd.to, at: iso(ctx.now) };
      const events: DomainEvent[] = [{ type: 'handover.completed', data: { to: cmd.to } }];
      switch (cmd.to) {
        case 'family':
          file.visits.push(...scheduleVisits('follow_up', ctx.now, ctx.policy.followUpVisits, ctx.policy));
          break;
        case 'origin_dinsos':
          file.visits.push(...scheduleVisits('follow_up', ctx.now, ctx.policy.repatriationFollowUps, ctx.policy));
          break;
        case 'province': {
          // In-panti rehabilitation is the province's job: the case changes hands and region.
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
    },
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
