// The origin Dinsos as a partner process: it receives every returnee whose request it holds, but only
// after Sigap has recorded the request as sent. Deciding earlier would let the answer overtake the
// "sent" record whenever a kill delays it, and timelines could then differ in order for a reason that
// is not a fault in Sigap; this way every case's timeline has one right order.
import type { Stack } from './stack';

export class PartnerDecider {
  private readonly decided = new Set<string>();
  private stopped = false;
  private readonly loop: Promise<void>;
  decisions = 0;

  constructor(
    private readonly stack: Stack,
    private readonly cases: ReadonlySet<string>,
  ) {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.round();
      } catch {
        // The simulators or the database may be slow to answer under load: the next round tries again.
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private async round(): Promise<void> {
    const waiting = (await this.stack.partners.admissions()).filter((a) => a.status === 'pending' && this.cases.has(a.caseRef) && !this.decided.has(a.admissionId));
    if (waiting.length === 0) return;
    const sent = await this.stack.pg.query<{ case_id: string }>(
      "SELECT DISTINCT case_id FROM case_events WHERE type = 'referral.sent' AND case_id = ANY($1)",
      [waiting.map((a) => a.caseRef)],
    );
    const ready = new Set(sent.map((r) => r.case_id));
    for (const a of waiting.filter((w) => ready.has(w.caseRef))) {
      await this.stack.partners.decide(a.admissionId);
      this.decided.add(a.admissionId);
      this.decisions += 1;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}
