// The partner simulators' admin routes, as the scenarios use them: the effect ledger (GET /_admin/counts),
// fault configuration, and the partner's own decisions (an origin Dinsos receiving a returnee).
import type { SimulatorCounts } from '../../../partners/counts';
import type { FaultsBody } from '../../../partners/faults';

interface AdmissionState {
  admissionId: string;
  key: string;
  caseRef: string;
  status: string;
}

export class Partners {
  constructor(readonly url: string) {}

  private async call<T>(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  counts(): Promise<SimulatorCounts> {
    return this.call('GET', '/_admin/counts');
  }

  faults(body: FaultsBody): Promise<unknown> {
    return this.call('PUT', '/_admin/faults', body);
  }

  async admissions(): Promise<AdmissionState[]> {
    return (await this.call<{ admissions: AdmissionState[] }>('GET', '/_admin/state')).admissions;
  }

  /** The partner decides; the simulator then calls Sigap back (with its own retries). */
  decide(admissionId: string, accepted = true): Promise<unknown> {
    return this.call('POST', `/_admin/referral/admissions/${admissionId}/decide`, { accepted });
  }
}

/** Every idempotency key that was applied more than once, per endpoint: the list must stay empty. */
export function duplicateEffects(counts: SimulatorCounts): string[] {
  const dups: string[] = [];
  for (const [endpoint, byKey] of Object.entries(counts.effectsPerKey)) {
    for (const [key, n] of Object.entries(byKey ?? {})) if (n !== 1) dups.push(`${endpoint} ${key} ×${n}`);
  }
  return dups;
}
