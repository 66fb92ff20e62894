// Where the partner services are: the real services' URLs, or the simulators' when `npm start` runs
// them. Plain settings; the entry points build the clients from them (activities/partners/wiring.ts).
import type { Config } from './env';

export interface PartnerEndpoint {
  /** Base URL of the partner service, e.g. https://rujukan.rsj.example.go.id */
  baseUrl: string;
  /** Bearer token Sigap presents to the partner. */
  token?: string;
  /** Per-attempt timeout; Temporal retries the activity after it. */
  timeoutMs: number;
}

export interface PartnerEndpoints {
  referral: PartnerEndpoint | undefined;
  transport: PartnerEndpoint | undefined;
  tracing: PartnerEndpoint | undefined;
  gateway: PartnerEndpoint | undefined;
  /** Where partners post their callbacks (Sigap's /v1/partner-callbacks). */
  callbackUrl: string;
}

/** `simulatorUrl` stands in for every partner URL that is not configured. */
export function partnerEndpoints(config: Config, simulatorUrl?: string): PartnerEndpoints {
  const p = config.partners;
  const endpoint = (url: string | undefined): PartnerEndpoint | undefined => {
    const baseUrl = url ?? simulatorUrl;
    return baseUrl ? { baseUrl, timeoutMs: p.timeoutMs, ...(p.token ? { token: p.token } : {}) } : undefined;
  };
  return {
    referral: endpoint(p.referralUrl),
    transport: endpoint(p.transportUrl),
    tracing: endpoint(p.tracingUrl),
    gateway: endpoint(p.gatewayUrl),
    callbackUrl: p.callbackUrl,
  };
}
