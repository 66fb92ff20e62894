// One case, from intake to closure, as a durable workflow. The rules live in domain/ (pure functions);
// this keeps the case file, waits for people, partners and time, and records what happened.
import { CancellationScope, allHandlersFinished, condition, continueAsNew, isCancellation, patched, workflowInfo } from '@temporalio/workflow';
import type { CaseFile } from '../../domain/case/file';
import { handoffDefaults, openCaseFile } from '../../domain/case/open';
import { joinGroup } from '../../domain/group-trip';
import type { Policy } from '../../domain/policy';
import { DEFAULT_POLICY, withOverrides } from '../../domain/policy';
import { SYSTEM_ACTOR } from '../../domain/roles';
import { fireDue } from '../../domain/scheduler';
import { isFinished } from '../../domain/steps/closure';
import { execute } from '../../domain/steps/index';
import { CaseClock, LAZY_TIMERS_PATCH } from './clock';
import type { CaseOutcome, CaseWorkflowInput } from './contract';
import { groupReporter } from './group-report';
import { handleMessages } from './handlers';
import { PartnerCalls } from './partner-calls';
import { CaseRecorder, FAST_COMMANDS_PATCH, ONE_WRITE_PER_STEP_PATCH, PUBLISH_AFTER_WRITE_PATCH } from './recorder';
import { publish } from './view';

/** Cases of deployments with partner services call them; this marks where that began. */
export const PARTNER_INTEGRATION_PATCH = 'partner-integration-v1';

/**
 * Cases opened before the escalation ladder keep their time rules (v1) so their histories replay; cases
 * opened after it, rules v2. Remove with deprecatePatch() once no v1 case is open.
 */
export const ESCALATION_LADDER_PATCH = 'escalation-ladder-v2';

/**
 * Cases opened since hand-offs between agencies follow practice (rapid assessment and pathway decision,
 * the RSJ stay with discharge and pick-up, family tracing on every pathway, transfers the receiver
 * accepts) run rules v3; earlier cases keep v1/v2.
 */
export const HANDOFFS_PATCH = 'agency-handoffs-v3';

/** Cases opened since then are evaluated before closure is requested (rules v4). */
export const EVALUATION_REQUIRED_PATCH = 'evaluation-required-v4';

/** Cases opened since then assess a person who cannot consent only on a supervisor's best-interest decision (rules v5). */
export const CONSENT_BY_CAPACITY_PATCH = 'consent-by-capacity-v5';

/**
 * Cases opened since then run the social work inside the case (rules v6): plans with goals whose services
 * keep their own schedules and may be revised at a review, closure outcomes that match what was recorded,
 * a guardian's consent only once appointed, the ladder per reason and risk.
 */
export const SOCIAL_WORK_PATCH = 'social-work-v6';

/** Long cases start a fresh history well before Temporal's limits. */
const HISTORY_EVENTS_BEFORE_CONTINUE = 8_000;

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseOutcome> {
  const policy: Policy = withOverrides(DEFAULT_POLICY, input.policy ?? {});
  const file = input.resume ? upgraded(input.resume.file) : opened(input);
  const queued = patched(FAST_COMMANDS_PATCH);
  const oneWrite = queued && patched(ONE_WRITE_PER_STEP_PATCH);
  const recorder = new CaseRecorder(file, policy, input.resume?.seq ?? 0, groupReporter(file), queued, oneWrite, oneWrite && patched(PUBLISH_AFTER_WRITE_PATCH));
  const partners = new PartnerCalls(file, policy, recorder, input.subject.nik);
  const clock = new CaseClock(patched(LAZY_TIMERS_PATCH));
  handleMessages(file, input, policy, recorder);
  recorder.drain().catch((err: unknown) => {
    // Cancelled with the case: the clean-up below writes what is left.
    if (!isCancellation(err)) throw err;
  });

  try {
    if (input.resume) publish(file, policy);
    else await recorder.record([{ type: 'case.opened', data: { channel: input.report.channel, pathway: file.pathway } }], input.openedBy);
    while (!isFinished(file)) {
      partners.start();
      await clock.next(file, policy);
      await recorder.record(fireDue(file, new Date(), policy), SYSTEM_ACTOR);
      const info = workflowInfo();
      if (info.continueAsNewSuggested || info.historyLength > (input.historyLimit ?? HISTORY_EVENTS_BEFORE_CONTINUE)) {
        await condition(() => allHandlersFinished() && partners.idle && recorder.idle);
        await continueAsNew<typeof caseWorkflow>({ ...input, resume: { file, seq: recorder.seq } });
      }
    }
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancelling the workflow withdraws the case, with the same clean-up as a supervisor's withdrawal.
    await CancellationScope.nonCancellable(async () => {
      await recorder.flushUnsent();
      const system = { ...SYSTEM_ACTOR };
      const withdrawal = { actor: system, now: new Date(), policy };
      if (file.status === 'open') await recorder.record(execute(file, { type: 'withdraw', reason: 'workflow cancelled' }, withdrawal), system);
      await partners.runPending();
      // A queued recorder's writer went with the cancellation: what the clean-up recorded is written here.
      if (recorder.queued) await recorder.flushUnsent();
    });
    throw err;
  }
  // A withdrawn case still tells partners what is off (a booked vehicle); then it ends once everything
  // is written. A case cancelled meanwhile still writes what its queue holds (its last records).
  try {
    await condition(() => partners.idle);
    await partners.runPending();
    await condition(() => allHandlersFinished() && recorder.idle);
  } catch (err) {
    if (!isCancellation(err) || !recorder.queued) throw err;
    await CancellationScope.nonCancellable(() => recorder.flushUnsent());
    throw err;
  }
  return { caseId: file.caseId, status: file.status, stage: file.stage, outcome: file.closure?.outcome ?? null };
}

/** A new case file; the patches mark which rules it runs under (order matters for replay). */
function opened(input: CaseWorkflowInput): CaseFile {
  const rules = patched(SOCIAL_WORK_PATCH)
    ? 6
    : patched(CONSENT_BY_CAPACITY_PATCH)
      ? 5
      : patched(EVALUATION_REQUIRED_PATCH)
        ? 4
        : patched(HANDOFFS_PATCH)
          ? 3
          : patched(ESCALATION_LADDER_PATCH)
            ? 2
            : 1;
  // The clocks run from the report's arrival; a workflow task that comes late (a backlog) does not delay them.
  const now = new Date();
  const received = input.receivedAt ? new Date(input.receivedAt) : now;
  const file = openCaseFile(input, received < now ? received : now, rules);
  // A child, whatever the cluster: the guardian and consent rules of children apply (rules v6).
  if (rules >= 6 && input.subject.estimatedAge !== undefined && input.subject.estimatedAge < 18) file.minor = true;
  if (input.partnerIntegration && patched(PARTNER_INTEGRATION_PATCH)) file.integration = { calls: {} };
  if (input.group) joinGroup(file, input.group.batchId, input.openedBy, new Date());
  // Plain data, no command: a real case (no training) issues exactly what it did before.
  if (input.training) file.training = { ...input.training };
  return file;
}

/** A case file carried over by continue-as-new from older code lacks later fields: v1 rules, no hand-offs. */
function upgraded(file: CaseFile): CaseFile {
  file.rules ??= 1;
  file.escalations ??= [];
  file.deadlineAdjustment ??= null;
  return { ...handoffDefaults(), ...file };
}
