// Delayed partner behaviour (decisions, departures, delivery reports) and held requests (latency, hung
// calls). Reset and close cancel all of them, so a cleared simulator does not call back about cases it has
// forgotten and a closed one does not keep the process alive for a 30-second injected timeout.
/** setTimeout's longest delay (about 24.8 days); a longer one would fire at once. */
const MAX_TIMEOUT = 2 ** 31 - 1;

export class Timers {
  private readonly jobs = new Set<NodeJS.Timeout>();
  private readonly sleepers = new Map<NodeJS.Timeout, (elapsed: boolean) => void>();
  private stopped = false;

  /** Runs `fn` after `ms` unless cleared first (a partner's pace can be weeks: past setTimeout's limit, in steps). */
  after(ms: number, fn: () => void): void {
    if (this.stopped) return;
    const step = Math.min(ms, MAX_TIMEOUT);
    const h = setTimeout(() => {
      this.jobs.delete(h);
      if (ms > step) this.after(ms - step, fn);
      else fn();
    }, step);
    this.jobs.add(h);
  }

  /** Resolves true after `ms`, or false as soon as the timers are cleared. */
  sleep(ms: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const h = setTimeout(() => {
        this.sleepers.delete(h);
        resolve(true);
      }, ms);
      this.sleepers.set(h, resolve);
    });
  }

  clear(): void {
    for (const h of this.jobs) clearTimeout(h);
    this.jobs.clear();
    for (const [h, wake] of this.sleepers) {
      clearTimeout(h);
      wake(false);
    }
    this.sleepers.clear();
  }

  /** Clears, and refuses everything scheduled later: the simulator is closing. */
  stop(): void {
    this.stopped = true;
    this.clear();
  }
}
