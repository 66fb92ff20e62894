// Transport: group bookings, capacity refusals, cancellation, and trip events per passenger.
import { booking, json, post, receiver, sim, sleep, until } from './helpers';

const group = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

test('a group booking of 28 returnees: one vehicle, 28 seats, each passenger counted once', async () => {
  const s = await sim();
  const res = await post(s.url, '/transport/bookings', booking({ caseRefs: group(28) }), 'batch-1:transport:v1');
  expect(res.status).toBe(201);
  expect(await json(res)).toEqual({ bookingId: expect.stringMatching(/^bk-/), status: 'booked', seats: 28 });
  const counts = s.counts();
  expect(counts.bookingsCreated).toBe(1);
  expect(Object.keys(counts.bookingsPerCaseRef)).toHaveLength(28);
  expect(Object.values(counts.bookingsPerCaseRef).every((n) => n === 1)).toBe(true);
});

test('NO_CAPACITY: a group larger than the vehicle, or than the seats left today; cancelling gives seats back', async () => {
  const s = await sim({ transport: { capacity: 30, seatsPerDay: 40 } });
  const tooBig = await post(s.url, '/transport/bookings', booking({ caseRefs: group(31) }), 'a');
  expect(tooBig.status).toBe(409);
  expect(await json(tooBig)).toMatchObject({ status: 409, code: 'NO_CAPACITY' });
  const first = await json<{ bookingId: string }>(post(s.url, '/transport/bookings', booking({ caseRefs: group(28) }), 'b'));
  expect((await post(s.url, '/transport/bookings', booking({ caseRefs: group(20, 'q') }), 'c')).status).toBe(409);
  await post(s.url, `/transport/bookings/${first.bookingId}/cancel`, {});
  expect((await post(s.url, '/transport/bookings', booking({ caseRefs: group(20, 'q') }), 'c')).status).toBe(201);
  // More than 60 or a person twice is not a valid request at all.
  expect((await post(s.url, '/transport/bookings', booking({ caseRefs: group(61) }), 'd')).status).toBe(400);
  expect((await post(s.url, '/transport/bookings', booking({ caseRefs: ['x', 'x'] }), 'e')).status).toBe(400);
  expect((await post(s.url, '/transport/bookings', booking({ from: 'Samarinda' }), 'f')).status).toBe(400);
});

test('cancel: twice is fine and counted once, 404 for an unknown booking, 409 once the vehicle has left', async () => {
  const s = await sim();
  const { bookingId } = await json<{ bookingId: string }>(post(s.url, '/transport/bookings', booking(), 'k'));
  for (let i = 0; i < 2; i++) {
    const res = await post(s.url, `/transport/bookings/${bookingId}/cancel`, {}, i === 0 ? 'cancel-1' : undefined);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ bookingId, status: 'cancelled' });
  }
  expect(s.counts().bookingsCancelled).toBe(1);
  expect(s.counts().endpoints['transport.cancel']).toMatchObject({ calls: 2, effects: 1 });
  expect(await json(fetch(`${s.url}/transport/bookings/${bookingId}`))).toMatchObject({ status: 'cancelled', seats: 1 });

  const unknown = await post(s.url, '/transport/bookings/bk-nope/cancel', {});
  expect(unknown.status).toBe(404);
  expect(await json(unknown)).toMatchObject({ code: 'NOT_FOUND' });

  const other = await json<{ bookingId: string }>(post(s.url, '/transport/bookings', booking({ caseRefs: ['case-2'] }), 'k2'));
  await post(s.url, `/_admin/transport/bookings/${other.bookingId}/depart`, {});
  const late = await post(s.url, `/transport/bookings/${other.bookingId}/cancel`, {});
  expect(late.status).toBe(409);
  expect(await json(late)).toMatchObject({ code: 'ALREADY_DEPARTED' });
});

test('a trip reports departure and arrival for every passenger; a cancelled booking never departs', async () => {
  const rx = await receiver();
  const s = await sim({ callbackToken: 'transport-token', transport: { arriveAfterMs: 10 } });
  const { bookingId } = await json<{ bookingId: string }>(post(s.url, '/transport/bookings', booking({ caseRefs: group(28), callbackUrl: rx.url }), 'trip'));
  expect(await json(post(s.url, `/_admin/transport/bookings/${bookingId}/depart`, {}))).toMatchObject({ changed: true, status: 'departed' });
  await until(() => rx.received.length === 56, 'departure and arrival for 28');
  for (const event of ['departed', 'arrived']) {
    const of = rx.received.filter((r) => r.body.command.event === event);
    expect(new Set(of.map((r) => r.body.caseRef))).toEqual(new Set(group(28)));
    expect(of.every((r) => r.body.partnerId === 'TRANSPORT-SIM' && r.body.command.type === 'recordTransport' && r.body.command.leg === 'home')).toBe(true);
  }
  expect(rx.received.every((r) => r.auth === 'Bearer transport-token')).toBe(true);
  expect(await json(fetch(`${s.url}/transport/bookings/${bookingId}`))).toMatchObject({ status: 'arrived' });

  const other = await json<{ bookingId: string }>(post(s.url, '/transport/bookings', booking({ caseRefs: ['q'], callbackUrl: rx.url }), 'trip-2'));
  await post(s.url, `/transport/bookings/${other.bookingId}/cancel`, {});
  expect(await json(post(s.url, `/_admin/transport/bookings/${other.bookingId}/depart`, {}))).toMatchObject({ changed: false, status: 'cancelled' });
  expect((await post(s.url, '/_admin/transport/bookings/bk-nope/arrive', {})).status).toBe(404);
});

test('automatic trips after departAfterMs / arriveAfterMs, but not for a booking cancelled in time', async () => {
  const rx = await receiver();
  // b is booked (and cancelled) first: its departure timer, same length, comes due before a's does.
  const s = await sim({ transport: { departAfterMs: 1000, arriveAfterMs: 30 } });
  const cancelled = await json<{ bookingId: string }>(post(s.url, '/transport/bookings', booking({ caseRefs: ['b'], callbackUrl: rx.url }), 'k2'));
  expect((await post(s.url, `/transport/bookings/${cancelled.bookingId}/cancel`, {})).status).toBe(200);
  await post(s.url, '/transport/bookings', booking({ caseRefs: ['a'], callbackUrl: rx.url, leg: 'to_facility' }), 'k1');
  await until(() => rx.received.length === 2, 'the trip of a');
  await sleep(100);
  expect(rx.received.map((r) => [r.body.caseRef, r.body.command.leg, r.body.command.event])).toEqual([
    ['a', 'to_facility', 'departed'],
    ['a', 'to_facility', 'arrived'],
  ]);
});
