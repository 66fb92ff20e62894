// Steps 5-6, implementation and monitoring: ATENSI services delivered by their due dates, monthly
// monitoring visits on a fixed calendar, reviews every 90 days, and follow-up visits after a hand-over.
// A visit or review missed past its grace period, or a service past its due date, escalates.
import type { DomainEvent } from '../case/changes';
import { moveTo, pendingVisits, scheduleVisits } from '../case/changes';
import type { CaseFile, Visit } from '../case/file';
import type { Rules } from '../commands';
import { escalate } from '../ladder';
import type { Policy } from '../policy';
import { deadlineDuration, scaled } from '../policy';
import { WORKERS } from '../roles';
import type { DueContext, Resolvers, Timers } from '../timing';
import { iso, ms, plus } from '../time';
import { first, stageIs } from './guards';
import { serviceStepRefusal, stopped } from './linking';
import { outstanding } from './plan-schedule';

/** The visit after this one, for visits on a calendar (monthly monitoring, the RSJ every 14 days). */
function nextOnCalendar(visit: Visit, policy: Policy): Visit[] {
  switch (visit.kind) {
    case 'monitoring':
      return scheduleVisits('monitoring', new Date(visit.dueAt), [policy.fixed.monitoring_interval], policy);
    case 'facility':
      return scheduleVisits('facility', new Date(visit.dueAt), [policy.fixed.facility_visit_interval], policy);
    case 'follow_up':
      return [];
  }
}

/** Rules v6: a service is started and delivered only once linked to its provider, and not after it was stopped. */
const notLinkedYet = (file: CaseFile, serviceId: string) =>
  file.rules >= 6 ? first(stopped(file, serviceId), file.services.find((s) => s.id === serviceId)?.linkedAt ? undefined : 'STEP_NOT_READY') : undefined;

export const commands: Rules<'recordServiceStarted' | 'recordServiceDelivered' | 'recordVisit' | 'recordReview'> = {
  recordServiceStarted: {
    roles: WORKERS,
    check: (file, cmd) => first(file.rules >= 6 ? undefined : 'OLDER_RULES', serviceStepRefusal(file, cmd.serviceId, ['implementation'], 'startedAt'), notLinkedYet(file, cmd.serviceId)),
    apply(file, cmd, ctx) {
      const service = file.services.find((s) => s.id === cmd.serviceId)!;
      service.startedAt = iso(ctx.now);
      return [{ type: 'service.started', data: { serviceId: service.id, component: service.component } }];
    },
  },

  recordServiceDelivered: {
    roles: WORKERS,
    check: (file, cmd) => first(serviceStepRefusal(file, cmd.serviceId, ['implementation'], 'deliveredAt'), notLinkedYet(file, cmd.serviceId)),
    apply(file, cmd, ctx) {
      const service = file.services.find((s) => s.id === cmd.serviceId)!;
      service.deliveredAt = iso(ctx.now);
      const events: DomainEvent[] = [{ type: 'service.delivered', data: { serviceId: service.id, component: service.component } }];
      if (!file.services.some(outstanding)) events.push(moveTo(file, 'monitoring', ctx, 'all services delivered'));
      return events;
    },
  },

  recordVisit: {
    roles: WORKERS,
    check(file, cmd, ctx) {
      const next = pendingVisits(file, cmd.kind)[0];
      const dueSoon = next && ms(next.dueAt) - ctx.now.getTime() <= scaled(ctx.policy, ctx.policy.fixed.visit_early);
      return first(
        cmd.kind === 'follow_up' ? stageIs(file, 'monitoring') : cmd.kind === 'facility' ? stageIs(file, 'implementation') : stageIs(file, 'implementation', 'monitoring'),
        dueSoon ? undefined : 'NOTHING_DUE',
      );
    },
    apply(file, cmd, ctx) {
      const visit = pendingVisits(file, cmd.kind)[0]!;
      visit.doneAt = iso(ctx.now);
      const events: DomainEvent[] = [{ type: 'visit.recorded', data: { kind: cmd.kind, dueAt: visit.dueAt } }];
      // Monitoring and the pendamping's visits at the RSJ keep their calendar: the next is due an interval after this one was.
      file.visits.push(...nextOnCalendar(visit, ctx.policy));
      return events;
    },
  },

  recordReview: {
    // Rules v6: a review may also decide to revise the plan (see plan-revision.ts).
    roles: WORKERS,
    check(file, cmd, ctx) {
      const dueSoon = file.nextReviewAt && ms(file.nextReviewAt) - ctx.now.getTime() <= scaled(ctx.policy, ctx.policy.fixed.visit_early);
      return first(
        cmd.decision === 'revise' && (file.rules < 6 || !file.plan) ? (file.rules < 6 ? 'OLDER_RULES' : 'WRONG_PATHWAY') : undefined,
        stageIs(file, 'implementation', 'monitoring'),
        dueSoon ? undefined : 'NOTHING_DUE',
      );
    },
    apply(file, cmd, ctx) {
      const dueAt = file.nextReviewAt!;
      file.reviews.push({ at: iso(ctx.now), decision: cmd.decision });
      const events: DomainEvent[] = [{ type: 'review.recorded', data: { decision: cmd.decision, dueAt } }];
      if (cmd.decision === 'terminate') {
        file.nextReviewAt = null;
        file.visits = file.visits.filter((v) => v.doneAt || v.missed || v.kind !== 'monitoring');
        events.push(moveTo(file, 'evaluation', ctx, 'review decided to terminate'));
      } else {
        file.nextReviewAt = plus(dueAt, scaled(ctx.policy, ctx.policy.fixed.plan_review));
      }
      return events;
    },
  },
};

