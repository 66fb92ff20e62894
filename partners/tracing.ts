// Family tracing / civil-registry (Dukcapil) lookup: the answer comes later by callback.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { CallbackSender } from './callbacks';
import type { Faults } from './faults';
import { faulty, problem } from './faults';
import type { IdempotencyStore } from './idempotency';
import type { Timers } from './timers';

export interface TracingOptions {
  resultDelayMs: number | null;
  foundRate: number;
}

const lookupBody = z
  .object({ caseRef: z.string().min(1).max(100), nik: z.string().regex(/^\d{16}$/).optional(), callbackUrl: z.string().url().optional() })
  .strict();

export function tracingService(deps: { faults: Faults; keys: IdempotencyStore; callbacks: CallbackSender; timers: Timers; options: TracingOptions; random: () => number }) {
  const lookups = new Map<string, { lookupId: string; caseRef: string; callbackUrl: string | undefined; status: 'pending' | 'found' | 'not_found' }>();
  const router = Router();
  router.post(
    '/tracing/lookups',
    faulty(deps.faults, 'tracing.lookup', (req) =>
      deps.keys.once('tracing', req.get('idempotency-key'), req.body, () => {
        const parsed = lookupBody.safeParse(req.body);
        if (!parsed.success) return problem(400, 'INVALID_REQUEST', 'Invalid lookup');
        const l = { lookupId: `lk-${randomUUID()}`, caseRef: parsed.data.caseRef, callbackUrl: parsed.data.callbackUrl, status: 'pending' as const };
        lookups.set(l.lookupId, l);
        if (deps.options.resultDelayMs !== null) {
          deps.timers.after(deps.options.resultDelayMs, () => {
            const found = deps.random() < deps.options.foundRate;
            lookups.set(l.lookupId, { ...l, status: found ? 'found' : 'not_found' });
            deps.callbacks.send(l.callbackUrl, { partnerId: 'DUKCAPIL-SIM', caseRef: l.caseRef, command: { type: 'recordFamilyTracing', found, ...(found ? { canReceive: true } : {}) } });
          });
        }
        return { status: 202, body: { lookupId: l.lookupId, status: 'pending' }, effect: true };
      }),
    ),
  );
  router.get('/tracing/lookups/:id', (req, res) => {
    const l = lookups.get(req.params.id);
    if (!l) res.status(404).json(problem(404, 'NOT_FOUND', 'No such lookup').body);
    else res.json({ lookupId: l.lookupId, status: l.status });
  });
  return { router, lookups };
}
