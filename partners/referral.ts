// RSJ / panti / origin-Dinsos referral: an admission request now, the decision later by callback.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { CallbackSender } from './callbacks';
import type { Faults } from './faults';
import { faulty, problem } from './faults';
import type { IdempotencyStore } from './idempotency';
import type { Timers } from './timers';

export interface Admission {
  admissionId: string;
  caseRef: string;
  partner: 'rsj' | 'panti' | 'origin_dinsos';
  facilityCode: string;
  callbackUrl: string | undefined;
  status: 'pending' | 'accepted' | 'declined';
}

export interface ReferralOptions {
  facilities: string[];
  /** Decide automatically after this long; null = only through the admin endpoint. */
  decisionDelayMs: number | null;
  acceptRate: number;
}

const admitBody = z
  .object({
    caseRef: z.string().min(1).max(100),
    partner: z.enum(['rsj', 'panti', 'origin_dinsos']),
    facilityCode: z.string().min(1).max(64),
    callbackUrl: z.string().url().optional(),
  })
  .strict();

export function referralService(deps: { faults: Faults; keys: IdempotencyStore; callbacks: CallbackSender; timers: Timers; options: ReferralOptions; random: () => number }) {
  const admissions = new Map<string, Admission>();
  const known = (code: string) => deps.options.facilities.includes(code) || code.startsWith('DINSOS-');

  const decide = (a: Admission, accepted: boolean) => {
    if (a.status !== 'pending') return false;
    a.status = accepted ? 'accepted' : 'declined';
    deps.callbacks.send(a.callbackUrl, {
      partnerId: a.facilityCode,
      caseRef: a.caseRef,
      command: { type: 'recordReferralDecision', accepted, ...(accepted ? {} : { reason: 'kapasitas penuh / capacity full' }) },
    });
    return true;
  };

  const router = Router();
  router.post(
    '/referral/admissions',
    faulty(deps.faults, 'referral.admit', (req) =>
      deps.keys.once('referral', req.get('idempotency-key'), req.body, () => {
        const parsed = admitBody.safeParse(req.body);
        if (!parsed.success) return problem(400, 'INVALID_REQUEST', 'Invalid admission request');
        if (!known(parsed.data.facilityCode)) return problem(422, 'UNKNOWN_FACILITY', 'Unknown facility');
        const a: Admission = { admissionId: `adm-${randomUUID()}`, ...parsed.data, callbackUrl: parsed.data.callbackUrl, status: 'pending' };
        admissions.set(a.admissionId, a);
        const delay = deps.options.decisionDelayMs;
        if (delay !== null) deps.timers.after(delay, () => decide(a, deps.random() < deps.options.acceptRate));
        return { status: 202, body: { admissionId: a.admissionId, status: a.status }, effect: true };
      }),
    ),
  );
  router.get('/referral/admissions/:id', (req, res) => {
    const a = admissions.get(req.params.id);
    if (!a) res.status(404).json(problem(404, 'NOT_FOUND', 'No such admission').body);
    else res.json({ admissionId: a.admissionId, status: a.status });
  });
  router.post('/_admin/referral/admissions/:id/decide', (req, res) => {
    const a = admissions.get(req.params.id);
    const accepted = (req.body as { accepted?: unknown } | undefined)?.accepted;
    if (!a || typeof accepted !== 'boolean') {
      res.status(a ? 400 : 404).json({ code: a ? 'INVALID_REQUEST' : 'NOT_FOUND' });
      return;
    }
    res.json({ decided: decide(a, accepted), status: a.status });
  });
  return { router, admissions };
}
