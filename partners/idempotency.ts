// The partners' own idempotency, as Sigap's contract asks of them: a key is applied once; a repeat with the
// same body gets the first answer without doing anything again; a repeat with another body is refused.
import { createHash } from 'node:crypto';
import type { Reply } from './http';
import { problem } from './http';

/** Visible ASCII, as most gateways accept in a header; Sigap's keys are `<caseId>:<step>`. */
const KEY = /^[\x21-\x7e]{1,255}$/;

interface Entry {
  hash: string;
  reply: Promise<Reply>;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  /** Runs `act` once per (scope, key). Concurrent repeats wait for the first call instead of racing it. */
  async once(scope: string, key: string | undefined, body: unknown, act: () => Reply | Promise<Reply>): Promise<Reply> {
    if (!key) return problem(400, 'IDEMPOTENCY_KEY_REQUIRED', 'The Idempotency-Key header is required');
    if (!KEY.test(key)) return problem(400, 'INVALID_IDEMPOTENCY_KEY', 'The Idempotency-Key must be 1-255 visible ASCII characters');
    const hash = fingerprint(body);
    const id = `${scope}\u0000${key}`;
    const seen = this.entries.get(id);
    if (seen) {
      if (seen.hash !== hash) return problem(422, 'IDEMPOTENCY_KEY_REUSED', 'The Idempotency-Key was used with another request body');
      const first = await seen.reply;
      return { ...first, effect: false, headers: { ...first.headers, 'idempotent-replayed': 'true' } };
    }
    // The entry is in place before `act` runs, so a repeat arriving meanwhile finds it.
    const entry: Entry = { hash, reply: Promise.resolve().then(act) };
    this.entries.set(id, entry);
    const forget = () => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    };
    try {
      const reply = await entry.reply;
      // Refusals are not remembered: nothing was done, and the client may correct the request under the same key.
      if (reply.status >= 400) forget();
      return reply;
    } catch (err) {
      forget();
      throw err;
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A hash of the body that ignores key order, so a client re-serialising the same object is not refused. */
function fingerprint(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
