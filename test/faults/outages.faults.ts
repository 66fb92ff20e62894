// The platform under Sigap goes away: the Temporal dev server is killed and restarted on its SQLite file,
// and the read model's PostgreSQL is stopped for 30 s. One production-shaped stack for the file.
import { postgresStopped } from './postgres-outage';
import { Stack } from './lib/stack';
import { temporalRestarted } from './temporal-restart';

let stack: Stack;
const run = Date.now().toString(36);

beforeAll(async () => {
  stack = await Stack.start('outages');
}, 180_000);
afterAll(() => stack?.close());

it('3. Temporal restarted on its SQLite file: nothing lost; while down, 503 TEMPORAL_UNAVAILABLE fast and reads from the read model', () =>
  temporalRestarted(stack, run));

it('4. PostgreSQL stopped for 30 s: lists 503 DATABASE_UNAVAILABLE fast, commands still answer, the read model catches up', () =>
  postgresStopped(stack, run));
