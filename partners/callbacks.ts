// Callbacks to Sigap, as partners send them: signed with a bearer token, retried with backoff until
// answered 2xx (the receiver deduplicates by reportId), optionally sent twice on purpose.
import { randomUUID } from 'node:crypto';

export interface CallbackOptions {
  token?: string;
  /** Send every callback twice, to prove the receiver ignores repeats. */
  duplicate?: boolean;
  maxAttempts?: number;
  baseDelayMs?: number;
}

export interface PartnerReportBody {
  partnerId: string;
  reportId: string;
  caseRef: string;
  command: Record<string, unknown> & { type: string };
}

export class CallbackSender {
  delivered = 0;
  attempts = 0;
  abandoned = 0;
  private pending = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly opts: CallbackOptions = {}) {}

  send(url: string | undefined, report: Omit<PartnerReportBody, 'reportId'>): void {
    if (!url) return;
    const body: PartnerReportBody = { ...report, reportId: `${report.partnerId}:${randomUUID()}` };
    for (let i = 0; i < (this.opts.duplicate ? 2 : 1); i++) {
      const p = this.deliver(url, body).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  private async deliver(url: string, body: PartnerReportBody): Promise<void> {
    const max = this.opts.maxAttempts ?? 20;
    for (let attempt = 1; attempt <= max && !this.stopped; attempt++) {
      this.attempts += 1;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        if (res.ok) {
          this.delivered += 1;
          return;
        }
        // A 4xx other than 429 will not get better by repeating it.
        if (res.status < 500 && res.status !== 429) break;
      } catch {
        // receiver down: try again
      }
      await new Promise((r) => setTimeout(r, Math.min((this.opts.baseDelayMs ?? 200) * 2 ** (attempt - 1), 10_000)));
    }
    this.abandoned += 1;
  }

  async drain(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  stop(): void {
    this.stopped = true;
  }
}
