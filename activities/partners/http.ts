// One HTTP call to a partner service, as activities need it: a timeout per attempt, heartbeats while the
// partner takes its time, an Idempotency-Key on every write, and failures sorted into "retry later"
// (outages, timeouts, 5xx, 429) and "the partner said no" (4xx business refusals, never retried).
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { PartnerEndpoint } from '../../config/partners';
import { PARTNER_REFUSAL } from '../../domain/integration/calls';

export async function partnerRequest<T>(
  endpoint: PartnerEndpoint,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  idempotencyKey?: string,
): Promise<T> {
  const heartbeat = setInterval(() => heartbeatIfActivity(), 2_000);
  try {
    let res: Response;
    try {
      res = await fetch(new URL(path, endpoint.baseUrl), {
        method,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any([AbortSignal.timeout(endpoint.timeoutMs), ...cancellationSignal()]),
      });
    } catch (err) {
      // No answer (refused connection, reset, timeout): the request may or may not have been applied,
      // which is why every write carries an idempotency key.
      throw ApplicationFailure.retryable(`partner unreachable: ${describe(err)}`, 'PartnerUnavailable');
    }
    const payload = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.ok) return payload as T;
    const code = typeof payload.code === 'string' ? payload.code : `HTTP_${res.status}`;
    if (res.status >= 500 || res.status === 429 || res.status === 408) {
      throw ApplicationFailure.retryable(`partner unavailable: HTTP ${res.status} ${code}`, 'PartnerUnavailable');
    }
    // 401/403 are our own configuration problem: retrying will not help, but neither is it the partner's
    // verdict on the case. They surface as refusals so a person looks at them.
    throw ApplicationFailure.nonRetryable(`partner refused: HTTP ${res.status} ${code}`, PARTNER_REFUSAL, { code });
  } finally {
    clearInterval(heartbeat);
  }
}

function heartbeatIfActivity(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // Not inside an activity (e.g. the notification dispatcher): nothing to report to.
  }
}

function cancellationSignal(): AbortSignal[] {
  try {
    return [Context.current().cancellationSignal];
  } catch {
    return [];
  }
}

function describe(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.name ?? 'error';
}
