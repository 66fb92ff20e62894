// Installed first in a measured worker process: on the parent's "memory" message, two full collections
// (run with --expose-gc) and then the process's memory, so what is compared is what stays, not garbage.
export interface MemoryReading {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('the measured worker must run with --expose-gc');
if (!process.send) throw new Error('the measured worker must be started with an IPC channel');

process.on('message', (m: unknown) => {
  if (m !== 'memory') return;
  gc();
  gc();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.send!({ memory: { rss, heapUsed, heapTotal, external, arrayBuffers } satisfies MemoryReading });
});
// The channel must not keep the process alive once the worker has shut down on SIGTERM.
process.channel?.unref();
