// SMS / WhatsApp / e-mail gateway: queue a message, then mark it delivered (or failed, as an unreachable
// recipient would). Recipients and texts are personal data: they are checked, never stored and never logged.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { SimContext } from './context';
import { endpoint, parseBody, problem } from './http';
import { chance } from './random';

export type Channel = 'sms' | 'whatsapp' | 'email';

/** What the gateway keeps of a message: enough to count and report on it, nothing personal. */
export interface Message {
  messageId: string;
  /** The Idempotency-Key (Sigap's outbox key) it was sent under. */
  key: string;
  channel: Channel;
  template: string;
  language: 'id' | 'en';
  status: 'queued' | 'delivered' | 'failed';
  failureCode: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GatewayOptions {
  /** Delivery report this long after queueing; null = messages stay queued. */
  deliverAfterMs: number | null;
  /** Probability that delivery fails (unreachable number, full mailbox). */
  failRate: number;
}

export const GATEWAY_DEFAULTS: GatewayOptions = { deliverAfterMs: 500, failRate: 0 };

const sendBody = z
  .object({
    channel: z.enum(['sms', 'whatsapp', 'email']),
    to: z.string().min(1).max(200),
    template: z.string().min(1).max(100),
    language: z.enum(['id', 'en']),
    body: z.string().min(1).max(4000),
  })
  .strict();

export function notificationGateway(ctx: SimContext, options: GatewayOptions) {
  const messages = new Map<string, Message>();

  const router = Router();
  router.post(
    '/messages',
    endpoint(ctx, 'notify.send', (req) => {
      const key = req.get('idempotency-key');
      return ctx.keys.once('notify.send', key, req.body, () => {
        const parsed = parseBody(sendBody, req.body, 'Invalid message');
        if (!parsed.ok) return parsed.reply;
        const now = ctx.now().toISOString();
        const m: Message = {
          messageId: `msg-${randomUUID()}`,
          key: key!,
          channel: parsed.data.channel,
          template: parsed.data.template,
          language: parsed.data.language,
          status: 'queued',
          failureCode: null,
          createdAt: now,
          updatedAt: now,
        };
        messages.set(m.messageId, m);
        if (options.deliverAfterMs !== null) {
          ctx.timers.after(options.deliverAfterMs, () => {
            const failed = chance(ctx.random, options.failRate);
            m.status = failed ? 'failed' : 'delivered';
            m.failureCode = failed ? 'RECIPIENT_UNREACHABLE' : null;
            m.updatedAt = ctx.now().toISOString();
          });
        }
        return { status: 202, body: { messageId: m.messageId, status: m.status }, effect: true };
      });
    }),
  );
  router.get(
    '/messages/:id',
    endpoint(ctx, 'notify.status', (req) => {
      const m = messages.get(req.params.id as string);
      if (!m) return problem(404, 'NOT_FOUND', 'No such message');
      return { status: 200, body: { messageId: m.messageId, status: m.status, updatedAt: m.updatedAt, ...(m.failureCode ? { failureCode: m.failureCode } : {}) } };
    }),
  );

  return { router, messages, reset: () => messages.clear() };
}

export type NotificationGatewayService = ReturnType<typeof notificationGateway>;
