// Transport: book a vehicle for one person or a whole group, cancel it, and report departures and arrivals
// for every passenger by callback.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { CallbackSender } from './callbacks';
import type { Faults } from './faults';
import { faulty, problem } from './faults';
import type { IdempotencyStore } from './idempotency';
import type { Timers } from './timers';

export interface Booking {
  bookingId: string;
  caseRefs: string[];
  leg: 'to_facility' | 'home';
  from: string;
  to: string;
  callbackUrl: string | undefined;
  status: 'booked' | 'cancelled' | 'departed' | 'arrived';
}

export interface TransportOptions {
  /** Seats per vehicle: a bigger group is refused with NO_CAPACITY. */
  capacity: number;
  departAfterMs: number | null;
  arriveAfterMs: number | null;
}

const bookBody = z
  .object({
    caseRefs: z.array(z.string().min(1).max(100)).min(1).max(60),
    leg: z.enum(['to_facility', 'home']),
    from: z.string().regex(/^\d{2}(\.\d{2})?$/),
    to: z.string().regex(/^\d{2}(\.\d{2})?$/),
    callbackUrl: z.string().url().optional(),
  })
  .strict();

export function transportService(deps: { faults: Faults; keys: IdempotencyStore; callbacks: CallbackSender; timers: Timers; options: TransportOptions }) {
  const bookings = new Map<string, Booking>();
  let cancelled = 0;

  const report = (b: Booking, event: 'departed' | 'arrived') => {
    for (const caseRef of b.caseRefs) {
      deps.callbacks.send(b.callbackUrl, { partnerId: 'TRANSPORT-SIM', caseRef, command: { type: 'recordTransport', leg: b.leg, event } });
    }
  };
  const depart = (b: Booking) => {
    if (b.status !== 'booked') return false;
    b.status = 'departed';
    report(b, 'departed');
    if (deps.options.arriveAfterMs !== null) deps.timers.after(deps.options.arriveAfterMs, () => arrive(b));
    return true;
  };
  const arrive = (b: Booking) => {
    if (b.status !== 'departed') return false;
    b.status = 'arrived';
    report(b, 'arrived');
    return true;
  };

  const router = Router();
  router.post(
    '/transport/bookings',
    faulty(deps.faults, 'transport.book', (req) =>
      deps.keys.once('transport', req.get('idempotency-key'), req.body, () => {
        const parsed = bookBody.safeParse(req.body);
        if (!parsed.success) return problem(400, 'INVALID_REQUEST', 'Invalid booking request');
        if (parsed.data.caseRefs.length > deps.options.capacity) return problem(409, 'NO_CAPACITY', 'No vehicle with enough seats');
        const b: Booking = { bookingId: `bk-${randomUUID()}`, ...parsed.data, callbackUrl: parsed.data.callbackUrl, status: 'booked' };
        bookings.set(b.bookingId, b);
        if (deps.options.departAfterMs !== null) deps.timers.after(deps.options.departAfterMs, () => depart(b));
        return { status: 201, body: { bookingId: b.bookingId, status: b.status, seats: b.caseRefs.length }, effect: true };
      }),
    ),
  );
  router.post(
    '/transport/bookings/:id/cancel',
    faulty(deps.faults, 'transport.cancel', (req) => {
      const b = bookings.get(String(req.params.id));
      if (!b) return problem(404, 'NOT_FOUND', 'No such booking');
      if (b.status === 'cancelled') return { status: 200, body: { bookingId: b.bookingId, status: b.status } };
      if (b.status !== 'booked') return problem(409, 'ALREADY_DEPARTED', 'The vehicle has left');
      b.status = 'cancelled';
      cancelled += 1;
      return { status: 200, body: { bookingId: b.bookingId, status: b.status }, effect: true };
    }),
  );
  router.get('/transport/bookings/:id', (req, res) => {
    const b = bookings.get(req.params.id);
    if (!b) res.status(404).json(problem(404, 'NOT_FOUND', 'No such booking').body);
    else res.json({ bookingId: b.bookingId, status: b.status, seats: b.caseRefs.length });
  });
  for (const [action, fn] of [
    ['depart', depart],
    ['arrive', arrive],
  ] as const) {
    router.post(`/_admin/transport/bookings/:id/${action}`, (req, res) => {
      const b = bookings.get(req.params.id);
      if (!b) res.status(404).json({ code: 'NOT_FOUND' });
      else res.json({ changed: fn(b), status: b.status });
    });
  }
  return { router, bookings, cancelledCount: () => cancelled };
}
