// Client of the notification gateway (SMS, WhatsApp, e-mail). The outbox key is the Idempotency-Key, so
// a dispatcher that crashes between sending and recording cannot make the gateway send twice.
import type { Channel, Language } from '../../domain/notification-templates';
import type { PartnerEndpoint } from '../../config/partners';
import { partnerRequest } from './http';

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed';

export interface NotificationGateway {
  send(req: { key: string; channel: Channel; to: string; template: string; language: Language; body: string }): Promise<{ messageId: string }>;
  status(messageId: string): Promise<{ status: DeliveryStatus }>;
}

export function createNotificationGateway(endpoint: PartnerEndpoint): NotificationGateway {
  return {
    send: ({ key, ...message }) => partnerRequest(endpoint, 'POST', '/notify/messages', message, key),
    status: (messageId) => partnerRequest(endpoint, 'GET', `/notify/messages/${encodeURIComponent(messageId)}`, undefined),
  };
}
