// Each scenario prints its figures on one line, so a CI log shows what the run measured and
// docs/RELIABILITY.md can quote it.
export function figures(scenario: string, values: Record<string, unknown>): void {
  process.stdout.write(`FAULT-FIGURES ${JSON.stringify({ scenario, ...values })}\n`);
}

/** Median, 95th percentile and maximum of some latencies, in whole milliseconds. */
export function spread(ms: number[]): { n: number; p50: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}
