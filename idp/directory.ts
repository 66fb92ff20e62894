// Who may sign in and which applications may ask for tokens, read from one JSON file. The accounts stand in
// for the Dinas's real identity provider: opaque ids, invented display names, development passwords. The
// claims are Sigap's wire contract (docs: README "Configuration", api/auth/tokens.ts), repeated here
// because this service, like the partner simulators, shares no code with Sigap.
import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

const ROLES = ['operator', 'case_manager', 'supervisor', 'admin', 'partner'] as const;
/** "*" or Kemendagri codes: a province ("64") or a kabupaten/kota ("64.72"). */
const region = z.union([z.literal('*'), z.string().regex(/^\d{2}(\.\d{2})?$/)]);
/** Opaque ids, never names: they become the token's `sub` and Sigap's staff id. */
const opaqueId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/);

const sigapClaims = { role: z.enum(ROLES), regions: z.array(region).min(1) };

const account = z.strictObject({
  id: opaqueId,
  password: z.string().min(8),
  /** Shown by the Web UI after sign-in; invented, as everything in a development directory. */
  name: z.string().min(1).max(80),
  ...sigapClaims,
});

const client = z.union([
  // A web application signing people in (the Temporal UI server): authorization code, confidential.
  z.strictObject({ clientId: opaqueId, secret: z.string().min(16), redirectUris: z.array(z.url()).min(1) }),
  // A machine calling Sigap on its own behalf (the partner simulators): client credentials, its own claims.
  z.strictObject({ clientId: opaqueId, secret: z.string().min(16), claims: z.strictObject(sigapClaims) }),
]);

const directorySchema = z.strictObject({ clients: z.array(client).min(1), accounts: z.array(account) });

export type Account = z.infer<typeof account>;
export type DirectoryClient = z.infer<typeof client>;
export type MachineClient = Extract<DirectoryClient, { claims: unknown }>;
export type SigapClaims = Pick<Account, 'role' | 'regions'>;

export class Directory {
  private readonly accounts: Map<string, Account>;
  private readonly machines: Map<string, MachineClient>;

  constructor(readonly clients: DirectoryClient[], accounts: Account[]) {
    this.accounts = new Map(accounts.map((a) => [a.id, a]));
    this.machines = new Map(clients.filter((c): c is MachineClient => 'claims' in c).map((c) => [c.clientId, c]));
  }

  account(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  machine(clientId: string): MachineClient | undefined {
    return this.machines.get(clientId);
  }

  /** The account, when the password is its own; compared in constant time so timing tells nothing. */
  signIn(id: string, password: string): Account | undefined {
    const found = this.accounts.get(id);
    const expected = digest(found?.password ?? '\0no account\0');
    const ok = timingSafeEqual(digest(password), expected);
    return ok && found ? found : undefined;
  }
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Reads and checks the directory; a mistake names the field, never a value (passwords live there). */
export function loadDirectory(file: string): Directory {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the directory ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = directorySchema.safeParse(raw);
  if (!parsed.success) throw new Error(`directory ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ids = [...parsed.data.clients.map((c) => c.clientId), ...parsed.data.accounts.map((a) => a.id)];
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  // A machine client's id is its token's `sub`: it must not collide with a person's.
  if (twice.length) throw new Error(`directory ${file}: ids used twice: ${[...new Set(twice)].join(', ')}`);
  return new Directory(parsed.data.clients, parsed.data.accounts);
}
