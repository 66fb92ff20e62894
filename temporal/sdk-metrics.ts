// The Temporal SDK's own metrics (task latencies, slots, polls, activity and workflow outcomes) come from
// its Rust core, which serves them in Prometheus format. The runtime must be configured before the first
// worker connection is made.
import { Runtime } from '@temporalio/worker';

export function exportSdkMetrics(bindAddress: string | undefined): void {
  if (!bindAddress) return;
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress, countersTotalSuffix: true, useSecondsForDurations: true } } } });
}

/** Reads the SDK exposition, so that one /metrics can show both when the API and worker share a process. */
export function sdkMetricsReader(bindAddress: string): () => Promise<string> {
  return async () => {
    const res = await fetch(`http://${bindAddress}/metrics`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) throw new Error(`sdk metrics: HTTP ${res.status}`);
    return res.text();
  };
}
