// A group returning to the same origin region (e.g. 28 stranded migrant workers to Jawa Barat): one
// child case per person, one shared trip. Each person's case does its own assessment and origin
// acceptance; the batch books the vehicle for everyone who is ready, tells the origin Dinsos, and waits
// for the trip. When a step after the booking fails, it compensates in reverse order — cancels the
// booking, tells each case the trip is off (their shelter places are kept: nobody is released) — and
// waits for a supervisor to re-plan. A saga. It never continues as new: at most 60 people, a few hundred
// events.
import {
  ActivityFailure,
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import { PARTNER_REFUSAL } from '../domain/partner-calls';
import type { ReturneeStatus } from '../domain/partner-calls';
import { DEFAULT_POLICY, scaled, withOverrides } from '../domain/policy';
import type { CaseActivities, PartnerActivities } from './activity-types';
import { caseWorkflow } from './case-workflow';
import type { BatchStatus, BatchView, GroupRepatriationInput, ReceptionDecision } from './contract';
import { caseWorkflowId, getBatchQuery, groupTripSignal, receptionDecisionSignal, replanUpdate, returneeUpdateSignal } from './contract';

type Plan = BatchView['plans'][number];

/** Batches started since the batch read model existed keep a row in it; older ones are only queried. */
export const BATCH_READ_MODEL_PATCH = 'batch-read-model-v1';

export async function groupRepatriationWorkflow(input: GroupRepatriationInput): Promise<BatchView> {
  const policy = withOverrides(DEFAULT_POLICY, input.policy ?? {});
  const partners = proxyActivities<PartnerActivities>({
    startToCloseTimeout: '30 seconds',
    heartbeatTimeout: '10 seconds',
    retry: {
      initialInterval: policy.partnerRetry.initialMs,
      backoffCoefficient: 2,
      maximumInterval: policy.partnerRetry.maxMs,
      nonRetryableErrorTypes: [PARTNER_REFUSAL],
    },
  });
  const readModel = proxyActivities<Pick<CaseActivities, 'recordBatch'>>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });
  const project = patched(BATCH_READ_MODEL_PATCH);
  const openedAt = new Date().toISOString();
  let snapshotVersion = 0;
  let projected = '';
  /** Writes the batch's row when what it shows has changed; the last write wins by version. */
  const publish = async () => {
    if (!project) return;
    const v = view();
    const count = (s: ReturneeStatus) => v.members.filter((m) => m.status === s).length;
    const shown = JSON.stringify([v.status, count('arrived'), count('withdrawn'), plans.length, originAgency]);
    if (shown === projected) return;
    projected = shown;
    snapshotVersion += 1;
    await readModel.recordBatch({
      batchId: input.batchId,
      regionCode: input.regionCode,
      originRegionCode: input.originRegionCode,
      originAgency,
      status: v.status,
      members: v.members.length,
      arrived: count('arrived'),
      withdrawn: count('withdrawn'),
      planVersion: plans.length,
      openedAt,
      at: new Date().toISOString(),
      version: snapshotVersion,
    });
  };
  const ref = `batch-${input.batchId}`;
  let status: BatchStatus = 'gathering';
  let originAgency = input.originAgency;
  const members = new Map<string, ReturneeStatus>(input.members.map((m) => [m.caseId, 'preparing']));
  const plans: Plan[] = [];
  const compensations: BatchView['compensations'] = [];
  let reception: ReceptionDecision | null = null;
  const seenReports = new Set<string>();
  let replanRequested = false;

  const view = (): BatchView => ({
    batchId: input.batchId,
    status,
    regionCode: input.regionCode,
    originRegionCode: input.originRegionCode,
    originAgency,
    plans: plans.map((p) => ({ ...p, members: [...p.members] })),
    members: [...members].map(([caseId, s]) => ({ caseId, status: s })),
    compensations: [...compensations],
  });

  setHandler(getBatchQuery, view);
  setHandler(returneeUpdateSignal, ({ caseId, status: s }) => {
    if (members.has(caseId)) members.set(caseId, s);
  });
  setHandler(receptionDecisionSignal, (decision) => {
    // The agency may call back more than once; the first word on the current plan counts.
    if (seenReports.has(decision.reportId) || status !== 'confirming') return;
    seenReports.add(decision.reportId);
    reception = decision;
  });
  setHandler(
    replanUpdate,
    ({ originAgency: agency }) => {
      if (agency) originAgency = agency;
      replanRequested = true;
      return view();
    },
    {
      validator: ({ originAgency: agency }) => {
        if (status !== 'replanning') throw ApplicationFailure.create({ type: 'NOTHING_TO_DECIDE', message: 'the trip is not waiting to be re-planned', nonRetryable: true });
        if (agency !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(agency)) {
          throw ApplicationFailure.create({ type: 'VALIDATION_FAILED', message: 'expected an agency code', nonRetryable: true });
        }
      },
    },
  );

  // One child per person. Their cases outlive the batch: follow-up visits go on for months.
  for (const m of input.members) {
    await startChild(caseWorkflow, {
      workflowId: caseWorkflowId(m.caseId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [
        {
          caseId: m.caseId,
          category: input.category,
          pathway: 'repatriation',
          riskLevel: m.riskLevel,
          regionCode: input.regionCode,
          openedBy: input.openedBy,
          report: input.report,
          subject: m.subject,
          group: { batchId: input.batchId },
          ...(input.policy ? { policy: input.policy } : {}),
          ...(input.partnerIntegration ? { partnerIntegration: true } : {}),
          ...(input.assignedWorker ? { assignedWorker: input.assignedWorker } : {}),
        },
      ],
      staticSummary: `returnee in group ${input.batchId.slice(0, 8)} · region ${input.regionCode} → ${input.originRegionCode}`,
    });
  }

  const inState = (...states: ReturneeStatus[]) => [...members].filter(([, s]) => states.includes(s)).map(([id]) => id);
  const tellCases = async (caseIds: string[], event: 'booked' | 'cancelled', planVersion: number) => {
    for (const id of caseIds) {
      await getExternalWorkflowHandle(caseWorkflowId(id))
        .signal(groupTripSignal, { event, planVersion })
        .catch(() => undefined); // a case already ended needs no news of the trip
    }
  };

  for (;;) {
    status = 'gathering';
    await publish();
    await condition(() => inState('preparing').length === 0);
    const travellers = inState('ready');
    if (travellers.length === 0) break; // everyone withdrew (or has already travelled)

    const plan: Plan = { version: plans.length + 1, members: travellers, booked: false, outcome: 'pending', reason: null };
    plans.push(plan);
    const undo: { step: string; run: () => Promise<unknown> }[] = [];
    const failed = async (reason: string) => {
      // Compensate in reverse order; the shelter places stay taken, so nobody is left without a bed.
      for (const step of undo.reverse()) {
        let outcome = 'done';
        try {
          await step.run();
        } catch (err) {
          // A compensation the partner refuses (the vehicle has already left) is recorded for the
          // supervisor, not allowed to stop the rest of the clean-up.
          outcome = `refused:${refusal(err)}`;
        }
        compensations.push({ planVersion: plan.version, step: step.step, outcome, at: new Date().toISOString() });
      }
      plan.outcome = plan.booked ? 'compensated' : 'refused';
      plan.reason = reason;
      status = 'replanning';
      replanRequested = false;
      await publish();
      await condition(() => replanRequested);
    };

    status = 'booking';
    await publish();
    const bookingKey = `${ref}:transport:v${plan.version}`;
    let bookingId: string;
    try {
      bookingId = await partners.bookTransport({ kind: 'transport.book', key: bookingKey, leg: 'home', from: input.regionCode, to: input.originRegionCode, caseRefs: travellers });
    } catch (err) {
      await failed(`transport:${refusal(err)}`);
      continue;
    }
    plan.booked = true;
    undo.push({ step: 'transport.cancelled', run: () => partners.cancelTransport({ kind: 'transport.cancel', key: `${bookingKey}:cancel`, leg: 'home', bookingId }) });
    await tellCases(travellers, 'booked', plan.version);
    undo.push({ step: 'cases.told', run: () => tellCases(travellers, 'cancelled', plan.version) });

    status = 'confirming';
    await publish();
    reception = null;
    try {
      await partners.requestAdmission({
        kind: 'referral.admit',
        key: `${ref}:reception:v${plan.version}`,
        partner: 'origin_dinsos',
        facilityCode: originAgency,
        attempt: plan.version,
        caseId: ref,
      });
    } catch (err) {
      await failed(`reception:${refusal(err)}`);
      continue;
    }
    const decided = await condition(() => reception !== null, scaled(policy, policy.fixed.origin_acceptance));
    if (!decided || !reception!.accepted) {
      await failed(decided ? 'reception:declined' : 'reception:no_answer');
      continue;
    }

    status = 'travelling';
    await publish();
    // The vehicle has its departure window; a trip that never leaves is undone like any other failure.
    const on = (...states: ReturneeStatus[]) => travellers.filter((id) => states.includes(members.get(id)!));
    const left = await condition(() => on('departed', 'arrived').length > 0 || on('withdrawn').length === travellers.length, scaled(policy, policy.fixed.group_departure));
    if (!left) {
      await failed('transport:no_departure');
      continue;
    }
    await condition(() => on('arrived', 'withdrawn').length === travellers.length);
    plan.outcome = 'travelled';
    if (inState('preparing', 'ready').length === 0) break;
  }

  status = 'completed';
  await publish();
  await condition(allHandlersFinished);
  return view();
}

function refusal(err: unknown): string {
  if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === PARTNER_REFUSAL) {
    const details = err.cause.details?.[0] as { code?: unknown } | undefined;
    return typeof details?.code === 'string' ? details.code : 'REFUSED';
  }
  throw err;
}
