// RSJ / hospital / panti / origin-Dinsos referral: the admission request is acknowledged at once, the
// decision comes later by callback (after decisionDelayMs, or when a test or demo decides through the admin
// route). An RSJ or hospital that admitted a patient sends its discharge notice later still (after
// dischargeAfterMs, or through the admin route): stable, on the patient's own request, or referred on.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { SimContext } from './context';
import { endpoint, parseBody, problem, send, sendProblem } from './http';
import { chance } from './random';
import { callbackUrl, caseRef } from './schemas';

export type ReferralPartner = 'rsj' | 'hospital' | 'panti' | 'origin_dinsos';
export type DischargeKind = 'stable' | 'own_request' | 'referred';

export interface Admission {
  admissionId: string;
  /** The Idempotency-Key it was created under. */
  key: string;
  caseRef: string;
  partner: ReferralPartner;
  facilityCode: string;
  callbackUrl: string | undefined;
  status: 'pending' | 'accepted' | 'declined' | 'discharged';
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  dischargedAt: string | null;
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
  /** An RSJ or hospital discharges an accepted patient (stable) this long after accepting; null = only through the admin route. */
  dischargeAfterMs: number | null;
}

export const DEFAULT_FACILITIES = ['RSJ-ATMA-HUSADA', 'RSJ-MENUR', 'RSJ-LAWANG', 'RSUD-AWS', 'PUSKESMAS-SEGIRI', 'PANTI-BUDI-LUHUR', 'DINSOS-32'];

const HOUR = 3_600_000;

export const REFERRAL_DEFAULTS: ReferralOptions = {
  facilities: DEFAULT_FACILITIES,
  facilityPrefixes: ['DINSOS-'],
  // An admission or a reception is decided within the working day; a stay lasts weeks (the RSJ decides).
  decisionDelayMs: 6 * HOUR,
  acceptRate: 1,
  dischargeAfterMs: 21 * 24 * HOUR,
};

const DECLINE_REASON = 'kapasitas penuh / capacity full';

const admitBody = z
  .object({
    caseRef,
    partner: z.enum(['rsj', 'hospital', 'panti', 'origin_dinsos']),
    facilityCode: z.string().min(1).max(64),
    callbackUrl: callbackUrl.optional(),
  })
  .strict();

const decideBody = z.object({ accepted: z.boolean(), reason: z.string().trim().min(1).max(2000).optional() }).strict();
const dischargeBody = z
  .object({ kind: z.enum(['stable', 'own_request', 'referred']).default('stable'), referredTo: z.string().min(1).max(64).optional() })
  .strict()
  .refine((b) => b.kind !== 'referred' || b.referredTo, 'a referral names the facility (referredTo)');

/** The partner's side of an admission: its decision, then (for a hospital) its discharge notice, both by callback. */
function decisionsOf(ctx: SimContext, options: ReferralOptions) {
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
    if (accepted && staysAt(a) && options.dischargeAfterMs !== null) ctx.timers.after(ctx.paced(options.dischargeAfterMs), () => discharge(a, 'stable'));
    return true;
  };

  /** The discharge notice; false when the patient was not (or no longer) admitted. */
  const discharge = (a: Admission, kind: DischargeKind, referredTo?: string): boolean => {
    if (a.status !== 'accepted' || !staysAt(a)) return false;
    a.status = 'discharged';
    a.dischargedAt = ctx.now().toISOString();
    ctx.callbacks.send(
      a.callbackUrl,
      { partnerId: a.facilityCode, caseRef: a.caseRef, command: { type: 'recordDischarge', kind, ...(referredTo ? { referredTo } : {}) } },
      { admissionId: a.admissionId },
    );
    return true;
  };
  return { decide, discharge };
}

export function referralService(ctx: SimContext, options: ReferralOptions) {
  const admissions = new Map<string, Admission>();
  const known = (code: string) => options.facilities.includes(code) || options.facilityPrefixes.some((p) => code.startsWith(p));
  const { decide, discharge } = decisionsOf(ctx, options);

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
          dischargedAt: null,
        };
        admissions.set(a.admissionId, a);
        if (options.decisionDelayMs !== null) ctx.timers.after(ctx.paced(options.decisionDelayMs), () => decide(a, chance(ctx.random, options.acceptRate)));
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
  admin.post('/admissions/:id/discharge', (req, res) => {
    const a = admissions.get(req.params.id);
    if (!a) return sendProblem(res, 404, 'NOT_FOUND', 'No such admission');
    const parsed = parseBody(dischargeBody, req.body ?? {}, 'Expected { kind?: stable|own_request|referred, referredTo?: string }');
    if (!parsed.ok) return send(res, parsed.reply);
    res.json({ discharged: discharge(a, parsed.data.kind, parsed.data.referredTo), ...view(a) });
  });

  return {
    router,
    admin,
    admissions,
    decide,
    discharge,
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
    dischargedAt: a.dischargedAt,
  };
}

/** Hospitals keep patients (and discharge them); a panti or an origin Dinsos receives people for good. */
const staysAt = (a: Admission) => a.partner === 'rsj' || a.partner === 'hospital';

export type ReferralService = ReturnType<typeof referralService>;
