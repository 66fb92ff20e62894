// A wait that whoever changes the case ends directly, instead of a condition the SDK re-evaluates.
// A condition that comes true is noticed only after the activation's code has run, in one more round of
// unblocking, and each round enters the workflow sandbox again (a watchdog per entry) and makes four
// promises, each of which the SDK's promise hook gives a source-mapped stack. A fired deadline woke two
// such conditions in turn (the clock's, then the writer's): two rounds more than the raw floor (#17).
import { CancellationScope } from '@temporalio/workflow';

export class Bell {
  private waiter: { resolve: () => void; reject: (err: unknown) => void } | null = null;
  /** The cancellation, once the scope the bell was made in is cancelled. */
  private cancelled: { err: unknown } | null = null;

  constructor() {
    // Like a condition, a wait ends with the case's cancellation, and one begun after it fails at once.
    CancellationScope.current().cancelRequested.catch((err: unknown) => {
      this.cancelled = { err };
      const waiter = this.waiter;
      this.waiter = null;
      waiter?.reject(err);
    });
  }

  /** Until the next ring; one waiter at a time. */
  wait(): Promise<void> {
    if (this.cancelled) return Promise.reject(this.cancelled.err);
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** Ends the wait in progress, if any; a ring while nobody waits is not kept (the waiter reads the state first). */
  ring(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.resolve();
  }
}
