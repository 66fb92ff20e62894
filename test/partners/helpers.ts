// Shared by the partner simulator suites: a simulator on a real port (closed after each test), plain fetch
// calls as a partner client would make them, and a tiny HTTP server standing in for Sigap's callback route.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSimulator, StartOptions } from '../../partners/simulator';
import { startPartnerSimulator } from '../../partners/simulator';

const running: RunningSimulator[] = [];
const receivers: Receiver[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

/** A simulator that decides nothing by itself unless a test asks for it. */
export async function sim(options: StartOptions = {}): Promise<RunningSimulator> {
  const r = await startPartnerSimulator({
    callbackBaseDelayMs: 10,
    ...options,
    referral: { decisionDelayMs: null, dischargeAfterMs: null, ...options.referral },
    transport: { departAfterMs: null, arriveAfterMs: null, ...options.transport },
    gateway: { deliverAfterMs: null, ...options.gateway },
    tracing: { resultDelayMs: null, ...options.tracing },
  });
  running.push(r);
  return r;
}

export function post(base: string, path: string, body: unknown, key?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}), ...headers },
    body: JSON.stringify(body),
  });
}

export function put(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export async function json<T = Record<string, unknown>>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

export interface Received {
  auth: string | undefined;
  body: { partnerId: string; reportId: string; caseRef: string; command: Record<string, unknown> & { type: string } } & Record<string, unknown>;
}

export interface Receiver {
  url: string;
  /** Callbacks answered 2xx. */
  received: Received[];
  /** Every request, answered or not. */
  calls(): number;
  close(): Promise<void>;
}

/** Sigap's callback route: answers `answer(n)` to the n-th request (1-based), 202 by default. */
export async function receiver(answer: (n: number) => number = () => 202): Promise<Receiver> {
  const received: Received[] = [];
  let calls = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls += 1;
      const status = answer(calls);
      if (status >= 200 && status < 300) received.push({ auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString()) as Received['body'] });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const rx: Receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/partner-callbacks`,
    received,
    calls: () => calls,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
  receivers.push(rx);
  return rx;
}

/** Polls a synchronous condition every 10 ms. */
export async function until(probe: () => boolean, what: string, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const admission = (over: Record<string, unknown> = {}) => ({ caseRef: 'case-1', partner: 'rsj', facilityCode: 'RSJ-MENUR', ...over });
export const booking = (over: Record<string, unknown> = {}) => ({ caseRefs: ['case-1'], leg: 'home', from: '64.72', to: '32.04', ...over });
export const message = (over: Record<string, unknown> = {}) => ({ channel: 'sms', to: 'family-of:case-1', template: 'trip_booked', language: 'id', body: 'Jadwal keberangkatan', ...over });
