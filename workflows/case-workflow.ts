// One case, from intake to closure, as a durable workflow. The rules live in domain/ (pure functions);
// this file only keeps the case file, waits for people, partners and time, and records what happened.
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseEventRecord, CaseProjection } from '../domain/case-events';
import type { CaseFile } from '../domain/case-file';
import type { Ctx, DomainEvent } from '../domain/case-ops';
import { COMMAND_TYPES, execute, refusal } from '../domain/commands';
import type { CaseCommand } from '../domain/commands';
import { notificationsFor } from '../domain/notifications';
import { openCaseFile } from '../domain/open-case';
import { DEFAULT_POLICY, scaled, withOverrides } from '../domain/policy';
import type { Policy } from '../domain/policy';
import type { Actor } from '../domain/roles';
import { SYSTEM_ACTOR } from '../domain/roles';
import type { RuleCode } from '../domain/rule-codes';
import { RULE_MESSAGES } from '../domain/rule-codes';
import type { CallResult, PartnerCall, ReturneeStatus } from '../domain/partner-calls';
import { PARTNER_REFUSAL, applyCallResult, pendingCalls, returneeStatus } from '../domain/partner-calls';
import { fireDue, integrationRecovered, integrationStalled, isFinished, nextDeadline, nextDue } from '../domain/timers';
import type { CaseActivities, PartnerActivities } from './activity-types';
import type { CaseView, CaseWorkflowInput, CommandRequest, GroupTrip, PartnerReport } from './contract';
import {
  batchWorkflowId,
  caseWorkflowId,
  commandUpdate,
  getCaseQuery,
  groupTripSignal,
  partnerReportSignal,
  returneeUpdateSignal,
} from './contract';
import { caseSearchAttributes } from './search-attribute-values';

/**
 * The read model and the outbox must catch up eventually, so failures are retried without limit; but
 * past the policy's integration budget a call that keeps failing escalates instead of retrying silently.
 */
function caseActivities(policy: Policy) {
  return proxyActivities<CaseActivities>({
    startToCloseTimeout: '30 seconds',
    scheduleToCloseTimeout: scaled(policy, policy.fixed.integration_budget),
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });
}

/**
 * Partner calls: each attempt is bounded and heartbeats; outages are retried with backoff up to the
 * integration budget (then the case escalates and keeps retrying); business refusals are not retried.
 */
function partnerActivities(policy: Policy) {
  return proxyActivities<PartnerActivities>({
    startToCloseTimeout: '30 seconds',
    heartbeatTimeout: '10 seconds',
    scheduleToCloseTimeout: scaled(policy, policy.fixed.integration_budget),
    retry: {
      initialInterval: policy.partnerRetry.initialMs,
      backoffCoefficient: 2,
      maximumInterval: policy.partnerRetry.maxMs,
      nonRetryableErrorTypes: [PARTNER_REFUSAL],
    },
  });
}

/** Cases of deployments with partner services call them; this marks where that began. */
export const PARTNER_INTEGRATION_PATCH = 'partner-integration-v1';

/**
 * Cases opened before the escalation ladder keep their time rules (v1) so their histories replay; new
 * cases get rules v2. Remove with deprecatePatch() once no v1 case is open.
 */
export const ESCALATION_LADDER_PATCH = 'escalation-ladder-v2';

/** Long cases start a fresh history well before Temporal's limits. */
const HISTORY_EVENTS_BEFORE_CONTINUE = 8_000;

