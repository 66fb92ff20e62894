// `npm run token -- --role supervisor --sub spv-64 --regions 64`: a development bearer token, signed with
// the same secret the local API verifies against (SIGAP_JWT_SECRET or the one under .data/).
import { Command, InvalidArgumentError, Option } from 'commander';
import { regionScope, signToken } from '../api/auth/tokens';
import type { TokenRole } from '../domain/roles';
import { STAFF_ID } from '../domain/ids';
import { TOKEN_ROLES } from '../domain/roles';
import { tokenSettingsFrom } from '../config/auth';
import { loadConfig } from '../config/env';

const regions = (value: string): string[] => {
  const list = value.split(',').map((r) => r.trim());
  if (!list.every((r) => regionScope.safeParse(r).success)) throw new InvalidArgumentError('expected "*" or region codes like 64 or 64.72, comma-separated');
  return list;
};

// The API accepts only opaque ids of 2–64 characters; a token it would always reject is refused here.
const subject = (value: string): string => {
  if (!STAFF_ID.test(value)) throw new InvalidArgumentError('expected an opaque id of 2–64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  return value;
};

const program = new Command()
  .name('npm run token --')
  .description('Issue a development bearer token for the Sigap API')
  .addOption(new Option('--role <role>', 'role').choices(TOKEN_ROLES).default('operator'))
  .option('--sub <id>', 'opaque staff or partner id (never a name)', subject, 'dev-operator')
  .option('--regions <codes>', 'region scope: "*" or region codes, comma-separated', regions, ['*'])
  .option('--ttl <duration>', 'lifetime, e.g. 8h, 30m, 7d', '8h')
  .action(async (opts: { role: TokenRole; sub: string; regions: string[]; ttl: string }) => {
    const config = loadConfig();
    if (config.production) throw new Error('development tokens are not issued in production; use the identity provider');
    const token = await signToken(tokenSettingsFrom(config), { sub: opts.sub, role: opts.role, regions: opts.regions }, opts.ttl);
    process.stdout.write(`${token}\n`);
  });

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