export function due({ file, policy, add }: DueContext): void {
  for (const v of file.visits) {
    if (v.doneAt || v.missed) continue;
    add(`visit:${v.kind}:${v.dueAt}:due`, v.dueAt, 'visit_due');
    add(`visit:${v.kind}:${v.dueAt}:missed`, plus(v.dueAt, scaled(policy, policy.fixed.visit_grace)), 'visit_missed');
  }
  if (file.nextReviewAt) {
    add(`review:${file.nextReviewAt}:due`, file.nextReviewAt, 'review_due');
    add(`review:${file.nextReviewAt}:missed`, plus(file.nextReviewAt, scaled(policy, policy.fixed.visit_grace)), 'review_missed');
  }
  if (file.stage === 'implementation') {
    for (const s of file.services) if (outstanding(s)) add(`service:${s.id}:${s.dueAt}`, s.dueAt, 'service_overdue');
    // Rules v6: each service is linked by its start plus the referral-acceptance window.
    if (file.rules >= 6) {
      for (const s of file.services) {
        if (s.linkedAt || !outstanding(s) || !s.startAt) continue;
        const at = plus(s.startAt, deadlineDuration(policy, 'referral_acceptance', file.riskLevel, file.category));
        add(`service:${s.id}:link:${at}`, at, 'service_link_overdue');
      }
    }
  }
}

export const timers: Timers<'visit_due' | 'visit_missed' | 'review_due' | 'review_missed' | 'service_overdue' | 'service_link_overdue'> = {
  service_link_overdue: {
    deadline: true,
    fire(file, item) {
      const service = file.services.find((s) => item.key.startsWith(`service:${s.id}:link:`))!;
      const raised = escalate(file, 'service_overdue', `${service.id}:link`, item.key, item.at);
      return [{ type: 'service.link_overdue', data: { serviceId: service.id, component: service.component } }, ...raised];
    },
  },
  visit_due: {
    deadline: true,
    fire(file, item) {
      const visit = file.visits.find((v) => item.key === `visit:${v.kind}:${v.dueAt}:due`)!;
      return [{ type: 'visit.due', data: { kind: visit.kind, dueAt: visit.dueAt } }];
    },
  },
  visit_missed: {
    deadline: true,
    fire(file, item, _now, policy) {
      const visit = file.visits.find((v) => item.key === `visit:${v.kind}:${v.dueAt}:missed`)!;
      visit.missed = true;
      const raised = escalate(file, 'visit_missed', visit.kind, item.key, item.at);
      file.visits.push(...nextOnCalendar(visit, policy));
      return [{ type: 'visit.missed', data: { kind: visit.kind, dueAt: visit.dueAt, level: file.escalationLevel } }, ...raised];
    },
  },
  review_due: {
    deadline: true,
    fire: (_file, item) => [{ type: 'review.due', data: { dueAt: item.at } }],
  },
  review_missed: {
    deadline: true,
    fire(file, item) {
      const raised = escalate(file, 'review_missed', 'review', item.key, item.at);
      return [{ type: 'review.missed', data: { dueAt: file.nextReviewAt, level: file.escalationLevel } }, ...raised];
    },
  },
  service_overdue: {
    deadline: true,
    fire(file, item) {
      const service = file.services.find((s) => item.key === `service:${s.id}:${s.dueAt}`)!;
      const raised = escalate(file, 'service_overdue', service.id, item.key, item.at);
      return [{ type: 'service.overdue', data: { serviceId: service.id, component: service.component } }, ...raised];
    },
  },
};

export const resolves: Resolvers<'visit_missed' | 'review_missed' | 'service_overdue'> = {
  visit_missed: (file, e) =>
    file.visits.some((v) => v.kind === e.subject && v.doneAt && ms(v.doneAt) > ms(e.since)) ||
    !file.visits.some((v) => v.kind === e.subject && !v.doneAt && !v.missed),
  review_missed: (file, e) => file.reviews.some((r) => ms(r.at) > ms(e.since)) || !file.nextReviewAt,
  // The subject is the service (its delivery) or, rules v6, `<service>:link` (its linking).
  service_overdue: (file, e) => {
    const [id, step] = e.subject.split(':');
    const service = file.services.find((s) => s.id === id);
    return !service || !outstanding(service) || (step === 'link' && service.linkedAt !== null) || file.stage !== 'implementation';
  },
};
