// The partners' own idempotency: the same key with the same body returns the first answer and does
// nothing again; the same key with another body is refused.
import { createHash } from 'node:crypto';
import type { Reply } from './faults';
import { problem } from './faults';

export class IdempotencyStore {
  private entries = new Map<string, { hash: string; reply: Reply }>();

  /** Runs `act` once per (scope, key); later calls get the first reply, marked as causing no effect. */
  async once(scope: string, key: string | undefined, body: unknown, act: () => Reply | Promise<Reply>): Promise<Reply> {
    if (!key) return problem(400, 'IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key header is required');
    const hash = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
    const id = `${scope}\u0000${key}`;
    const seen = this.entries.get(id);
    if (seen) return seen.hash === hash ? { ...seen.reply, effect: false } : problem(422, 'IDEMPOTENCY_KEY_REUSED', 'Key reused with another body');
    const reply = await act();
    // Refusals are not remembered: the client may fix the request and try again with the same key.
    if (reply.status < 400) this.entries.set(id, { hash, reply });
    return reply;
  }

  /** How many distinct keys did something in a scope: the exactly-once check. */
  size(scope: string): number {
    let n = 0;
    for (const k of this.entries.keys()) if (k.startsWith(`${scope}\u0000`)) n += 1;
    return n;
  }

  clear(): void {
    this.entries.clear();
  }
}
