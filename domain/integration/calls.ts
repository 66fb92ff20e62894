// What the case needs from partner services right now (an RSJ admission request, a transport booking,
// a civil-registry lookup, a cancellation), derived from the case file alone; and what their answers
// mean for the case. Pure: the workflow runs the calls as activities and hands the results back here.
import type { DomainEvent } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { ReferralPartner, TransportLeg } from '../codes';
import { TRANSPORT_LEGS } from '../codes';
import { inFacilityCare } from '../steps/facility-care';
import { familyCanReceive } from '../steps/family-tracing';
import { iso } from '../time';

/** Failure type of a partner's business refusal (the activity's non-retryable failure); details carry its code. */
export const PARTNER_REFUSAL = 'PartnerRefusal';

export type PartnerCall =
  | { kind: 'referral.admit'; key: string; partner: ReferralPartner; facilityCode: string; attempt: number }
  | { kind: 'transport.book'; key: string; leg: TransportLeg; from: string; to: string }
  | { kind: 'transport.cancel'; key: string; leg: TransportLeg; bookingId: string }
  | { kind: 'tracing.lookup'; key: string };

/** The partner's answer: accepted with its reference, or refused for a business reason (never retried). */
export type CallResult = { outcome: 'accepted'; ref: string } | { outcome: 'refused'; code: string };

/**
 * Idempotency keys: one per case and step, so that a retried activity, a replayed workflow or a
 * continue-as-new can never book or request twice.
 */
export const callKeys = {
  referral: (caseId: string, attempt: number) => `${caseId}:referral:${attempt}`,
  booking: (caseId: string, leg: TransportLeg) => `${caseId}:transport:${leg}`,
  cancellation: (caseId: string, leg: TransportLeg) => `${caseId}:transport:${leg}:cancel`,
  tracing: (caseId: string) => `${caseId}:tracing`,
};

export function pendingCalls(file: CaseFile): PartnerCall[] {
  const calls = file.integration?.calls;
  if (!calls) return [];
  const wanted: PartnerCall[] = [];
  const booked = (leg: TransportLeg) => calls[callKeys.booking(file.caseId, leg)];
  if (file.status === 'open') {
    const r = file.referral;
    if (r && r.decision === null && !calls[callKeys.referral(file.caseId, r.attempt)]) {
      wanted.push({ kind: 'referral.admit', key: callKeys.referral(file.caseId, r.attempt), partner: r.partner, facilityCode: r.facilityCode, attempt: r.attempt });
    }
    // RSJ or hospital care: the person is taken there while the admission request is considered.
    if (inFacilityCare(file) && file.stage === 'linking' && r && !file.transport.toFacilityArrivedAt && !booked('to_facility')) {
      wanted.push({ kind: 'transport.book', key: callKeys.booking(file.caseId, 'to_facility'), leg: 'to_facility', from: file.regionCode, to: file.regionCode });
    }
    // Rules v3: discharged, so the pick-up is booked at once ("sudah stabil, belum dijemput" must not happen).
    if (file.stay?.discharge && !file.stay.pickedUpAt && !booked('from_facility')) {
      wanted.push({ kind: 'transport.book', key: callKeys.booking(file.caseId, 'from_facility'), leg: 'from_facility', from: file.regionCode, to: file.regionCode });
    }
    if (homeTripNeeded(file) && !booked('home')) {
      const to = file.assessment?.originRegionCode ?? file.regionCode;
      wanted.push({ kind: 'transport.book', key: callKeys.booking(file.caseId, 'home'), leg: 'home', from: file.regionCode, to });
    }
    if (tracingLookupNeeded(file) && !calls[callKeys.tracing(file.caseId)]) {
      wanted.push({ kind: 'tracing.lookup', key: callKeys.tracing(file.caseId) });
    }
  } else {
    // A withdrawn or closed case must not leave a vehicle booked for a trip that will not happen.
    for (const leg of TRANSPORT_LEGS) {
      const booking = booked(leg);
      const travelled = leg === 'home' ? file.transport.homeDepartedAt : leg === 'to_facility' ? file.transport.toFacilityArrivedAt : file.stay?.pickedUpAt;
      if (booking?.outcome === 'accepted' && booking.ref && !travelled && !calls[callKeys.cancellation(file.caseId, leg)]) {
        wanted.push({ kind: 'transport.cancel', key: callKeys.cancellation(file.caseId, leg), leg, bookingId: booking.ref });
      }
    }
  }
  return wanted;
}

