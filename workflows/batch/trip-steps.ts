// The steps a trip plan is made of — ask the origin Dinsos to receive the group, book the shared vehicle
// and tell the members, wait for the departure window and the arrivals, undo in reverse order — shared by
// the plan in the order practice requires (trip.ts) and the one older batches replay (trip-v1.ts), which
// differ only in the order of the steps and in what follows a compensation.
import { condition } from '@temporalio/workflow';
import type { ReturneeStatus } from '../../domain/group-trip';
import type { Policy } from '../../domain/policy';
import { scaled } from '../../domain/policy';
import { partnerActivities } from '../activity-options';
import type { GroupRepatriationInput, TripPlan } from './contract';
import { batchRef } from './contract';
import { tellCases } from './members';
import type { BatchReadModel } from './read-model';
import type { BatchState } from './state';

interface Undo {
  step: string;
  run(): Promise<unknown>;
}

/** How a plan names a failed partner call: `label` prefixes a failed compensation, `of` gives the reason (or rethrows). */
export interface Failures {
  label: string;
  of(err: unknown): string;
}

export abstract class TripSteps {
  private readonly undo: Undo[] = [];
  protected readonly partners: ReturnType<typeof partnerActivities>;

  constructor(
    protected readonly input: GroupRepatriationInput,
    protected readonly policy: Policy,
    protected readonly batch: BatchState,
    protected readonly readModel: BatchReadModel,
    protected readonly plan: TripPlan,
    budgeted: boolean,
    private readonly failures: Failures,
  ) {
    this.partners = partnerActivities(policy, { budgeted });
  }

  /** Runs the plan; resolves to null once everyone travelled, or to why it stopped (not yet compensated). */
  abstract run(): Promise<string | null>;

  /** Undoes what was done and waits for a supervisor to re-plan. */
  abstract compensate(reason: string): Promise<void>;

  /** Books the shared vehicle and tells the members; each is undone on compensation. */
  protected async book(): Promise<string | null> {
    const travellers = this.plan.members;
    await this.enter('booking');
    const bookingKey = `${batchRef(this.input.batchId)}:transport:v${this.plan.version}`;
    let bookingId: string;
    try {
      bookingId = await this.partners.bookTransport({ kind: 'transport.book', key: bookingKey, leg: 'home', from: this.input.regionCode, to: this.input.originRegionCode, caseRefs: travellers });
    } catch (err) {
      return `transport:${this.failures.of(err)}`;
    }
    this.plan.booked = true;
    this.undo.push({ step: 'transport.cancelled', run: () => this.partners.cancelTransport({ kind: 'transport.cancel', key: `${bookingKey}:cancel`, leg: 'home', bookingId }) });
    await tellCases(travellers, 'booked', this.plan.version);
    this.undo.push({ step: 'cases.told', run: () => tellCases(travellers, 'cancelled', this.plan.version) });
    return null;
  }

  /** The origin Dinsos is asked to receive the group; its answer comes by callback, within a deadline. */
  protected async askReception(): Promise<string | null> {
    await this.openReception();
    try {
      await this.partners.requestAdmission({
        kind: 'referral.admit',
        key: `${batchRef(this.input.batchId)}:reception:v${this.plan.version}`,
        partner: 'origin_dinsos',
        facilityCode: this.batch.originAgency,
        attempt: this.plan.version,
        caseId: batchRef(this.input.batchId),
      });
    } catch (err) {
      return `reception:${this.failures.of(err)}`;
    }
    const decided = await condition(() => this.batch.reception !== null, scaled(this.policy, this.policy.fixed.origin_acceptance));
    if (!decided) return 'reception:no_answer';
    return this.batch.reception!.accepted ? null : 'reception:declined';
  }

  /** The vehicle has its departure window; a trip that never leaves is undone like any other failure. */
  protected async travel(): Promise<string | null> {
    const travellers = this.plan.members;
    await this.enter('travelling');
    const on = (...states: ReturneeStatus[]) => travellers.filter((id) => states.includes(this.batch.members.get(id)!));
    const left = await condition(() => on('departed', 'arrived').length > 0 || on('withdrawn').length === travellers.length, scaled(this.policy, this.policy.fixed.group_departure));
    if (!left) return 'transport:no_departure';
    await condition(() => on('arrived', 'withdrawn').length === travellers.length);
    this.plan.outcome = 'travelled';
    return null;
  }

  /** Runs the undo steps in reverse order and leaves the batch waiting for a re-plan. */
  protected async undoAll(reason: string): Promise<void> {
    for (const step of this.undo.reverse()) {
      let outcome = 'done';
      try {
        await step.run();
      } catch (err) {
        // A compensation the partner refuses (the vehicle has already left) is recorded for the
        // supervisor, not allowed to stop the rest of the clean-up.
        outcome = `${this.failures.label}:${this.failures.of(err)}`;
      }
      this.batch.compensations.push({ planVersion: this.plan.version, step: step.step, outcome, at: new Date().toISOString() });
    }
    this.plan.outcome = this.plan.booked ? 'compensated' : 'refused';
    this.plan.reason = reason;
    this.batch.status = 'replanning';
    this.batch.replanRequested = false;
  }

  /** Forgets any earlier plan's answer, then shows the batch waiting for this one. */
  protected async openReception(): Promise<void> {
    this.batch.reception = null;
    await this.enter('confirming');
  }

  protected async enter(status: 'confirming' | 'booking' | 'travelling'): Promise<void> {
    this.batch.status = status;
    await this.readModel.publish();
  }
}
