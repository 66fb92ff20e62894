// What every simulated service shares in one simulator process: the fault plan, the idempotency store,
// the delayed jobs, the callback sender, the outcome generator and the logger.
import type { Logger } from 'pino';
import type { CallbackSender } from './callbacks';
import type { Faults } from './faults';
import type { IdempotencyStore } from './idempotency';
import type { Random } from './random';
import type { Timers } from './timers';

export interface SimContext {
  faults: Faults;
  keys: IdempotencyStore;
  timers: Timers;
  callbacks: CallbackSender;
  /** Business outcomes (accept, found, delivered): a generator of its own, so faults do not shift them. */
  random: Random;
  log: Logger;
  /** The simulator's clock, for timestamps and the daily seat count. */
  now: () => Date;
  /**
   * A partner's own pace (a decision after hours, a discharge after weeks) on the deployment's time scale,
   * so that a training or a demo run with SIGAP_TIME_SCALE sees partners keep pace with its cases.
   */
  paced(ms: number): number;
}