/** The civil registry is asked while a family is being traced (v1/v2: for ODGJ until the outcome). */
function tracingLookupNeeded(file: CaseFile): boolean {
  const tracing = file.familyTracing;
  if (!tracing) return false;
  return file.rules >= 3 ? tracing.found !== true : file.pathway === 'odgj' && tracing.decidedAt === null;
}

/** Going home is booked by the case itself unless it travels with a group, whose batch books for all. */
function homeTripNeeded(file: CaseFile): boolean {
  if (file.group || file.transport.homeDepartedAt) return false;
  if (file.rules >= 3) {
    // Once the family is ready and the person is out of the RSJ (after the discharge and pick-up).
    if (file.pathway === 'repatriation') return file.stage === 'implementation' && file.referral?.decision === 'accepted';
    return ['linking', 'planning', 'implementation', 'monitoring'].includes(file.stage) && familyCanReceive(file) && (!file.stay || file.stay.pickedUpAt !== null);
  }
  if (file.stage !== 'implementation') return false;
  switch (file.pathway) {
    case 'repatriation':
      return file.referral?.decision === 'accepted';
    case 'odgj':
      return file.familyTracing?.found === true && file.familyTracing.canReceive === true && file.observation?.result != null;
    case 'medical':
    case 'shelter':
    case 'atensi':
      return false;
  }
}

export function applyCallResult(file: CaseFile, call: PartnerCall, result: CallResult, now: Date): DomainEvent[] {
  const calls = file.integration!.calls;
  calls[call.key] = {
    kind: call.kind,
    outcome: result.outcome,
    ref: result.outcome === 'accepted' ? result.ref : null,
    code: result.outcome === 'refused' ? result.code : null,
    at: iso(now),
  };
  file.version += 1;
  switch (call.kind) {
    case 'referral.admit': {
      if (result.outcome === 'accepted') return [{ type: 'referral.sent', data: { partner: call.partner, attempt: call.attempt, facilityCode: call.facilityCode } }];
      // A facility that refuses the request outright (unknown to it, full) is a decline: staff refer elsewhere.
      const r = file.referral;
      if (r && r.attempt === call.attempt && r.decision === null) {
        r.decision = 'declined';
        r.decidedAt = iso(now);
      }
      return [{ type: 'referral.declined', data: { partner: call.partner, attempt: call.attempt, reason: result.code } }];
    }
    case 'transport.book':
      return result.outcome === 'accepted'
        ? [{ type: 'transport.booked', data: { leg: call.leg } }]
        : // Refused (no vehicle): staff arrange the trip themselves and record it as usual.
          [{ type: 'transport.refused', data: { leg: call.leg, reason: result.code } }];
    case 'transport.cancel':
      return [{ type: 'transport.booking_cancelled', data: { leg: call.leg } }];
    case 'tracing.lookup':
      return result.outcome === 'accepted'
        ? [{ type: 'family_tracing.requested', data: {} }]
        : [{ type: 'family_tracing.lookup_refused', data: { reason: result.code } }];
  }
}

/**
 * The partner's code when a failure is its business refusal (type PARTNER_REFUSAL, code in the first
 * detail), else undefined: the partner was down or slow, not saying no. Structural, so that workflows
 * (an activity failure's cause) and the notification dispatcher (a client's failure) decode it alike.
 */
export function refusalCodeOf(failure: unknown): string | undefined {
  const f = failure as { type?: unknown; details?: unknown } | null | undefined;
  if (f?.type !== PARTNER_REFUSAL) return undefined;
  const code = Array.isArray(f.details) ? (f.details[0] as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' ? code : 'REFUSED';
}
