// A partner or database call that keeps failing past its time budget escalates instead of retrying
// silently; it is resolved only when the call finally succeeds. `what` names the call (an activity
// name), never its data.
import type { DomainEvent } from '../case/changes';
import type { CaseFile } from '../case/file';
import { escalate } from '../ladder';
import type { Resolvers } from '../timing';
import { iso } from '../time';

export function integrationStalled(file: CaseFile, what: string, now: Date): DomainEvent[] {
  const key = `integration:${what}`;
  if (file.escalations.some((e) => e.key === key)) return [];
  file.version += 1;
  return [{ type: 'integration.stalled', data: { call: what } }, ...escalate(file, 'integration_stalled', what, key, iso(now))];
}

export function integrationRecovered(file: CaseFile, what: string): DomainEvent[] {
  const key = `integration:${what}`;
  const open = file.escalations.find((e) => e.key === key);
  if (!open) return [];
  file.escalations = file.escalations.filter((e) => e !== open);
  file.escalationLevel = file.escalations.reduce((max, e) => Math.max(max, e.level), 0);
  file.version += 1;
  return [{ type: 'escalation.resolved', data: { key, reason: open.reason, subject: what, level: open.level } }];
}

export const resolves: Resolvers<'integration_stalled'> = {
  // Resolved explicitly, by integrationRecovered, when the call finally succeeds.
  integration_stalled: () => false,
};
