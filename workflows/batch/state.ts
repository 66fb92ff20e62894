// What a group repatriation batch knows: its status, the receiving agency, where each member stands, its
// trip plans and what compensation undid. The Query shows it; the read model shows a summary of it.
import type { BatchStatus, ReturneeStatus } from '../../domain/group-trip';
import type { BatchView, GroupRepatriationInput, ReceptionDecision, TripPlan } from './contract';

export class BatchState {
  status: BatchStatus = 'gathering';
  originAgency: string;
  readonly members: Map<string, ReturneeStatus>;
  readonly plans: TripPlan[] = [];
  readonly compensations: BatchView['compensations'] = [];
  /** The origin Dinsos's word on the current plan, once it has spoken. */
  reception: ReceptionDecision | null = null;
  readonly seenReports = new Set<string>();
  replanRequested = false;
  /** Batches since "reception first": a stopped plan waiting for the supervisor. */
  escalation: BatchView['escalation'] = null;

  constructor(private readonly input: GroupRepatriationInput) {
    this.originAgency = input.originAgency;
    this.members = new Map(input.members.map((m) => [m.caseId, 'preparing']));
  }

  /** Members whose status is one of these. */
  inState(...states: ReturneeStatus[]): string[] {
    return [...this.members].filter(([, s]) => states.includes(s)).map(([id]) => id);
  }

  newPlan(travellers: string[]): TripPlan {
    const plan: TripPlan = { version: this.plans.length + 1, members: travellers, booked: false, outcome: 'pending', reason: null };
    this.plans.push(plan);
    return plan;
  }

  view(): BatchView {
    return {
      batchId: this.input.batchId,
      status: this.status,
      regionCode: this.input.regionCode,
      originRegionCode: this.input.originRegionCode,
      originAgency: this.originAgency,
      plans: this.plans.map((p) => ({ ...p, members: [...p.members] })),
      members: [...this.members].map(([caseId, s]) => ({ caseId, status: s })),
      compensations: [...this.compensations],
      escalation: this.escalation,
    };
  }
}
