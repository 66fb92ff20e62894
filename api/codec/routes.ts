// Remote codec endpoint for the Temporal Web UI: decodes (and encodes) payloads in the JSON form the UI
// sends, so an authorised person can read encrypted case data in the browser. Keys never leave the server.
import type { Payload } from '@temporalio/common';
import type { Request, RequestHandler, Response } from 'express';
import express, { Router } from 'express';
import { EncryptionCodec } from '../../temporal/encryption-codec';
import { principalOf } from '../http/principal';
import type { KeyRing } from '../../temporal/keyring';

/** The caller's staff id once a guard authenticated them. */
function principalId(req: Request): string | undefined {
  try {
    return principalOf(req).id;
  } catch {
    return undefined;
  }
}

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/** A Temporal payload is at most 2 MB; a batch of them from the UI stays under this. */
export const CODEC_BODY_LIMIT = '4mb';

/** Loopback addresses: without a guard, decoding is for the person at this machine only. */
const LOCAL = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface CodecAudit {
  /** Every decode or encode, by whom (a staff id, or "local") and how many payloads — never their content. */
  (event: { op: 'decode' | 'encode'; caller: string; payloads: number; remote: string }): void;
}

export function codecRouter(ring: KeyRing, corsOrigins: string[], guard: RequestHandler[] = [], audit?: CodecAudit): Router {
  const codec = new EncryptionCodec(ring);
  const router = Router();
  router.use('/codec', (req, res, next) => {
    // The Web UI calls this from the browser: only its own origins may read the answers.
    const origin = req.get('origin');
    if (origin && corsOrigins.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    // With TEMPORAL_CODEC_PASS_ACCESS_TOKEN the UI sends the access token and, in Authorization-Extras, the
    // ID token (ui-server v2.49); a preflight refusing either header would stop the call.
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Namespace, Authorization, Authorization-Extras');
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.sendStatus(204);
      return;
    }
    next();
  });
  // Without a guard (development), only this machine may decrypt: the API port may be reachable from the LAN.
  const localOnly: RequestHandler = (req, res, next) => {
    if (guard.length || LOCAL.has(req.socket.remoteAddress ?? '')) return next();
    res.status(403).type('application/problem+json').json({ code: 'CODEC_LOCAL_ONLY', status: 403, title: 'Dekripsi hanya dari mesin ini / decoding from this machine only' });
  };
  const handle = (op: 'decode' | 'encode', fn: (p: Payload[]) => Promise<Payload[]>) => async (req: Request, res: Response) => {
    const payloads = (req.body as { payloads?: JsonPayload[] } | undefined)?.payloads ?? [];
    audit?.({ op, caller: principalId(req) ?? 'local', payloads: payloads.length, remote: req.socket.remoteAddress ?? '' });
    res.json({ payloads: (await fn(payloads.map(fromJson))).map(toJson) });
  };
  // Preflight requests above carry no credentials; the guard applies to the calls themselves, and comes
  // before the body is read. The UI sends whole batches of payloads, hence a cap of its own.
  const body = express.json({ limit: CODEC_BODY_LIMIT });
  router.post('/codec/decode', localOnly, ...guard, body, handle('decode', (p) => codec.decode(p)));
  router.post('/codec/encode', localOnly, ...guard, body, handle('encode', (p) => codec.encode(p)));
  return router;
}
