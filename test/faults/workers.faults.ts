// Workers killed with SIGKILL: every worker twice under a load of 100 cases, every worker while a
// deadline falls due, one worker in the middle of a partner call; then the outbox those kills left
// behind. One production-shaped stack for the file; the load runs first, so that the notification leases
// its kills strand have run out by the time the last test looks at the outbox.
import { deadlineWhileWorkersDown } from './deadline';
import { Stack } from './lib/stack';
import { workersKilledUnderLoad } from './load';
import { outboxDrainedOnce } from './outbox';
import { workerKilledDuringPartnerCall } from './worker-kill';

let stack: Stack;
const run = Date.now().toString(36);

beforeAll(async () => {
  stack = await Stack.start('workers');
}, 180_000);
afterAll(() => stack?.close());

it('2. every worker killed twice under 100 cases: nothing lost, nothing twice, every timeline as without faults', () => workersKilledUnderLoad(stack, run), 300_000);

it('7. a deadline due while every worker is down fires once when one comes back', () => deadlineWhileWorkersDown(stack, run));

it('1. a worker killed during a partner call: the step completes with exactly one effect', () => workerKilledDuringPartnerCall(stack, run));

it('2b. after every kill, each queued notification is sent exactly once', () => outboxDrainedOnce(stack));
