// Callbacks to Sigap, as partners send them: a bearer token, retried with backoff until answered 2xx (the
// receiver deduplicates by reportId), optionally sent twice on purpose to prove that it does.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';

export type TransportLeg = 'to_facility' | 'from_facility' | 'home';

/** The commands partners may give (Sigap's partnerCommandBody). */
export type PartnerCommand =
  | { type: 'recordReferralDecision'; accepted: boolean; reason?: string }
  | { type: 'recordTransport'; leg: TransportLeg; event: 'departed' | 'arrived' }
  | { type: 'recordFamilyTracing'; found: boolean; canReceive?: boolean }
  | { type: 'recordDischarge'; kind: 'stable' | 'own_request' | 'referred'; referredTo?: string };

/** The partner's own id of the thing a report is about. */
export type ResourceRef = { admissionId: string } | { bookingId: string } | { lookupId: string };

/** The JSON body of a callback. */
export type PartnerReport = {
  partnerId: string;
  /** Unique per report; every copy and every retry of one report carries the same id. */
  reportId: string;
  caseRef: string;
  command: PartnerCommand;
} & (ResourceRef | Record<never, never>);

export interface CallbackDelivery {
  report: PartnerReport;
  /** 1, or 2 for the deliberate duplicate. */
  copy: number;
  status: 'pending' | 'delivered' | 'abandoned';
  attempts: number;
  /** HTTP status of the last attempt; null when there was no answer. */
  lastStatus: number | null;
}

export interface CallbackOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Send every report twice, concurrently, with the same reportId. */
  duplicate?: boolean;
  /** Attempts per copy before giving up (default 20). */
  maxAttempts?: number;
  /** First backoff, doubled per attempt (default 200 ms) up to maxDelayMs (default 10 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-attempt timeout (default 5 s). */
  timeoutMs?: number;
  /**
   * Add admissionId / bookingId / lookupId to the body. Off by default: Sigap's receiver (api/command-schemas.ts
   * partnerCallbackBody) is strict and answers 400 to fields it does not know.
   */
  includeResourceIds?: boolean;
}

/** 4xx answers other than these will not change by repeating the same report. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

export class CallbackSender {
  delivered = 0;
  attempts = 0;
  abandoned = 0;
  readonly deliveries: CallbackDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private abort = new AbortController();

  constructor(
    private readonly opts: CallbackOptions,
    private readonly log: Logger,
  ) {}

  /** Reports to `url` (nothing when the client gave no callbackUrl); returns the report as sent. */
  send(url: string | undefined, report: Omit<PartnerReport, 'reportId'>, resource: ResourceRef): PartnerReport | undefined {
    if (!url || this.abort.signal.aborted) return undefined;
    const body: PartnerReport = {
      partnerId: report.partnerId,
      reportId: `${report.partnerId}:${randomUUID()}`,
      caseRef: report.caseRef,
      command: report.command,
      ...(this.opts.includeResourceIds ? resource : {}),
    };
    for (let copy = 1; copy <= (this.opts.duplicate ? 2 : 1); copy++) {
      const d: CallbackDelivery = { report: body, copy, status: 'pending', attempts: 0, lastStatus: null };
      this.deliveries.push(d);
      const p = this.deliver(url, d, this.abort.signal).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
    return body;
  }

  private async deliver(url: string, d: CallbackDelivery, signal: AbortSignal): Promise<void> {
    const max = this.opts.maxAttempts ?? 20;
    const payload = JSON.stringify(d.report);
    for (let attempt = 1; ; attempt++) {
      d.attempts = attempt;
      this.attempts += 1;
      let retry = true;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}) },
          body: payload,
          signal: AbortSignal.any([signal, AbortSignal.timeout(this.opts.timeoutMs ?? 5_000)]),
        });
        // Read the answer so the connection goes back to the pool.
        await res.arrayBuffer().catch(() => undefined);
        if (signal.aborted) return;
        d.lastStatus = res.status;
        if (res.ok) {
          d.status = 'delivered';
          this.delivered += 1;
          this.log.debug({ reportId: d.report.reportId, type: d.report.command.type, copy: d.copy, attempts: attempt }, 'callback delivered');
          return;
        }
        retry = res.status >= 500 || RETRYABLE_4XX.has(res.status);
      } catch {
        // No answer (receiver down, reset, our timeout): try again, unless we are being stopped.
        if (signal.aborted) return;
        d.lastStatus = null;
      }
      if (!retry || attempt >= max) break;
      const backoff = Math.min((this.opts.baseDelayMs ?? 200) * 2 ** (attempt - 1), this.opts.maxDelayMs ?? 10_000);
      try {
        await delay(backoff, undefined, { signal });
      } catch {
        return;
      }
    }
    d.status = 'abandoned';
    this.abandoned += 1;
    this.log.warn({ reportId: d.report.reportId, type: d.report.command.type, attempts: d.attempts, lastStatus: d.lastStatus }, 'callback abandoned');
  }

  /** Waits until every delivery has ended (delivered, abandoned or cancelled). */
  async drain(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Cancels deliveries in flight and forgets them; later reports are sent as usual. */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.deliveries.length = 0;
    this.delivered = 0;
    this.attempts = 0;
    this.abandoned = 0;
  }

  /** Cancels deliveries in flight; nothing is sent after this. */
  stop(): void {
    this.abort.abort();
  }
}
