// RSJ / panti / origin-Dinsos referral: the admission request is acknowledged at once, the decision comes
// later by callback (after decisionDelayMs, or when a test or demo decides through the admin route).
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { SimContext } from './context';
import { endpoint, parseBody, problem, send, sendProblem } from './http';
import { chance } from './random';
import { callbackUrl, caseRef } from './schemas';

export type ReferralPartner = 'rsj' | 'panti' | 'origin_dinsos';

export interface Admission {
  admissionId: string;
  /** The Idempotency-Key it was created under. */
  key: string;
  caseRef: string;
  partner: ReferralPartner;
  facilityCode: string;
  callbackUrl: string | undefined;
  status: 'pending' | 'accepted' | 'declined';
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface ReferralOptions {
  /** Facility codes the referral network knows. */
  facilities: string[];
  /** Codes starting with one of these are known too: every Dinsos office can be asked to receive someone. */
  facilityPrefixes: string[];
  /** Decide automatically this long after the request; null = only through the admin route. */
  decisionDelayMs: number | null;
  /** Probability that an automatic decision accepts. */
  acceptRate: number;
}

export const DEFAULT_FACILITIES = ['RSJ-ATMA-HUSADA', 'RSJ-MENUR', 'RSJ-LAWANG', 'PANTI-BUDI-LUHUR', 'DINSOS-32'];

export const REFERRAL_DEFAULTS: ReferralOptions = {
  facilities: DEFAULT_FACILITIES,
  facilityPrefixes: ['DINSOS-'],
  decisionDelayMs: 2_000,
  acceptRate: 1,
};

const DECLINE_REASON = 'kapasitas penuh / capacity full';

const admitBody = z
  .object({
    caseRef,
    partner: z.enum(['rsj', 'panti', 'origin_dinsos']),
    facilityCode: z.string().min(1).max(64),
    callbackUrl: callbackUrl.optional(),
  })
  .strict();

const decideBody = z.object({ accepted: z.boolean(), reason: z.string().trim().min(1).max(2000).optional() }).strict();

export function referralService(ctx: SimContext, options: ReferralOptions) {
  const admissions = new Map<string, Admission>();
  const known = (code: string) => options.facilities.includes(code) || options.facilityPrefixes.some((p) => code.startsWith(p));

  /** Records the decision and calls back; false when the admission was already decided. */
  const decide = (a: Admission, accepted: boolean, reason?: string): boolean => {
    if (a.status !== 'pending') return false;
    a.status = accepted ? 'accepted' : 'declined';
    a.reason = accepted ? null : (reason ?? DECLINE_REASON);
    a.decidedAt = ctx.now().toISOString();
    ctx.callbacks.send(
      a.callbackUrl,
      {
        partnerId: a.facilityCode,
        caseRef: a.caseRef,
        command: { type: 'recordReferralDecision', accepted, ...(a.reason !== null ? { reason: a.reason } : {}) },
      },
      { admissionId: a.admissionId },
    );
    return true;
  };

  const router = Router();
  router.post(
    '/admissions',
    endpoint(ctx, 'referral.admit', (req) => {
      const key = req.get('idempotency-key');
      return ctx.keys.once('referral.admit', key, req.body, () => {
        const parsed = parseBody(admitBody, req.body, 'Invalid admission request');
        if (!parsed.ok) return parsed.reply;
        // A business refusal: retrying the same request will never succeed.
        if (!known(parsed.data.facilityCode)) return problem(422, 'UNKNOWN_FACILITY', 'The facility is not in the referral network');
        const a: Admission = {
          admissionId: `adm-${randomUUID()}`,
          key: key!,
          caseRef: parsed.data.caseRef,
          partner: parsed.data.partner,
          facilityCode: parsed.data.facilityCode,
          callbackUrl: parsed.data.callbackUrl,
          status: 'pending',
          reason: null,
          createdAt: ctx.now().toISOString(),
          decidedAt: null,
        };
        admissions.set(a.admissionId, a);
        if (options.decisionDelayMs !== null) ctx.timers.after(options.decisionDelayMs, () => decide(a, chance(ctx.random, options.acceptRate)));
        return { status: 202, body: { admissionId: a.admissionId, status: a.status }, effect: true };
      });
    }),
  );
  router.get(
    '/admissions/:id',
    endpoint(ctx, 'referral.status', (req) => {
      const a = admissions.get(req.params.id as string);
      if (!a) return problem(404, 'NOT_FOUND', 'No such admission');
      return { status: 200, body: view(a) };
    }),
  );

  const admin = Router();
  admin.post('/admissions/:id/decide', (req, res) => {
    const a = admissions.get(req.params.id);
    if (!a) return sendProblem(res, 404, 'NOT_FOUND', 'No such admission');
    const parsed = parseBody(decideBody, req.body, 'Expected { accepted: boolean, reason?: string }');
    if (!parsed.ok) return send(res, parsed.reply);
    const decided = decide(a, parsed.data.accepted, parsed.data.reason);
    res.json({ decided, ...view(a) });
  });

  return {
    router,
    admin,
    admissions,
    decide,
    reset: () => admissions.clear(),
  };
}

function view(a: Admission) {
  return {
    admissionId: a.admissionId,
    status: a.status,
    partner: a.partner,
    facilityCode: a.facilityCode,
    ...(a.reason !== null ? { reason: a.reason } : {}),
    createdAt: a.createdAt,
    decidedAt: a.decidedAt,
  };
}

export type ReferralService = ReturnType<typeof referralService>;
