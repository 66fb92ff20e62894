// What a case is waiting for, and what happens when a moment passes. Generic: each step says which of
// its moments are due (in the order below, which also breaks ties) and what firing one does; the
// workflow sleeps until the earliest moment (or until someone acts) and then calls `fireDue`.
import type { DomainEvent } from './case/changes';
import type { CaseFile } from './case/file';
import * as deadlines from './deadlines';
import * as ladder from './ladder';
import type { Policy } from './policy';
import * as advocacy from './steps/advocacy';
import * as closure from './steps/closure';
import * as exit from './steps/exit';
import * as facilityCare from './steps/facility-care';
import * as familyTracing from './steps/family-tracing';
import * as goingHome from './steps/going-home';
import { TIMERS, settle } from './steps/index';
import * as oversight from './steps/oversight';
import * as services from './steps/services';
import * as transfer from './steps/transfer';
import type { DueContext, DueItem } from './timing';
import { ms } from './time';

const OPEN_CASE_MOMENTS: ((due: DueContext) => void)[] = [
  deadlines.due,
  oversight.due,
  ladder.due,
  facilityCare.due,
  familyTracing.due,
  goingHome.due,
  services.due,
  transfer.due,
  advocacy.due,
  exit.due,
];

/**
 * Rules v6: once the services ended early (ran away, died, …) nothing of the stay, the tracing, the trip or
 * the advocacy is due any more; the watchdog and the ladder of what is still open remain.
 */
const AFTER_EXIT_MOMENTS: ((due: DueContext) => void)[] = [deadlines.due, oversight.due, ladder.due];

export function dueItems(file: CaseFile, policy: Policy): DueItem[] {
  const items: DueItem[] = [];
  const add = (key: string, at: string, trigger: DueItem['trigger'], label: string = trigger) => {
    if (!file.fired.includes(key)) items.push({ key, at, trigger, label });
  };
  const context = (): DueContext => ({ file, policy, deadline: deadlines.currentDeadline(file, policy), add });
  if (file.status === 'closed') closure.dueAfterClosing(context());
  if (file.status !== 'open') return items;
  const due = context();
  for (const moments of file.exit ? AFTER_EXIT_MOMENTS : OPEN_CASE_MOMENTS) moments(due);
  return items;
}

export function nextDue(file: CaseFile, policy: Policy): DueItem | undefined {
  return dueItems(file, policy).sort((a, b) => ms(a.at) - ms(b.at))[0];
}

/**
 * The next moment someone must act by: what staff, supervisors and the search attribute show. A step
 * deadline that has passed stays the answer until the step is done, so overdue cases sort first.
 */
export function nextDeadline(file: CaseFile, policy: Policy): DueItem | undefined {
  const items = dueItems(file, policy).filter((i) => TIMERS[i.trigger].deadline);
  const current = deadlines.currentDeadline(file, policy);
  if (current?.dueAt) items.push({ key: `deadline:${current.key}`, at: current.dueAt, trigger: 'deadline', label: current.kind });
  return items.sort((a, b) => ms(a.at) - ms(b.at))[0];
}

/** Fires every moment that has passed, earliest first; each may change what else is due. */
export function fireDue(file: CaseFile, now: Date, policy: Policy): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (let item = nextDue(file, policy); item && ms(item.at) <= now.getTime(); item = nextDue(file, policy)) {
    file.fired.push(item.key);
    events.push(...TIMERS[item.trigger].fire(file, item, now, policy));
    events.push(...settle(file, policy));
  }
  if (events.length) file.version += 1;
  return events;
}
