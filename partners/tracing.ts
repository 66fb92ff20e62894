// Family tracing through the civil registry (Dukcapil): the lookup is acknowledged at once and answered
// later by callback. The NIK and hints are used to accept the request and then forgotten: the simulator
// keeps only whether a NIK was given.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { SimContext } from './context';
import { endpoint, parseBody, problem, send, sendProblem } from './http';
import { chance } from './random';
import { callbackUrl, caseRef } from './schemas';

export interface Lookup {
  lookupId: string;
  /** The Idempotency-Key it was created under. */
  key: string;
  caseRef: string;
  callbackUrl: string | undefined;
  withNik: boolean;
  status: 'pending' | 'found' | 'not_found';
  /** Whether the family found can take the person in; null until found. */
  canReceive: boolean | null;
  createdAt: string;
  completedAt: string | null;
}

export interface TracingOptions {
  /** Answer automatically this long after the request; null = only through the admin route. */
  resultDelayMs: number | null;
  /** Probability that the family is found. */
  foundRate: number;
  /** Probability that a family found can receive the person (otherwise: hand-over to the province). */
  canReceiveRate: number;
  /** Sender name on callbacks. */
  partnerId: string;
}

export const TRACING_DEFAULTS: TracingOptions = { resultDelayMs: 2 * 24 * 3_600_000, foundRate: 0.7, canReceiveRate: 1, partnerId: 'DUKCAPIL-SIM' };

const lookupBody = z
  .object({
    caseRef,
    nik: z
      .string()
      .regex(/^\d{16}$/, 'expected 16 digits')
      .optional(),
    /** Whatever staff know (name, birth place, origin village...); free-form, never kept. */
    hints: z
      .record(z.string().max(64), z.string().max(500))
      .refine((h) => Object.keys(h).length <= 20, 'at most 20 hints')
      .optional(),
    callbackUrl: callbackUrl.optional(),
  })
  .strict();

const resultBody = z.object({ found: z.boolean(), canReceive: z.boolean().optional() }).strict();

export function tracingService(ctx: SimContext, options: TracingOptions) {
  const lookups = new Map<string, Lookup>();

  /** Records the result and calls back; false when the lookup was already answered. */
  const complete = (l: Lookup, found: boolean, canReceive?: boolean): boolean => {
    if (l.status !== 'pending') return false;
    l.status = found ? 'found' : 'not_found';
    l.canReceive = found ? (canReceive ?? true) : null;
    l.completedAt = ctx.now().toISOString();
    ctx.callbacks.send(
      l.callbackUrl,
      {
        partnerId: options.partnerId,
        caseRef: l.caseRef,
        command: { type: 'recordFamilyTracing', found, ...(l.canReceive !== null ? { canReceive: l.canReceive } : {}) },
      },
      { lookupId: l.lookupId },
    );
    return true;
  };

  const router = Router();
  router.post(
    '/lookups',
    endpoint(ctx, 'tracing.lookup', (req) => {
      const key = req.get('idempotency-key');
      return ctx.keys.once('tracing.lookup', key, req.body, () => {
        const parsed = parseBody(lookupBody, req.body, 'Invalid lookup');
        if (!parsed.ok) return parsed.reply;
        const l: Lookup = {
          lookupId: `lk-${randomUUID()}`,
          key: key!,
          caseRef: parsed.data.caseRef,
          callbackUrl: parsed.data.callbackUrl,
          withNik: parsed.data.nik !== undefined,
          status: 'pending',
          canReceive: null,
          createdAt: ctx.now().toISOString(),
          completedAt: null,
        };
        lookups.set(l.lookupId, l);
        if (options.resultDelayMs !== null) {
          ctx.timers.after(ctx.paced(options.resultDelayMs), () => {
            const found = chance(ctx.random, options.foundRate);
            complete(l, found, found ? chance(ctx.random, options.canReceiveRate) : undefined);
          });
        }
        return { status: 202, body: { lookupId: l.lookupId, status: l.status }, effect: true };
      });
    }),
  );
  router.get(
    '/lookups/:id',
    endpoint(ctx, 'tracing.status', (req) => {
      const l = lookups.get(req.params.id as string);
      if (!l) return problem(404, 'NOT_FOUND', 'No such lookup');
      return { status: 200, body: view(l) };
    }),
  );

  const admin = Router();
  admin.post('/lookups/:id/result', (req, res) => {
    const l = lookups.get(req.params.id);
    if (!l) return sendProblem(res, 404, 'NOT_FOUND', 'No such lookup');
    const parsed = parseBody(resultBody, req.body, 'Expected { found: boolean, canReceive?: boolean }');
    if (!parsed.ok) return send(res, parsed.reply);
    const changed = complete(l, parsed.data.found, parsed.data.canReceive);
    res.json({ changed, ...view(l) });
  });

  return { router, admin, lookups, complete, reset: () => lookups.clear() };
}

function view(l: Lookup) {
  return {
    lookupId: l.lookupId,
    status: l.status,
    ...(l.status === 'found' ? { found: true, canReceive: l.canReceive } : l.status === 'not_found' ? { found: false } : {}),
    createdAt: l.createdAt,
    completedAt: l.completedAt,
  };
}

export type TracingService = ReturnType<typeof tracingService>;
