// Typed clients for the partner services Sigap talks to. The simulators under partners/ implement the
// same contracts; production points these at the real services through configuration.
import type { ReferralPartner, TransportLeg } from '../../domain/codes';
import type { PartnerEndpoint } from '../../config/partners';
import { partnerRequest } from './http';

export interface PartnerClients {
  referral: ReferralClient;
  transport: TransportClient;
  tracing: TracingClient;
}

/** The endpoints the clients need (each required here; configuration may lack some). */
export interface ClientEndpoints {
  referral: PartnerEndpoint;
  transport: PartnerEndpoint;
  tracing: PartnerEndpoint;
  /** Where partners post their callbacks (Sigap's /v1/partner-callbacks). */
  callbackUrl: string;
}

export interface ReferralClient {
  /** Asks the facility to admit (or the origin Dinsos to receive) the person; the decision comes by callback. */
  requestAdmission(req: { key: string; caseRef: string; partner: ReferralPartner; facilityCode: string }): Promise<{ admissionId: string }>;
}

export interface TransportClient {
  book(req: { key: string; caseRefs: string[]; leg: TransportLeg; from: string; to: string }): Promise<{ bookingId: string }>;
  cancel(req: { key: string; bookingId: string }): Promise<void>;
}

export interface TracingClient {
  lookup(req: { key: string; caseRef: string; nik?: string }): Promise<{ lookupId: string }>;
}

export function createPartnerClients(endpoints: ClientEndpoints): PartnerClients {
  const callbackUrl = endpoints.callbackUrl;
  return {
    referral: {
      requestAdmission: ({ key, ...req }) => partnerRequest(endpoints.referral, 'POST', '/referral/admissions', { ...req, callbackUrl }, key),
    },
    transport: {
      book: ({ key, ...req }) => partnerRequest(endpoints.transport, 'POST', '/transport/bookings', { ...req, callbackUrl }, key),
      cancel: async ({ key, bookingId }) => {
        await partnerRequest(endpoints.transport, 'POST', `/transport/bookings/${encodeURIComponent(bookingId)}/cancel`, {}, key);
      },
    },
    tracing: {
      lookup: ({ key, caseRef, nik }) =>
        partnerRequest(endpoints.tracing, 'POST', '/tracing/lookups', { caseRef, ...(nik ? { nik } : {}), callbackUrl }, key),
    },
  };
}