export interface CaseOutcome {
  caseId: string;
  status: CaseFile['status'];
  stage: CaseFile['stage'];
  outcome: string | null;
}

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseOutcome> {
  const policy: Policy = withOverrides(DEFAULT_POLICY, input.policy ?? {});
  const file: CaseFile = input.resume ? upgraded(input.resume.file) : openCaseFile(input, new Date(), patched(ESCALATION_LADDER_PATCH) ? 2 : 1);
  if (!input.resume) {
    if (input.partnerIntegration && patched(PARTNER_INTEGRATION_PATCH)) file.integration = { calls: {} };
    if (input.group) file.group = input.group;
  }
  let seq = input.resume?.seq ?? 0;
  const ctx = (actor: Actor): Ctx => ({ actor, now: new Date(), policy });
  const activities = caseActivities(policy);
  const partners = partnerActivities(policy);

  const toRecords = (events: DomainEvent[], actor: Actor): CaseEventRecord[] => {
    const at = new Date().toISOString();
    return events.map((e) => ({
      caseId: file.caseId,
      seq: seq++,
      type: e.type,
      at,
      actor,
      stage: file.stage,
      data: e.data,
      projection: projection(file, policy),
    }));
  };

  /**
   * Calls until it succeeds; each time it runs out of budget, the stall escalates (once) and it goes on.
   * A business refusal (non-retryable) and a cancellation end it at once.
   */
  const durably = async <T>(what: string, call: () => Promise<T>, onStall: (events: DomainEvent[]) => void | Promise<void>): Promise<T> => {
    for (;;) {
      try {
        return await call();
      } catch (err) {
        if (!(err instanceof ActivityFailure) || isCancellation(err) || refusalCode(err)) throw err;
        const stalled = integrationStalled(file, what, new Date());
        if (stalled.length) {
          // Supervisors see it in the Temporal UI even when the database is the part that fails.
          publish(file, policy);
          await onStall(stalled);
        }
      }
    }
  };

  /** Timeline records not yet written: if the case is cancelled mid-write, they are written on the way out. */
  const unsent = new Map<number, CaseEventRecord>();

  const record = async (events: DomainEvent[], actor: Actor): Promise<void> => {
    if (events.length === 0) return;
    publish(file, policy);
    const batch = toRecords(events, actor);
    for (const r of batch) unsent.set(r.seq, r);
    const alerts = [...events];
    await durably('recordCaseEvents', () => activities.recordCaseEvents(batch), (stalled) => {
      const more = toRecords(stalled, SYSTEM_ACTOR);
      for (const r of more) unsent.set(r.seq, r);
      batch.push(...more);
      alerts.push(...stalled);
    });
    for (const r of batch) unsent.delete(r.seq);
    const late: DomainEvent[] = [];
    const notifications = notificationsFor(alerts, file);
    if (notifications.length) {
      await durably('notify', () => activities.notify(notifications), (stalled) => {
        late.push(...stalled);
      });
    }
    const recovered = [...late, ...integrationRecovered(file, 'recordCaseEvents'), ...integrationRecovered(file, 'notify')];
    if (recovered.length) await record(recovered, SYSTEM_ACTOR);
    reportToGroup();
  };

  /** A returnee's batch hears of every change in where the person stands. */
  let reported: ReturneeStatus | null = null;
  const reportToGroup = () => {
    if (!file.group) return;
    const status = returneeStatus(file);
    if (status === reported) return;
    reported = status;
    getExternalWorkflowHandle(batchWorkflowId(file.group.batchId))
      .signal(returneeUpdateSignal, { caseId: file.caseId, status })
      // A batch that has finished no longer listens; the case goes on regardless.
      .catch(() => undefined);
  };

  /** Partner calls in flight, by idempotency key: each runs beside the case, never blocking its timers. */
  const inflight = new Set<string>();
  const runCall = async (call: PartnerCall): Promise<void> => {
    const what = `partner:${call.kind}`;
    let result: CallResult;
    try {
      const ref = await durably(what, () => invoke(call), (stalled) => record(stalled, SYSTEM_ACTOR));
      result = { outcome: 'accepted', ref: ref ?? call.key };
    } catch (err) {
      const code = refusalCode(err);
      if (!code) throw err;
      result = { outcome: 'refused', code };
    }
    await record([...applyCallResult(file, call, result, new Date()), ...integrationRecovered(file, what)], SYSTEM_ACTOR);
  };
  const invoke = (call: PartnerCall): Promise<string | void> => {
    switch (call.kind) {
      case 'referral.admit':
        return partners.requestAdmission({ ...call, caseId: file.caseId });
      case 'transport.book':
        return partners.bookTransport({ ...call, caseRefs: [file.caseId] });
      case 'transport.cancel':
        return partners.cancelTransport(call);
      case 'tracing.lookup':
        return partners.requestFamilyTracing({ ...call, caseId: file.caseId, ...(input.subject.nik ? { nik: input.subject.nik } : {}) });
    }
  };
  const startPartnerCalls = () => {
    for (const call of pendingCalls(file)) {
      if (inflight.has(call.key)) continue;
      inflight.add(call.key);
      runCall(call)
        .catch((err: unknown) => {
          // Cancelled with the case: the clean-up below decides what still has to be said to partners.
          if (!isCancellation(err)) throw err;
        })
        .finally(() => inflight.delete(call.key));
    }
  };
  const view = (): CaseView => caseView(file, input, policy);

  setHandler(getCaseQuery, view);
  for (const type of COMMAND_TYPES) {
    setHandler(
      commandUpdate(type),
      async (req: CommandRequest) => {
        await record(execute(file, req.command, ctx(req.actor)), req.actor);
        return view();
      },
      {
        // Synchronous and side-effect free: a refused command leaves no trace in the history.
        validator: (req: CommandRequest) => {
          if (req?.command?.type !== type) throw refused('NO_CHANGE');
          const code = refusal(file, req.command, ctx(req.actor));
          if (code) throw refused(code);
        },
      },
    );
  }
  setHandler(groupTripSignal, async (trip: GroupTrip) => {
    if (!file.group) return;
    file.version += 1;
    const data = { leg: 'home', by: 'group', planVersion: trip.planVersion };
    await record([{ type: trip.event === 'booked' ? 'transport.booked' : 'transport.booking_cancelled', data }], SYSTEM_ACTOR);
  });
  setHandler(partnerReportSignal, async (report: PartnerReport) => {
    // Partners retry their callbacks; the same report applies once.
    if (file.partnerReports.includes(report.reportId)) return;
    file.partnerReports.push(report.reportId);
    const actor: Actor = { id: report.partnerId, role: 'partner' };
    const code = refusal(file, report.command as CaseCommand, ctx(actor));
    if (code) {
      // A signal cannot be refused to its sender, so the mismatch is recorded for staff instead.
      file.version += 1;
      await record([{ type: 'partner.report_ignored', data: { command: report.command.type, reason: code } }], actor);
      return;
    }
    await record(execute(file, report.command, ctx(actor)), actor);
  });

  try {
    if (input.resume) publish(file, policy);
    else await record([{ type: 'case.opened', data: { channel: input.report.channel, pathway: file.pathway } }], input.openedBy);
    while (!isFinished(file)) {
      startPartnerCalls();
      const due = nextDue(file, policy);
      const seen = file.version;
      if (!due) {
        await condition(() => file.version !== seen);
      } else {
        const wait = new Date(due.at).getTime() - Date.now();
        if (wait > 0) await condition(() => file.version !== seen, wait, { summary: `${due.label} at ${due.at}` });
      }
      await record(fireDue(file, new Date(), policy), SYSTEM_ACTOR);
      const info = workflowInfo();
      if (info.continueAsNewSuggested || info.historyLength > (input.historyLimit ?? HISTORY_EVENTS_BEFORE_CONTINUE)) {
        await condition(() => allHandlersFinished() && inflight.size === 0);
        await continueAsNew<typeof caseWorkflow>({ ...input, resume: { file, seq } });
      }
    }
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancelling the workflow withdraws the case, with the same clean-up as a supervisor's withdrawal.
    await CancellationScope.nonCancellable(async () => {
      const backlog = [...unsent.values()];
      if (backlog.length) await durably('recordCaseEvents', () => activities.recordCaseEvents(backlog), () => undefined);
      const system = { ...SYSTEM_ACTOR };
      if (file.status === 'open') await record(execute(file, { type: 'withdraw', reason: 'workflow cancelled' }, ctx(system)), system);
      for (const call of pendingCalls(file)) await runCall(call);
    });
    throw err;
  }
  // A withdrawn case still tells partners what is off (a booked vehicle); then it ends.
  await condition(() => inflight.size === 0);
  for (const call of pendingCalls(file)) await runCall(call);
  await condition(allHandlersFinished);
  return { caseId: file.caseId, status: file.status, stage: file.stage, outcome: file.closure?.outcome ?? null };
}

