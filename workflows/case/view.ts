// What the case shows of itself: to staff (the Query), to the read model (a projection on every
// timeline record) and to supervisors in the Temporal Web UI (search attributes, current details).
// Only the Query carries personal data; the other two never do.
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type { CaseProjection } from '../../domain/case/events';
import type { CaseFile } from '../../domain/case/file';
import type { Policy } from '../../domain/policy';
import { nextDeadline } from '../../domain/scheduler';
import { currentDetails } from '../../domain/case/ui-texts';
import { advocacyStatus } from '../../domain/steps/advocacy';
import { caseSearchAttributes } from '../search-attributes';
import type { CaseView, CaseWorkflowInput, CommandResult } from './contract';
import { caseWorkflowId } from './contract';

export function caseView(file: CaseFile, input: CaseWorkflowInput, policy: Policy, timelineLength: number): CaseView {
  const { fired: _fired, partnerReports: _reports, version: _version, integration: _integration, advocacy, ...rest } = file;
  const due = nextDeadline(file, policy);
  return {
    ...rest,
    advocacy: (advocacy ?? []).map((item) => ({ ...item, status: advocacyStatus(item) })),
    subject: input.subject,
    report: input.report,
    nextDeadline: due ? { kind: due.label, dueAt: due.at } : null,
    policyVersion: policy.version,
    timelineLength,
  };
}

/** The answer to a command: the view without the notes written before it (`notesBefore` of them). */
export function commandResult(view: CaseView, notesBefore: number): CommandResult {
  const { notes, ...rest } = view;
  return { ...rest, notesCount: notes.length, newNotes: notes.slice(notesBefore) };
}

export function projection(file: CaseFile, policy: Policy): CaseProjection {
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
    ...(file.rules >= 3 ? { access: file.access, transfer: transferSummary(file) } : {}),
    ...(file.training ? { trainingSessionId: file.training.sessionId } : {}),
  };
}

function transferSummary(file: CaseFile): CaseProjection['transfer'] {
  const t = file.transfers.at(-1);
  return t ? { status: t.status, toRegion: t.regionCode, unitCode: t.unitCode } : null;
}

/** The region a transfer waits on for its decision, if one does. */
function awaitingTransfer(file: CaseFile): string | null {
  const t = file.transfers?.at(-1);
  return t?.status === 'requested' ? t.regionCode : null;
}

/** The search attributes last published, by name, as text: what the next publish compares with. */
export type Published = Record<string, string>;

/**
 * Pushes the indexable state to the Temporal UI: search attributes and current details, never personal
 * data. Given what was published last, only the attributes that changed are upserted, and nothing when
 * none did (each upsert is a command, a history event and a visibility write); returns what is published now.
 */
export function publish(file: CaseFile, policy: Policy, last?: Published): Published {
  const due = nextDeadline(file, policy);
  const pairs = caseSearchAttributes({
    category: file.category,
    pathway: file.pathway,
    riskLevel: file.riskLevel,
    regionCode: file.regionCode,
    stage: file.stage,
    status: file.status,
    assignedWorker: file.assignedWorker,
    escalationLevel: file.escalationLevel,
    nextDeadlineAt: due ? new Date(due.at) : null,
    transferTo: awaitingTransfer(file),
  });
  const now: Published = Object.fromEntries(pairs.map((p) => [p.key.name, JSON.stringify(p.value instanceof Date ? p.value.toISOString() : p.value)]));
  const changed = last === undefined ? pairs : pairs.filter((p) => now[p.key.name] !== last[p.key.name]);
  if (changed.length) upsertSearchAttributes(changed);
  // Where the case is, what it waits for and until when, in Indonesian and the region's time.
  setCurrentDetails(currentDetails(file, due));
  return now;
}
