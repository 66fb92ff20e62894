// GET /_admin/counts: what the simulators received and did, in the shape tests assert on — totals, per
// endpoint, and per idempotency key or case reference for "each applied exactly once".
import type { CallbackSender } from './callbacks';
import type { EndpointCounts, EndpointName, Faults } from './faults';
import { ENDPOINTS } from './faults';
import type { NotificationGatewayService } from './notification-gateway';
import type { ReferralService } from './referral';
import type { TracingService } from './tracing';
import type { TransportService } from './transport';

export interface SimulatorCounts {
  endpoints: Record<EndpointName, EndpointCounts>;
  admissionsCreated: number;
  bookingsCreated: number;
  bookingsCancelled: number;
  messagesSent: number;
  lookupsCreated: number;
  /** Callback copies answered 2xx (a deliberate duplicate counts as a second delivery). */
  callbacksDelivered: number;
  callbackAttempts: number;
  /** Copies given up on: retries exhausted, or a 4xx that repeating cannot fix. */
  callbacksAbandoned: number;
  /** Effects applied per endpoint and Idempotency-Key: every value must be 1. */
  effectsPerKey: Partial<Record<EndpointName, Record<string, number>>>;
  /** Per case reference: a client that uses a new key for the same step shows up here as 2. */
  admissionsPerCaseRef: Record<string, number>;
  bookingsPerCaseRef: Record<string, number>;
  lookupsPerCaseRef: Record<string, number>;
  messagesPerKey: Record<string, number>;
}

export interface CountSources {
  faults: Faults;
  callbacks: CallbackSender;
  referral: ReferralService;
  transport: TransportService;
  gateway: NotificationGatewayService;
  tracing: TracingService;
}

export function countsOf(s: CountSources): SimulatorCounts {
  return {
    endpoints: Object.fromEntries(ENDPOINTS.map((e) => [e, { ...s.faults.count(e) }])) as Record<EndpointName, EndpointCounts>,
    admissionsCreated: s.referral.admissions.size,
    bookingsCreated: s.transport.bookings.size,
    bookingsCancelled: s.transport.cancelledCount(),
    messagesSent: s.gateway.messages.size,
    lookupsCreated: s.tracing.lookups.size,
    callbacksDelivered: s.callbacks.delivered,
    callbackAttempts: s.callbacks.attempts,
    callbacksAbandoned: s.callbacks.abandoned,
    effectsPerKey: s.faults.effectsPerKey(),
    admissionsPerCaseRef: tally(s.referral.admissions.values(), (a) => [a.caseRef]),
    bookingsPerCaseRef: tally(s.transport.bookings.values(), (b) => b.caseRefs),
    lookupsPerCaseRef: tally(s.tracing.lookups.values(), (l) => [l.caseRef]),
    messagesPerKey: tally(s.gateway.messages.values(), (m) => [m.key]),
  };
}

function tally<T>(items: Iterable<T>, refs: (t: T) => string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) for (const r of refs(item)) out[r] = (out[r] ?? 0) + 1;
  return out;
}
