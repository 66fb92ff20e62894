// Partner calls as activities: each takes the call the case decided on (with its idempotency key) and
// returns the partner's reference. Business refusals are non-retryable failures the workflow records.
import { ApplicationFailure } from '@temporalio/common';
import type { PartnerCall } from '../../domain/integration/calls';
import { PARTNER_REFUSAL } from '../../domain/integration/calls';
import type { PartnerClients } from './clients';

export interface PartnerActivities {
  requestAdmission(call: Extract<PartnerCall, { kind: 'referral.admit' }> & { caseId: string }): Promise<string>;
  bookTransport(call: Extract<PartnerCall, { kind: 'transport.book' }> & { caseRefs: string[] }): Promise<string>;
  cancelTransport(call: Extract<PartnerCall, { kind: 'transport.cancel' }>): Promise<void>;
  requestFamilyTracing(call: Extract<PartnerCall, { kind: 'tracing.lookup' }> & { caseId: string; nik?: string }): Promise<string>;
}

export function createPartnerActivities(clients: PartnerClients): PartnerActivities {
  return {
    requestAdmission: async (call) =>
      (await clients.referral.requestAdmission({ key: call.key, caseRef: call.caseId, partner: call.partner, facilityCode: call.facilityCode })).admissionId,
    bookTransport: async (call) => (await clients.transport.book({ key: call.key, caseRefs: call.caseRefs, leg: call.leg, from: call.from, to: call.to })).bookingId,
    cancelTransport: (call) => clients.transport.cancel({ key: call.key, bookingId: call.bookingId }),
    requestFamilyTracing: async (call) =>
      (await clients.tracing.lookup({ key: call.key, caseRef: call.caseId, ...(call.nik ? { nik: call.nik } : {}) })).lookupId,
  };
}

/** Without partner services configured, a call is refused at once, so a misconfiguration is visible on the case. */
export function unconfiguredPartners(): PartnerActivities {
  const refuse = (): Promise<never> =>
    Promise.reject(ApplicationFailure.nonRetryable('partner services are not configured', PARTNER_REFUSAL, { code: 'PARTNER_NOT_CONFIGURED' }));
  return { requestAdmission: refuse, bookTransport: refuse, cancelTransport: refuse, requestFamilyTracing: refuse };
}
