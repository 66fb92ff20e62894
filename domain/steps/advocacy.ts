// Step 7, advocacy: what the case pursues on the person's behalf with other agencies — civil documents
// from Dukcapil, BPJS PBI, registration in DTSEN, legal aid, guardianship. Each item has a named worker
// and a target date from the policy; an overdue item escalates (more slowly than a missed deadline: the
// agencies take weeks); the case is not evaluated while an item is open unless a supervisor waives it.
// On every pathway and rules version: older histories never hold an item, so they replay unchanged.
import type { Ctx, DomainEvent } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { AdvocacyItem } from '../case/social-work';
import type { AdvocacyKind, AdvocacyStatus } from '../codes';
import type { Rules } from '../commands';
import { escalate } from '../ladder';
import { scaled } from '../policy';
import { SUPERVISORS, WORKERS } from '../roles';
import type { DueContext, Resolvers, Timers } from '../timing';
import { DAY, iso, plus } from '../time';
import { first, stageIs } from './guards';

/** Where an item stands: open until closed with an outcome or waived; in progress once a step is recorded. */
export function advocacyStatus(item: AdvocacyItem): AdvocacyStatus {
  if (item.waivedAt) return 'waived';
  if (item.closedAt) return 'closed';
  return item.steps.length ? 'in_progress' : 'open';
}

const isOpen = (item: AdvocacyItem) => !item.closedAt && !item.waivedAt;

export const openAdvocacyItems = (file: CaseFile): AdvocacyItem[] => (file.advocacy ?? []).filter(isOpen);

/** From the first assessment to the evaluation: advocacy goes on while the person is in care. */
const ADVOCACY_STAGES: CaseFile['stage'][] = ['assessment', 'planning', 'linking', 'implementation', 'monitoring', 'evaluation'];

/** One open item of a kind at a time ("other" may hold several matters). */
const duplicate = (file: CaseFile, kind: AdvocacyKind) => kind !== 'other' && openAdvocacyItems(file).some((i) => i.kind === kind);

function itemRefusal(file: CaseFile, itemId: string) {
  const item = file.advocacy?.find((i) => i.id === itemId);
  return first(item ? undefined : 'UNKNOWN_ITEM', item && !isOpen(item) ? 'ALREADY_RECORDED' : undefined);
}

function item(file: CaseFile, itemId: string): AdvocacyItem {
  return file.advocacy!.find((i) => i.id === itemId)!;
}

/** Opens an item with the policy's target (or the worker's, in days) and names who pursues it. */
export function openItem(file: CaseFile, kind: AdvocacyKind, source: AdvocacyItem['source'], ctx: Ctx, opts: { worker?: string; targetInDays?: number } = {}): DomainEvent {
  file.advocacy ??= [];
  const target = opts.targetInDays ? opts.targetInDays * DAY : ctx.policy.advocacyTargets[kind];
  const opened: AdvocacyItem = {
    id: `adv-${file.advocacy.length + 1}`,
    kind,
    source,
    openedAt: iso(ctx.now),
    openedBy: ctx.actor.id,
    worker: opts.worker ?? file.assignedWorker ?? ctx.actor.id,
    targetAt: plus(ctx.now, scaled(ctx.policy, target)),
    steps: [],
    closedAt: null,
    outcome: null,
    waivedAt: null,
    waivedBy: null,
  };
  file.advocacy.push(opened);
  return { type: 'advocacy.opened', data: { itemId: opened.id, kind, source, worker: opened.worker, targetAt: opened.targetAt } };
}

/** What the comprehensive assessment found needed opens as items (kinds already open are not doubled). */
export function openFromAssessment(file: CaseFile, kinds: readonly AdvocacyKind[] | undefined, ctx: Ctx): DomainEvent[] {
  return [...new Set(kinds ?? [])].filter((k) => !duplicate(file, k)).map((k) => openItem(file, k, 'assessment', ctx));
}

