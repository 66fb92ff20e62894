// Delayed partner behaviour (decisions, departures, delivery reports), cleared when the simulator stops.
export class Timers {
  private handles = new Set<NodeJS.Timeout>();

  after(ms: number, fn: () => void): void {
    const h = setTimeout(() => {
      this.handles.delete(h);
      fn();
    }, ms);
    this.handles.add(h);
  }

  clear(): void {
    for (const h of this.handles) clearTimeout(h);
    this.handles.clear();
  }
}