/** A case file carried over by continue-as-new from before the ladder lacks its fields: v1 rules. */
function upgraded(file: CaseFile): CaseFile {
  file.rules ??= 1;
  file.escalations ??= [];
  file.deadlineAdjustment ??= null;
  return file;
}

/** The partner's code when an activity failed because the partner refused (not because it was down). */
function refusalCode(err: unknown): string | undefined {
  const cause = err instanceof ActivityFailure ? err.cause : undefined;
  if (!(cause instanceof ApplicationFailure) || cause.type !== PARTNER_REFUSAL) return undefined;
  const details = cause.details?.[0] as { code?: unknown } | undefined;
  return typeof details?.code === 'string' ? details.code : 'REFUSED';
}

function refused(code: RuleCode): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message: RULE_MESSAGES[code].en, nonRetryable: true });
}

function caseView(file: CaseFile, input: CaseWorkflowInput, policy: Policy): CaseView {
  const { fired: _fired, partnerReports: _reports, version: _version, integration: _integration, ...rest } = file;
  const due = nextDeadline(file, policy);
  return {
    ...rest,
    subject: input.subject,
    report: input.report,
    nextDeadline: due ? { kind: due.label, dueAt: due.at } : null,
    policyVersion: policy.version,
  };
}

function projection(file: CaseFile, policy: Policy): CaseProjection {
  const due = nextDeadline(file, policy);
  return {
    caseId: file.caseId,
    workflowId: caseWorkflowId(file.caseId),
    status: file.status,
    stage: file.stage,
    pathway: file.pathway,
    category: file.category,
    riskLevel: file.riskLevel,
    regionCode: file.regionCode,
    jurisdiction: file.jurisdiction,
    assignedWorker: file.assignedWorker,
    escalationLevel: file.escalationLevel,
    escalations: file.escalations.map((e) => ({ reason: e.reason, subject: e.subject, level: e.level, since: e.since, acknowledged: e.acknowledgedBy !== null })),
    nextDeadlineKind: due?.label ?? null,
    nextDeadlineAt: due?.at ?? null,
    openedAt: file.openedAt,
    policyVersion: policy.version,
  };
}

/** Pushes the indexable state to the Temporal UI: search attributes and current details, never personal data. */
function publish(file: CaseFile, policy: Policy): void {
  const due = nextDeadline(file, policy);
  upsertSearchAttributes(
    caseSearchAttributes({
      category: file.category,
      pathway: file.pathway,
      riskLevel: file.riskLevel,
      regionCode: file.regionCode,
      stage: file.stage,
      status: file.status,
      assignedWorker: file.assignedWorker,
      escalationLevel: file.escalationLevel,
      nextDeadlineAt: due ? new Date(due.at) : null,
    }),
  );
  setCurrentDetails(
    [
      `**${file.status}** · stage **${file.stage}** · pathway ${file.pathway} · ${file.jurisdiction}`,
      `escalation level ${file.escalationLevel}${file.escalations.length ? ` (${file.escalations.map((e) => `${e.reason}:${e.subject} L${e.level}`).join(', ')})` : ''}`,
      due ? `next: ${due.label} at ${due.at}` : 'nothing scheduled',
    ].join(' · '),
  );
}
