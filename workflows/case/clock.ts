// When the case wakes next: at its next moment, or at once when something changes the file. Since
// 'lazy-timers-v1' the timer of a moment that moved later is kept, not cancelled and started again: most
// commands move a deadline on (every note moves the stalled-case check), and each re-arm was two history
// events and a command (#17). A kept timer may fire before the new moment; the case then finds nothing
// due and sleeps on. A moment that moved earlier still gets a new timer.
import { CancellationScope, condition, isCancellation, sleep } from '@temporalio/workflow';
import { timerSummary } from '../../domain/case/ui-texts';
import type { CaseFile } from '../../domain/case/file';
import type { Policy } from '../../domain/policy';
import { nextDue } from '../../domain/scheduler';

export const LAZY_TIMERS_PATCH = 'lazy-timers-v1';

interface Running {
  at: number;
  scope: CancellationScope;
  fired: boolean;
}

export class CaseClock {
  private running: Running | null = null;

  constructor(private readonly lazy: boolean) {}

  /** Sleeps until the case's next moment falls due, or until something changes the file. */
  async next(file: CaseFile, policy: Policy): Promise<void> {
    const due = nextDue(file, policy);
    const seen = file.version;
    if (!due) {
      this.cancel();
      await condition(() => file.version !== seen);
      return;
    }
    const at = new Date(due.at).getTime();
    const wait = at - Date.now();
    if (wait <= 0) return;
    if (!this.lazy) {
      await condition(() => file.version !== seen, wait, { summary: timerSummary(due, file.regionCode) });
      return;
    }
    if (!this.running || this.running.fired || this.running.at > at) this.start(at, wait, timerSummary(due, file.regionCode));
    const timer = this.running!;
    await condition(() => file.version !== seen || timer.fired);
  }

  private start(at: number, wait: number, summary: string): void {
    this.cancel();
    const scope = new CancellationScope();
    const timer: Running = { at, scope, fired: false };
    this.running = timer;
    scope
      .run(() => sleep(wait, { summary }))
      .then(
        () => {
          timer.fired = true;
        },
        (err: unknown) => {
          if (!isCancellation(err)) throw err;
        },
      );
  }

  private cancel(): void {
    if (this.running && !this.running.fired) this.running.scope.cancel();
    this.running = null;
  }
}
