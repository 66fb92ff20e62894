// Partner clients from configuration: the real services' URLs, or the simulators' when `npm start` runs them.
import type { PartnerClients } from '../activities/partners/clients';
import { createPartnerClients } from '../activities/partners/clients';
import type { PartnerEndpoint } from '../activities/partners/http';
import type { NotificationGateway } from '../activities/partners/notification-gateway';
import { createNotificationGateway } from '../activities/partners/notification-gateway';
import type { Config } from './env';

export interface PartnerWiring {
  clients: PartnerClients | undefined;
  gateway: NotificationGateway | undefined;
}

/** `simulatorUrl` stands in for every partner URL that is not configured. */
export function partnerWiring(config: Config, simulatorUrl?: string): PartnerWiring {
  const p = config.partners;
  const endpoint = (url: string | undefined): PartnerEndpoint | undefined => {
    const baseUrl = url ?? simulatorUrl;
    return baseUrl ? { baseUrl, timeoutMs: p.timeoutMs, ...(p.token ? { token: p.token } : {}) } : undefined;
  };
  const referral = endpoint(p.referralUrl);
  const transport = endpoint(p.transportUrl);
  const tracing = endpoint(p.tracingUrl);
  const gateway = endpoint(p.gatewayUrl);
  return {
    clients: referral && transport && tracing ? createPartnerClients({ referral, transport, tracing, callbackUrl: p.callbackUrl }) : undefined,
    gateway: gateway ? createNotificationGateway(gateway) : undefined,
  };
}
