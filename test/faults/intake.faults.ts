// Intake under faults: the API killed in the middle of a burst, and one key sent twenty times at once.
// One production-shaped stack for the file.
import { apiKilledDuringIntakeBurst, sameKeyTwentyTimes } from './intake';
import { Stack } from './lib/stack';

let stack: Stack;
const run = Date.now().toString(36);

beforeAll(async () => {
  stack = await Stack.start('intake');
}, 180_000);
afterAll(() => stack?.close());

it('5. the API killed in the middle of an intake burst: each retried key yields exactly one case', () => apiKilledDuringIntakeBurst(stack, run));

it('6. one Idempotency-Key sent 20 times at once: one case, every answer names it', () => sameKeyTwentyTimes(stack, run));
