// The case's partner calls (an RSJ admission request, a transport booking or cancellation, a family-
// tracing lookup), each run beside the case so that its timers keep running: until the partner answers
// (an outage past the budget escalates, see the recorder), or refuses, which the case records as such.
import { isCancellation } from '@temporalio/workflow';
import type { CaseFile } from '../../domain/case/file';
import type { CallResult, PartnerCall } from '../../domain/integration/calls';
import { applyCallResult, pendingCalls } from '../../domain/integration/calls';
import { integrationRecovered } from '../../domain/integration/stalls';
import type { Policy } from '../../domain/policy';
import { SYSTEM_ACTOR } from '../../domain/roles';
import { partnerActivities, refusalCode } from '../activity-options';
import type { CaseRecorder } from './recorder';
import { partnerCallSummary } from '../../domain/case/ui-texts';

export class PartnerCalls {
  /** Calls in flight, by idempotency key. */
  private readonly inflight = new Set<string>();
  private readonly partners: ReturnType<typeof partnerActivities>;

  constructor(
    private readonly file: CaseFile,
    policy: Policy,
    private readonly recorder: CaseRecorder,
    /** The NIK, when known, helps the civil registry; it travels only in the encrypted activity input. */
    private readonly nik: string | undefined,
  ) {
    this.partners = partnerActivities(policy, { budgeted: true });
  }

  get idle(): boolean {
    return this.inflight.size === 0;
  }

  /** Starts every call the case needs now and is not already making. */
  start(): void {
    for (const call of pendingCalls(this.file)) {
      if (this.inflight.has(call.key)) continue;
      this.inflight.add(call.key);
      this.run(call)
        .catch((err: unknown) => {
          // Cancelled with the case: the clean-up decides what still has to be said to partners.
          if (!isCancellation(err)) throw err;
        })
        .finally(() => this.inflight.delete(call.key));
    }
  }

  /** Makes the calls still needed one by one (a withdrawn case telling partners what is off). */
  async runPending(): Promise<void> {
    for (const call of pendingCalls(this.file)) await this.run(call);
  }

  private async run(call: PartnerCall): Promise<void> {
    const what = `partner:${call.kind}`;
    let result: CallResult;
    try {
      const ref = await this.recorder.durably(what, () => this.invoke(call), (stalled) => this.recorder.record(stalled, SYSTEM_ACTOR));
      result = { outcome: 'accepted', ref: ref ?? call.key };
    } catch (err) {
      const code = refusalCode(err);
      if (!code) throw err;
      result = { outcome: 'refused', code };
    }
    await this.recorder.record([...applyCallResult(this.file, call, result, new Date()), ...integrationRecovered(this.file, what)], SYSTEM_ACTOR);
  }

  /** A NIK recorded after intake (a document found, the family) is the better one to trace with. */
  private knownNik(): { nik?: string } {
    const nik = this.file.identity?.nik ?? this.nik;
    return nik ? { nik } : {};
  }

  private invoke(call: PartnerCall): Promise<string | void> {
    const caseId = this.file.caseId;
    // The event history says what each call is, in the words a Kasi reads.
    const said = { summary: partnerCallSummary(call, this.file.regionCode) };
    switch (call.kind) {
      case 'referral.admit':
        return this.partners.requestAdmission.executeWithOptions(said, [{ ...call, caseId }]);
      case 'transport.book':
        return this.partners.bookTransport.executeWithOptions(said, [{ ...call, caseRefs: [caseId] }]);
      case 'transport.cancel':
        return this.partners.cancelTransport.executeWithOptions(said, [call]);
      case 'tracing.lookup':
        return this.partners.requestFamilyTracing.executeWithOptions(said, [{ ...call, caseId, ...this.knownNik() }]);
    }
  }
}
