// Transport: one vehicle for one person or a whole group, cancellable until it leaves, reporting departure
// and arrival for every passenger by callback (each passenger is a case of its own in Sigap).
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import type { TransportLeg } from './callbacks';
import type { SimContext } from './context';
import { endpoint, parseBody, problem, send, sendProblem } from './http';
import { callbackUrl, caseRef, regionCode } from './schemas';

export interface Booking {
  bookingId: string;
  /** The Idempotency-Key it was created under. */
  key: string;
  caseRefs: string[];
  leg: TransportLeg;
  from: string;
  to: string;
  callbackUrl: string | undefined;
  status: 'booked' | 'cancelled' | 'departed' | 'arrived';
  /** UTC day of booking, for seatsPerDay. */
  day: string;
  createdAt: string;
  updatedAt: string;
}

export interface TransportOptions {
  /** Seats in one vehicle: a bigger group is refused with NO_CAPACITY. */
  capacity: number;
  /** Seats the operator has per day over all bookings (cancelling gives them back); null = no limit. */
  seatsPerDay: number | null;
  /** Depart automatically this long after booking; null = only through the admin route. */
  departAfterMs: number | null;
  /** Arrive automatically this long after departing; null = only through the admin route. */
  arriveAfterMs: number | null;
  /** Sender name on callbacks. */
  partnerId: string;
}

export const TRANSPORT_DEFAULTS: TransportOptions = {
  capacity: 60,
  seatsPerDay: null,
  // A vehicle leaves the day after it is booked and the trip takes a day (tests set their own or null).
  departAfterMs: 24 * 3_600_000,
  arriveAfterMs: 24 * 3_600_000,
  partnerId: 'TRANSPORT-SIM',
};

const bookBody = z
  .object({
    caseRefs: z
      .array(caseRef)
      .min(1)
      .max(60)
      .refine((refs) => new Set(refs).size === refs.length, 'a person can hold only one seat'),
    leg: z.enum(['to_facility', 'from_facility', 'home']),
    from: regionCode,
    to: regionCode,
    callbackUrl: callbackUrl.optional(),
  })
  .strict();

/** The trips' clock: seats taken per day, and bookings moving booked -> departed -> arrived (or cancelled). */
function tripsOf(ctx: SimContext, options: TransportOptions, bookings: Map<string, Booking>) {
  const seatsTaken = (day: string) => {
    let n = 0;
    for (const b of bookings.values()) if (b.day === day && b.status !== 'cancelled') n += b.caseRefs.length;
    return n;
  };
  const report = (b: Booking, event: 'departed' | 'arrived') => {
    for (const ref of b.caseRefs) {
      ctx.callbacks.send(b.callbackUrl, { partnerId: options.partnerId, caseRef: ref, command: { type: 'recordTransport', leg: b.leg, event } }, { bookingId: b.bookingId });
    }
  };
  const move = (b: Booking, from: Booking['status'], to: Booking['status']) => {
    if (b.status !== from) return false;
    b.status = to;
    b.updatedAt = ctx.now().toISOString();
    return true;
  };
  /** A cancelled booking never departs; false when the booking was not waiting to leave. */
  const depart = (b: Booking): boolean => {
    if (!move(b, 'booked', 'departed')) return false;
    report(b, 'departed');
    if (options.arriveAfterMs !== null) ctx.timers.after(ctx.paced(options.arriveAfterMs), () => arrive(b));
    return true;
  };
  const arrive = (b: Booking): boolean => {
    if (!move(b, 'departed', 'arrived')) return false;
    report(b, 'arrived');
    return true;
  };
  return { seatsTaken, move, depart, arrive };
}

/** POST /bookings: a vehicle for these passengers, if there are seats; it departs (and arrives) by itself. */
function book(ctx: SimContext, options: TransportOptions, bookings: Map<string, Booking>, trips: ReturnType<typeof tripsOf>, req: Request) {
  const key = req.get('idempotency-key');
  return ctx.keys.once('transport.book', key, req.body, () => {
    const parsed = parseBody(bookBody, req.body, 'Invalid booking request');
    if (!parsed.ok) return parsed.reply;
    const seats = parsed.data.caseRefs.length;
    const now = ctx.now();
    const day = now.toISOString().slice(0, 10);
    if (seats > options.capacity) return problem(409, 'NO_CAPACITY', `No vehicle with ${seats} seats`);
    if (options.seatsPerDay !== null && trips.seatsTaken(day) + seats > options.seatsPerDay) return problem(409, 'NO_CAPACITY', 'No seats left today');
    const b: Booking = {
      bookingId: `bk-${randomUUID()}`,
      key: key!,
      caseRefs: parsed.data.caseRefs,
      leg: parsed.data.leg,
      from: parsed.data.from,
      to: parsed.data.to,
      callbackUrl: parsed.data.callbackUrl,
      status: 'booked',
      day,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    bookings.set(b.bookingId, b);
    if (options.departAfterMs !== null) ctx.timers.after(ctx.paced(options.departAfterMs), () => trips.depart(b));
    return { status: 201, body: { bookingId: b.bookingId, status: b.status, seats }, effect: true };
  });
}

export function transportService(ctx: SimContext, options: TransportOptions) {
  const bookings = new Map<string, Booking>();
  let cancelled = 0;
  const trips = tripsOf(ctx, options, bookings);
  const { move, depart, arrive } = trips;

  const router = Router();
  router.post('/bookings', endpoint(ctx, 'transport.book', (req) => book(ctx, options, bookings, trips, req)));
  // Cancelling is idempotent by the booking's state, so the Idempotency-Key is optional here.
  router.post(
    '/bookings/:id/cancel',
    endpoint(ctx, 'transport.cancel', (req) => {
      const b = bookings.get(req.params.id as string);
      if (!b) return problem(404, 'NOT_FOUND', 'No such booking');
      if (b.status === 'cancelled') return { status: 200, body: { bookingId: b.bookingId, status: b.status } };
      if (!move(b, 'booked', 'cancelled')) return problem(409, 'ALREADY_DEPARTED', 'The vehicle has already left');
      cancelled += 1;
      return { status: 200, body: { bookingId: b.bookingId, status: b.status }, effect: true };
    }),
  );
  router.get(
    '/bookings/:id',
    endpoint(ctx, 'transport.status', (req) => {
      const b = bookings.get(req.params.id as string);
      if (!b) return problem(404, 'NOT_FOUND', 'No such booking');
      return { status: 200, body: view(b) };
    }),
  );

  const admin = Router();
  for (const [action, fn] of [
    ['depart', depart],
    ['arrive', arrive],
  ] as const) {
    admin.post(`/bookings/:id/${action}`, (req, res) => {
      const b = bookings.get(req.params.id);
      if (!b) return sendProblem(res, 404, 'NOT_FOUND', 'No such booking');
      const changed = fn(b);
      send(res, { status: 200, body: { changed, ...view(b) } });
    });
  }

  return {
    router,
    admin,
    bookings,
    depart,
    arrive,
    cancelledCount: () => cancelled,
    reset: () => {
      bookings.clear();
      cancelled = 0;
    },
  };
}

function view(b: Booking) {
  return { bookingId: b.bookingId, status: b.status, seats: b.caseRefs.length, leg: b.leg, from: b.from, to: b.to, updatedAt: b.updatedAt };
}

export type TransportService = ReturnType<typeof transportService>;