/** Step 8 waits for advocacy: an open item holds the evaluation until it is closed or waived. */
export const advocacyRefusal = (file: CaseFile) => (openAdvocacyItems(file).length ? 'ADVOCACY_OPEN' : undefined);

export const commands: Rules<'openAdvocacy' | 'recordAdvocacyStep' | 'closeAdvocacy' | 'waiveAdvocacy'> = {
  openAdvocacy: {
    roles: WORKERS,
    // Not once the evaluation is recorded: an item opened then would slip past the evaluation's gate.
    check: (file, cmd) => first(stageIs(file, ...ADVOCACY_STAGES), file.evaluation ? 'WRONG_STAGE' : undefined, duplicate(file, cmd.kind) ? 'ALREADY_RECORDED' : undefined),
    apply: (file, cmd, ctx) => [openItem(file, cmd.kind, 'staff', ctx, cmd)],
  },

  recordAdvocacyStep: {
    // A letter to Dukcapil, a visit to the BPJS office, a police report filed: the item is in progress.
    roles: WORKERS,
    check: (file, cmd) => itemRefusal(file, cmd.itemId),
    apply(file, cmd, ctx) {
      const it = item(file, cmd.itemId);
      it.steps.push({ at: iso(ctx.now), by: ctx.actor.id });
      return [{ type: 'advocacy.step_recorded', data: { itemId: it.id, kind: it.kind, steps: it.steps.length } }];
    },
  },

  closeAdvocacy: {
    roles: WORKERS,
    check: (file, cmd) => itemRefusal(file, cmd.itemId),
    apply(file, cmd, ctx) {
      const it = item(file, cmd.itemId);
      it.closedAt = iso(ctx.now);
      it.outcome = cmd.outcome;
      return [{ type: 'advocacy.closed', data: { itemId: it.id, kind: it.kind, outcome: cmd.outcome } }];
    },
  },

  waiveAdvocacy: {
    // The reason (e.g. "Dukcapil cannot issue without a court ruling; pursued after closure") goes to the notes.
    roles: SUPERVISORS,
    check: (file, cmd) => itemRefusal(file, cmd.itemId),
    apply(file, cmd, ctx) {
      const it = item(file, cmd.itemId);
      it.waivedAt = iso(ctx.now);
      it.waivedBy = ctx.actor.id;
      return [{ type: 'advocacy.waived', data: { itemId: it.id, kind: it.kind } }];
    },
  },
};

/** Closes what is left when the person has died — but the civil documents: the death certificate is still to be obtained. */
export function endAdvocacy(file: CaseFile, ctx: Ctx): DomainEvent[] {
  return openAdvocacyItems(file).filter((it) => it.kind !== 'civil_documents').map((it) => {
    it.closedAt = iso(ctx.now);
    it.outcome = 'not_achieved';
    return { type: 'advocacy.closed', data: { itemId: it.id, kind: it.kind, outcome: 'not_achieved' } };
  });
}

export function due({ file, add }: DueContext): void {
  for (const it of openAdvocacyItems(file)) add(`advocacy:${it.id}:${it.targetAt}`, it.targetAt, 'advocacy_overdue', it.kind);
}

export const timers: Timers<'advocacy_overdue'> = {
  advocacy_overdue: {
    deadline: true,
    fire(file, due) {
      const it = file.advocacy!.find((i) => due.key === `advocacy:${i.id}:${i.targetAt}`)!;
      const raised = escalate(file, 'advocacy_overdue', it.id, due.key, due.at);
      return [{ type: 'advocacy.overdue', data: { itemId: it.id, kind: it.kind, worker: it.worker, targetAt: it.targetAt } }, ...raised];
    },
  },
};

export const resolves: Resolvers<'advocacy_overdue'> = {
  advocacy_overdue: (file, e) => !openAdvocacyItems(file).some((i) => i.id === e.subject),
};
