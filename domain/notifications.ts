// Who hears about a case, when: the escalation ladder's audiences. Pure: the workflow hands the result to
// the notify activity, which writes an outbox that the notification gateway drains.
import type { DomainEvent } from './case/changes';
import type { CaseFile } from './case/file';
import { actorFor } from './deadlines';
import { isDeadlineKind } from './policy';

export const AUDIENCES = ['case_manager', 'supervisor', 'kepala_bidang', 'kepala_dinas', 'family', 'receiving_agency'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const NOTIFICATION_TEMPLATES = [
  'deadline.reminder',
  'escalation.level1',
  'escalation.level2',
  'escalation.level3',
  'referral.sent',
  'transport.booked',
  'transport.cancelled',
  'facility.discharged',
  'transfer.requested',
  'transfer.declined',
  'batch.escalated',
  'caseload.over',
  'staff.lapsing',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export interface NotificationRequest {
  /** Idempotency key: the same ladder step for the same audience is notified once, however often retried. */
  key: string;
  caseId: string;
  audience: Audience;
  /**
   * The assigned case manager's staff id, or the receiving agency's code; the other audiences are
   * resolved per region (staff) or per case (family) by the gateway's directory, never stored here.
   */
  staffId: string | null;
  regionCode: string;
  template: NotificationTemplate;
  /** Template fields: codes and times only, never personal data. */
  data: Record<string, string | number | null>;
  /** A training case's notice: it goes to the training sink, never to the gateway. */
  trainingSessionId?: string;
}

const LADDER: Record<number, Audience[]> = { 1: ['case_manager', 'supervisor'], 2: ['kepala_bidang'], 3: ['kepala_dinas'] };

/** Rules v3: the receiving unit decides on a transfer, so its heads hear when the decision is late. */
function regionFor(file: CaseFile, reason: unknown, audience: Audience): string {
  const receiving = file.transfers.at(-1);
  return reason === 'transfer_overdue' && audience !== 'case_manager' && receiving?.status === 'requested' ? receiving.regionCode : file.regionCode;
}

/** An overdue advocacy item is the named worker's to pursue (who may not be the case manager). */
function workerFor(file: CaseFile, e: DomainEvent): string | null {
  const item = e.data.reason === 'advocacy_overdue' ? file.advocacy?.find((i) => i.id === e.data.subject) : undefined;
  return item?.worker ?? file.assignedWorker;
}

/**
 * A deadline's reminder goes to whoever must act on it: the case manager, a supervisor for a decision
 * only a supervisor takes (plan approval, pathway decision), the receiving unit's supervisor for a
 * transfer. Kinds from before rules v3 carry no kind the map knows otherwise: the case manager.
 */
function reminderFor(file: CaseFile, e: DomainEvent, base: (audience: Audience) => Omit<NotificationRequest, 'key' | 'template' | 'data'>, facts: NotificationRequest['data']): NotificationRequest {
  const kind = e.data.kind as string;
  const actor = isDeadlineKind(kind) ? actorFor(kind) : 'case_manager';
  const audience: Audience = actor === 'case_manager' ? 'case_manager' : 'supervisor';
  const receiving = file.transfers.at(-1);
  const regionCode = actor === 'receiving_supervisor' && receiving ? receiving.regionCode : file.regionCode;
  return { ...base(audience), regionCode, key: `${file.caseId}:reminder:${e.data.key}:${audience}`, template: 'deadline.reminder', data: { ...facts, kind, dueAt: (e.data.dueAt as string | undefined) ?? null } };
}

/** Facts that are news to someone outside the case's own ladder (rules v3 hand-offs). */
function handoffNotices(e: DomainEvent, file: CaseFile, base: (audience: Audience) => Omit<NotificationRequest, 'key' | 'template' | 'data'>, facts: NotificationRequest['data']): NotificationRequest[] {
  const transfer = file.transfers.at(-1);
  switch (e.type) {
    case 'facility.discharged':
      // "Sudah stabil, belum dijemput": whoever picks the patient up hears at once.
      return (['case_manager', 'supervisor'] as const).map((audience) => ({
        ...base(audience),
        key: `${file.caseId}:discharge:${e.data.pickupBy}:${audience}`,
        template: 'facility.discharged',
        data: { ...facts, pickupBy: e.data.pickupBy as string },
      }));
    case 'transfer.requested':
      return [
        { ...base('receiving_agency'), staffId: transfer!.unitCode, key: `${file.caseId}:transfer:${transfer!.requestedAt}:receiving_agency`, template: 'transfer.requested', data: { ...facts, to: transfer!.to } },
        { ...base('supervisor'), regionCode: transfer!.regionCode, key: `${file.caseId}:transfer:${transfer!.requestedAt}:supervisor`, template: 'transfer.requested', data: { ...facts, to: transfer!.to } },
      ];
    case 'transfer.declined':
      return [{ ...base('case_manager'), key: `${file.caseId}:transfer:${transfer!.requestedAt}:declined`, template: 'transfer.declined', data: { ...facts, reason: transfer!.declineReason } }];
    default:
      return [];
  }
}

/** A group repatriation that stopped (a partner down past its budget): its supervisor re-plans. */
export function batchEscalation(batchId: string, regionCode: string, planVersion: number, reason: string): NotificationRequest {
  return {
    key: `batch-${batchId}:plan:${planVersion}:escalated`,
    caseId: `batch-${batchId}`,
    audience: 'supervisor',
    staffId: null,
    regionCode,
    template: 'batch.escalated',
    data: { caseId: batchId, planVersion, reason },
  };
}

export function notificationsFor(events: DomainEvent[], file: CaseFile): NotificationRequest[] {
  const requests: NotificationRequest[] = [];
  const base = (audience: Audience) => ({
    caseId: file.caseId,
    audience,
    staffId: audience === 'case_manager' ? file.assignedWorker : null,
    regionCode: file.regionCode,
  });
  const facts = { caseId: file.caseId, stage: file.stage, category: file.category, riskLevel: file.riskLevel };
  for (const e of events) {
    if (e.type === 'referral.sent') {
      requests.push({
        ...base('receiving_agency'),
        staffId: e.data.facilityCode as string,
        key: `${file.caseId}:referral:${e.data.attempt}:receiving_agency`,
        template: 'referral.sent',
        data: { ...facts, partner: e.data.partner as string },
      });
    }
    if (e.type === 'transport.booked' && e.data.leg === 'home') {
      // The family hears that the trip home is arranged; group trips are announced once per plan.
      const plan = e.data.planVersion ?? 0;
      for (const audience of ['family', 'case_manager'] as const) {
        requests.push({ ...base(audience), key: `${file.caseId}:transport:home:${plan}:${audience}`, template: 'transport.booked', data: { ...facts } });
      }
    }
    if (e.type === 'transport.booking_cancelled' && e.data.leg === 'home') {
      // Whoever was told of the trip hears that it is off (a group trip re-planned, a withdrawn case).
      const plan = e.data.planVersion ?? 0;
      for (const audience of ['family', 'case_manager'] as const) {
        requests.push({ ...base(audience), key: `${file.caseId}:transport:home:${plan}:cancelled:${audience}`, template: 'transport.cancelled', data: { ...facts } });
      }
    }
    if (e.type === 'deadline.reminder') requests.push(reminderFor(file, e, base, facts));
    if (file.rules >= 3) requests.push(...handoffNotices(e, file, base, facts));
    if (e.type === 'escalation.raised') {
      const level = Number(e.data.level);
      for (const audience of LADDER[level] ?? []) {
        requests.push({
          ...base(audience),
          staffId: audience === 'case_manager' ? workerFor(file, e) : null,
          regionCode: regionFor(file, e.data.reason, audience),
          key: `${file.caseId}:${e.data.key}:L${level}:${audience}`,
          template: `escalation.level${level}` as NotificationTemplate,
          data: { ...facts, level, reason: e.data.reason as string, subject: e.data.subject as string, dueAt: (e.data.dueAt as string | undefined) ?? null },
        });
      }
    }
  }
  // Simulasi kasus: the same notices, marked so that nobody real hears of a training case.
  const training = file.training;
  return training ? requests.map((r) => ({ ...r, trainingSessionId: training.sessionId })) : requests;
}
