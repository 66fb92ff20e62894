// SMS / WhatsApp / e-mail gateway: queue a message, then report it delivered (or failed). It logs nothing
// about recipients or texts, which are personal data.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { Faults } from './faults';
import { faulty, problem } from './faults';
import type { IdempotencyStore } from './idempotency';
import type { Timers } from './timers';

export interface Message {
  messageId: string;
  key: string;
  channel: 'sms' | 'whatsapp' | 'email';
  template: string;
  status: 'queued' | 'delivered' | 'failed';
  updatedAt: string;
}

export interface GatewayOptions {
  deliverAfterMs: number;
  failRate: number;
}

const sendBody = z
  .object({
    channel: z.enum(['sms', 'whatsapp', 'email']),
    to: z.string().min(1).max(200),
    template: z.string().min(1).max(100),
    language: z.enum(['id', 'en']),
    body: z.string().min(1).max(2000),
  })
  .strict();

export function notificationGateway(deps: { faults: Faults; keys: IdempotencyStore; timers: Timers; options: GatewayOptions; random: () => number }) {
  const messages = new Map<string, Message>();
  const router = Router();
  router.post(
    '/notify/messages',
    faulty(deps.faults, 'notify.send', (req) => {
      const key = req.get('idempotency-key');
      return deps.keys.once('notify', key, req.body, () => {
        const parsed = sendBody.safeParse(req.body);
        if (!parsed.success) return problem(400, 'INVALID_REQUEST', 'Invalid message');
        const m: Message = {
          messageId: `msg-${randomUUID()}`,
          key: key!,
          channel: parsed.data.channel,
          template: parsed.data.template,
          status: 'queued',
          updatedAt: new Date().toISOString(),
        };
        messages.set(m.messageId, m);
        deps.timers.after(deps.options.deliverAfterMs, () => {
          m.status = deps.random() < deps.options.failRate ? 'failed' : 'delivered';
          m.updatedAt = new Date().toISOString();
        });
        return { status: 202, body: { messageId: m.messageId, status: m.status }, effect: true };
      });
    }),
  );
  router.get(
    '/notify/messages/:id',
    faulty(deps.faults, 'notify.status', (req) => {
      const m = messages.get(String(req.params.id));
      return m ? { status: 200, body: { messageId: m.messageId, status: m.status, updatedAt: m.updatedAt } } : problem(404, 'NOT_FOUND', 'No such message');
    }),
  );
  return { router, messages };
}
