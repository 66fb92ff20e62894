// One trip plan as a saga: book the shared vehicle, tell the members, ask the origin Dinsos to receive
// the group (it must answer within its deadline), wait for the departure window and the arrivals. When
// a step after the booking fails, compensate in reverse order — cancel the booking, tell each case the
// trip is off — while the shelter places stay taken, so nobody is left without a bed.
import { condition } from '@temporalio/workflow';
import type { ReturneeStatus } from '../../domain/group-trip';
import type { Policy } from '../../domain/policy';
import { scaled } from '../../domain/policy';
import { partnerActivities, refusalCode } from '../activity-options';
import type { GroupRepatriationInput, TripPlan } from './contract';
import { batchRef } from './contract';
import { tellCases } from './members';
import type { BatchReadModel } from './read-model';
import type { BatchState } from './state';

interface Undo {
  step: string;
  run(): Promise<unknown>;
}

/** The partner's refusal code; anything else (a cancellation) goes on up. */
function refused(err: unknown): string {
  const code = refusalCode(err);
  if (!code) throw err;
  return code;
}

export class TripAttempt {
  private readonly undo: Undo[] = [];
  private readonly partners: ReturnType<typeof partnerActivities>;

  constructor(
    private readonly input: GroupRepatriationInput,
    private readonly policy: Policy,
    private readonly batch: BatchState,
    private readonly readModel: BatchReadModel,
    private readonly plan: TripPlan,
  ) {
    this.partners = partnerActivities(policy, { budgeted: false });
  }

  /** Runs the plan; resolves to null once everyone travelled, or to why it failed (not yet compensated). */
  async run(): Promise<string | null> {
    const travellers = this.plan.members;
    await this.enter('booking');
    const bookingKey = `${batchRef(this.input.batchId)}:transport:v${this.plan.version}`;
    let bookingId: string;
    try {
      bookingId = await this.partners.bookTransport({ kind: 'transport.book', key: bookingKey, leg: 'home', from: this.input.regionCode, to: this.input.originRegionCode, caseRefs: travellers });
    } catch (err) {
      return `transport:${refused(err)}`;
    }
    this.plan.booked = true;
    this.undo.push({ step: 'transport.cancelled', run: () => this.partners.cancelTransport({ kind: 'transport.cancel', key: `${bookingKey}:cancel`, leg: 'home', bookingId }) });
    await tellCases(travellers, 'booked', this.plan.version);
    this.undo.push({ step: 'cases.told', run: () => tellCases(travellers, 'cancelled', this.plan.version) });

    const reception = await this.askReception();
    if (reception) return reception;

    await this.enter('travelling');
    // The vehicle has its departure window; a trip that never leaves is undone like any other failure.
    const on = (...states: ReturneeStatus[]) => travellers.filter((id) => states.includes(this.batch.members.get(id)!));
    const left = await condition(() => on('departed', 'arrived').length > 0 || on('withdrawn').length === travellers.length, scaled(this.policy, this.policy.fixed.group_departure));
    if (!left) return 'transport:no_departure';
    await condition(() => on('arrived', 'withdrawn').length === travellers.length);
    this.plan.outcome = 'travelled';
    return null;
  }

  /** Undoes what was done, in reverse order, and waits for a supervisor to re-plan. */
  async compensate(reason: string): Promise<void> {
    for (const step of this.undo.reverse()) {
      let outcome = 'done';
      try {
        await step.run();
      } catch (err) {
        // A compensation the partner refuses (the vehicle has already left) is recorded for the
        // supervisor, not allowed to stop the rest of the clean-up.
        outcome = `refused:${refused(err)}`;
      }
      this.batch.compensations.push({ planVersion: this.plan.version, step: step.step, outcome, at: new Date().toISOString() });
    }
    this.plan.outcome = this.plan.booked ? 'compensated' : 'refused';
    this.plan.reason = reason;
    this.batch.status = 'replanning';
    this.batch.replanRequested = false;
    await this.readModel.publish();
    await condition(() => this.batch.replanRequested);
  }

  /** The origin Dinsos is asked to receive the group; its answer comes by callback, within a deadline. */
  private async askReception(): Promise<string | null> {
    await this.enter('confirming');
    this.batch.reception = null;
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
      return `reception:${refused(err)}`;
    }
    const decided = await condition(() => this.batch.reception !== null, scaled(this.policy, this.policy.fixed.origin_acceptance));
    if (!decided) return 'reception:no_answer';
    return this.batch.reception!.accepted ? null : 'reception:declined';
  }

  private async enter(status: 'booking' | 'confirming' | 'travelling'): Promise<void> {
    this.batch.status = status;
    await this.readModel.publish();
  }
}
