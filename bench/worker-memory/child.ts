// The parent's handle on one measured worker process: started with --expose-gc and an IPC channel, asked
// for its memory after full collections, watched for CPU (from /proc) and for its SDK metrics (the sticky
// cache's size), stopped with SIGTERM as an orchestrator would.
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { freePort } from '../../temporal/free-port';
import { processCpuMs } from '../cpu';
import type { MemoryReading } from './probe';

export interface WorkerEnv {
  address: string;
  databaseUrl: string;
  payloadKeys: string;
  taskQueue: string;
  bundlePath: string;
  cachedCases: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class MeasuredWorker {
  /** The worker's last lines of output: the SDK logs every state change at INFO, so they are shown only on failure. */
  private readonly tail: string[] = [];

  private constructor(
    readonly child: ChildProcess,
    private readonly metricsAddress: string,
    private readonly exited: Promise<number | null>,
  ) {
    const keep = (chunk: Buffer) => {
      this.tail.push(...chunk.toString().split('\n'));
      this.tail.splice(0, Math.max(0, this.tail.length - 200));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  private failure(message: string): Error {
    return new Error(`${message}; its last output:\n${this.tail.join('\n')}`);
  }

  static async start(script: string, env: WorkerEnv): Promise<MeasuredWorker> {
    const metricsAddress = `127.0.0.1:${await freePort()}`;
    const child = fork(script, [], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        TEMPORAL_ADDRESS: env.address,
        TEMPORAL_TASK_QUEUE: env.taskQueue,
        TEMPORAL_METRICS_ADDRESS: metricsAddress,
        DATABASE_URL: env.databaseUrl,
        SIGAP_PAYLOAD_KEYS: env.payloadKeys,
        SIGAP_WORKFLOW_BUNDLE: env.bundlePath,
        SIGAP_WORKER_CACHED_CASES: String(env.cachedCases),
        SIGAP_PARTNER_INTEGRATION: 'off',
        SIGAP_SIMULATORS: 'off',
      },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return new MeasuredWorker(child, metricsAddress, exited);
  }

  /** Until the worker polls its task queue (its workflow and activity pollers are on the server). */
  async ready(client: Client, taskQueue: string, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.child.exitCode !== null) throw this.failure(`the worker exited with ${this.child.exitCode}`);
      const { pollers } = await client.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      if ((pollers?.length ?? 0) > 0) return;
      await pause(250);
    }
    throw this.failure('the worker did not start polling');
  }

  memory(): Promise<MemoryReading> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: unknown) => {
        const reading = (m as { memory?: MemoryReading }).memory;
        if (!reading) return;
        this.child.off('message', onMessage);
        resolve(reading);
      };
      this.child.on('message', onMessage);
      if (!this.child.send('memory')) reject(new Error('the worker took no message'));
    });
  }

  /** CPU time (ms) of the worker process, from /proc; 0 where it cannot be read. */
  cpuMs(): number {
    return (this.child.pid !== undefined && processCpuMs(this.child.pid)) || 0;
  }

  /** Workflows in the worker's cache, from the SDK's own gauge (temporal_sticky_cache_size). */
  async cachedWorkflows(): Promise<number | null> {
    try {
      const text = await (await fetch(`http://${this.metricsAddress}/metrics`, { signal: AbortSignal.timeout(2000) })).text();
      const line = text.split('\n').find((l) => l.startsWith('temporal_sticky_cache_size'));
      return line ? Number(line.trim().split(/\s+/).at(-1)) : null;
    } catch {
      return null;
    }
  }

  /** Until the worker has used under 5 % of a core for `seconds` running (or `limitMs` passed). */
  async quiet(seconds = 3, limitMs = 120_000): Promise<boolean> {
    const until = Date.now() + limitMs;
    let calm = 0;
    let last = this.cpuMs();
    while (calm < seconds && Date.now() < until) {
      await pause(1000);
      const now = this.cpuMs();
      calm = now - last < 50 ? calm + 1 : 0;
      last = now;
    }
    return calm >= seconds;
  }

  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    const code = await Promise.race([this.exited, pause(30_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      this.child.kill('SIGKILL');
      throw this.failure('the worker did not stop within 30 s of SIGTERM');
    }
    if (code !== 0) throw this.failure(`the worker exited with ${code}`);
  }
}
