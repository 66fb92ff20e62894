// Keys for payload encryption. Several keys may be configured so that old histories stay readable after
// a rotation; new payloads are always sealed with the current key.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KeyRing {
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** Parses "id1:base64key,id2:base64key"; every key must be 32 bytes (AES-256). */
export function parseKeyRing(spec: string, currentId?: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const sep = part.indexOf(':');
    const id = part.slice(0, sep);
    const key = Buffer.from(part.slice(sep + 1), 'base64');
    if (sep <= 0 || !KEY_ID.test(id)) throw new Error('SIGAP_PAYLOAD_KEYS: each entry must be "<key id>:<base64 key>"');
    if (key.length !== 32) throw new Error(`SIGAP_PAYLOAD_KEYS: key "${id}" must be 32 bytes, base64-encoded`);
    keys.set(id, key);
  }
  const first = keys.keys().next();
  if (first.done) throw new Error('SIGAP_PAYLOAD_KEYS has no key');
  const current = currentId ?? first.value;
  if (!keys.has(current)) throw new Error(`SIGAP_PAYLOAD_KEY_ID "${current}" is not among SIGAP_PAYLOAD_KEYS`);
  return { currentId: current, keys };
}

/** A development key ring kept under the data directory, created on first use so restarts can decrypt. */
export function devKeyRing(dataDir: string): KeyRing {
  const file = path.join(dataDir, 'payload-keys.txt');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `dev-1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return parseKeyRing(fs.readFileSync(file, 'utf8').trim());
}

export function generatedKeyRing(id = 'ephemeral'): KeyRing {
  return { currentId: id, keys: new Map([[id, randomBytes(32)]]) };
}
