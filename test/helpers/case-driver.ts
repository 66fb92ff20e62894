// Drives a case file through the pure rules on a clock of its own: commands at given moments, timers
// fired up to a moment. For unit tests of the domain, without Temporal.
import type { DomainEvent } from '../../domain/case/changes';
import type { CaseFile } from '../../domain/case/file';
import { openCaseFile } from '../../domain/case/open';
import type { Category, Pathway } from '../../domain/categories';
import type { CaseCommand } from '../../domain/commands';
import type { Policy } from '../../domain/policy';
import { DEFAULT_POLICY } from '../../domain/policy';
import type { Actor } from '../../domain/roles';
import { fireDue } from '../../domain/scheduler';
import { execute, refusal } from '../../domain/steps/index';

export const T0 = new Date('2026-03-02T08:00:00Z');
export const OP: Actor = { id: 'op-1', role: 'operator' };
export const CM: Actor = { id: 'cm-1', role: 'case_manager' };
export const SPV: Actor = { id: 'spv-1', role: 'supervisor' };
export const SPV2: Actor = { id: 'spv-2', role: 'supervisor' };
export const RSJ: Actor = { id: 'RSJ-ATMA-HUSADA', role: 'partner' };

export class CaseDriver {
  now = T0;

  constructor(
    readonly file: CaseFile,
    readonly policy: Policy = DEFAULT_POLICY,
  ) {}

  static open(category: Category, pathway: Pathway, opts: { rules?: CaseFile['rules']; regionCode?: string; policy?: Policy } = {}): CaseDriver {
    const file = openCaseFile({ caseId: 'c0ffee00-0000-4000-8000-000000000001', category, pathway, riskLevel: 'high', regionCode: opts.regionCode ?? '64.71', openedBy: OP }, T0, opts.rules ?? 3);
    return new CaseDriver(file, opts.policy ?? DEFAULT_POLICY);
  }

  /** An ODGJ case the RSJ admitted: referral accepted `acceptedAfter` ms after intake, the person arrived, funded when asked. */
  static admittedToRsj(opts: { acceptedAfter?: number; funded?: boolean; partnerIntegration?: boolean } = {}): CaseDriver {
    const c = CaseDriver.open('odgj_terlantar', 'odgj');
    c.decide('odgj');
    if (opts.partnerIntegration) c.file.integration = { calls: {} };
    c.act(CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-ATMA-HUSADA' });
    c.at(opts.acceptedAfter ?? 0);
    c.act(RSJ, { type: 'recordReferralDecision', accepted: true });
    c.act(CM, { type: 'recordTransport', leg: 'to_facility', event: 'arrived' });
    if (opts.funded) c.act(CM, { type: 'recordFundingGuarantee', scheme: 'bpjs_pbi' });
    return c;
  }

  /** Moves the clock to T0 + ms (never backwards) and fires what fell due on the way. */
  at(ms: number): DomainEvent[] {
    const when = new Date(T0.getTime() + ms);
    if (when > this.now) this.now = when;
    return fireDue(this.file, this.now, this.policy);
  }

  act(actor: Actor, command: CaseCommand): DomainEvent[] {
    return execute(this.file, command, { actor, now: this.now, policy: this.policy });
  }

  refusal(actor: Actor, command: CaseCommand, scope?: string[]) {
    return refusal(this.file, command, { actor, now: this.now, policy: this.policy, ...(scope ? { scope } : {}) });
  }

  types(events: DomainEvent[]): string[] {
    return events.map((e) => `${e.type}${e.type === 'escalation.raised' ? `:${e.data.reason}:${e.data.level}` : ''}`);
  }

  /** The pathway decided after a rapid assessment (a case in the assessment stage afterwards, or in linking for facility care). */
  decide(pathway: Pathway, extra: Partial<Extract<CaseCommand, { type: 'recordRapidAssessment' }>> = {}): void {
    this.act(CM, { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'has_capacity', needs: [], ...extra });
    this.act(SPV, { type: 'decidePathway', pathway });
  }
}
