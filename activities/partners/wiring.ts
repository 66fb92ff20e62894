// Partner clients and the notification gateway from the configured endpoints; what is not configured
// stays undefined (cases then record refusals, and the outbox is kept but not sent).
import type { PartnerEndpoints } from '../../config/partners';
import type { PartnerClients } from './clients';
import { createPartnerClients } from './clients';
import type { NotificationGateway } from './notification-gateway';
import { createNotificationGateway } from './notification-gateway';

export interface PartnerWiring {
  clients: PartnerClients | undefined;
  gateway: NotificationGateway | undefined;
}

export function wirePartners(e: PartnerEndpoints): PartnerWiring {
  const { referral, transport, tracing, gateway } = e;
  return {
    clients: referral && transport && tracing ? createPartnerClients({ referral, transport, tracing, callbackUrl: e.callbackUrl }) : undefined,
    gateway: gateway ? createNotificationGateway(gateway) : undefined,
  };
}
