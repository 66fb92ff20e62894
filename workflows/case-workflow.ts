// One case, from intake to closure, as a durable workflow.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { acknowledgeRefusal } from '../domain/case-rules';
import { DEFAULT_POLICY, deadlineDuration, withOverrides } from '../domain/policy';
import type { CaseFacts } from '../domain/case-rules';
import type { RuleCode } from '../domain/rule-codes';
import { RULE_MESSAGES } from '../domain/rule-codes';
import type { CaseActivities } from './activity-types';
import type { CaseState } from './case-state';
import { caseView, initialState, moveToStage, nextEvent } from './case-state';
import type { AcknowledgeInput, CaseView, OpenCaseInput } from './contract';
import { acknowledgeUpdate, getCaseQuery } from './contract';
import { caseSearchAttributes } from './search-attribute-values';

const readModel = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  // The read model must catch up eventually, so a database outage is waited out, not given up on.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface CaseOutcome {
  caseId: string;
  status: CaseView['status'];
  stage: CaseView['stage'];
}

export async function caseWorkflow(input: OpenCaseInput): Promise<CaseOutcome> {
  const policy = withOverrides(DEFAULT_POLICY, input.policy ?? {});
  const s = initialState(input, policy, new Date());

  setHandler(getCaseQuery, () => caseView(s));
  setHandler(
    acknowledgeUpdate,
    async (cmd: AcknowledgeInput) => {
      const now = new Date();
      s.acknowledgedAt = now.toISOString();
      s.assignedWorker = cmd.assignedWorker ?? s.assignedWorker ?? cmd.actor.id;
      moveToStage(s, 'assessment', cmd.actor, now, 'first response made');
      setDeadline(s, 'assessment', now.getTime() + deadlineDuration(policy, 'assessment', input.riskLevel, input.category));
      publish(s);
      await readModel.recordCaseEvent(
        nextEvent(s, 'case.acknowledged', cmd.actor, now, { assignedWorker: s.assignedWorker }),
      );
      return caseView(s);
    },
    { validator: (cmd: AcknowledgeInput) => refuse(acknowledgeRefusal(facts(s), cmd.actor.role)) },
  );

  setDeadline(s, 'first_response', Date.now() + deadlineDuration(policy, 'first_response', input.riskLevel, input.category));
  publish(s);
  await readModel.recordCaseEvent(nextEvent(s, 'case.opened', input.openedBy, new Date(), { channel: input.report.channel }));

  await condition(() => s.status !== 'open');
  await condition(allHandlersFinished);
  return { caseId: input.caseId, status: s.status, stage: s.stage };
}

function facts(s: CaseState): CaseFacts {
  return { status: s.status, stage: s.stage, acknowledged: s.acknowledgedAt !== null };
}

/** Validators must throw to reject; a refused command leaves no event in the history. */
function refuse(code: RuleCode | undefined): void {
  if (code) throw ApplicationFailure.create({ type: code, message: RULE_MESSAGES[code].en, nonRetryable: true });
}

function setDeadline(s: CaseState, kind: string, dueAtMs: number): void {
  s.nextDeadline = { kind, dueAt: new Date(dueAtMs).toISOString() };
}

/** Pushes the indexable state to the Temporal UI: search attributes and current details, never personal data. */
function publish(s: CaseState): void {
  upsertSearchAttributes(
    caseSearchAttributes({
      category: s.input.category,
      pathway: s.input.pathway,
      riskLevel: s.input.riskLevel,
      regionCode: s.input.regionCode,
      stage: s.stage,
      status: s.status,
      assignedWorker: s.assignedWorker,
      escalationLevel: s.escalationLevel,
      nextDeadlineAt: s.nextDeadline ? new Date(s.nextDeadline.dueAt) : null,
    }),
  );
  const due = s.nextDeadline ? `next deadline: ${s.nextDeadline.kind} at ${s.nextDeadline.dueAt}` : 'no deadline';
  setCurrentDetails(`**${s.status}** · stage **${s.stage}** · escalation level ${s.escalationLevel} · ${due}`);
}
