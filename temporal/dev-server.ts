// Runs `temporal server start-dev` as a child process and waits until its default namespace answers.
// We start it ourselves rather than through the SDK's ephemeral server, whose 5 s start limit is too short
// for a slow machine, and so that the Web UI and persistence flags are ours to choose.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';

export interface DevServerOptions {
  cliPath: string;
  port: number;
  ip?: string;
  /** Web UI port; null runs headless. */
  uiPort: number | null;
  /** SQLite file for persistence; omitted keeps everything in memory. */
  dbFile?: string;
  codecEndpoint?: string;
  namespace?: string;
  startTimeoutMs?: number;
  onLog?: (line: string) => void;
}

export interface DevServer {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const ip = opts.ip ?? '127.0.0.1';
  const address = `${ip}:${opts.port}`;
  const args = ['server', 'start-dev', '--ip', ip, '--port', String(opts.port), '--log-level', 'warn'];
  if (opts.uiPort === null) args.push('--headless');
  else args.push('--ui-port', String(opts.uiPort), '--ui-disable-news-fetch');
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  if (opts.codecEndpoint) args.push('--ui-codec-endpoint', opts.codecEndpoint);
  if (opts.namespace && opts.namespace !== 'default') args.push('--namespace', opts.namespace);
  // Enough room for the escalation benchmark's bursts of timers on one namespace.
  args.push('--dynamic-config-value', 'frontend.namespaceRPS=10000');

  // Its own process group: Ctrl-C reaches our process, which then stops the server last, after the worker
  // has drained, instead of both dying at once.
  const child = spawn(opts.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      opts.onLog?.(line);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exited = code;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited !== undefined) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(killer);
    process.removeListener('exit', killOnExit);
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  const namespace = opts.namespace ?? 'default';
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(`temporal server start-dev exited with ${exited}:\n${output.join('\n')}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return { address, uiUrl: opts.uiPort === null ? null : `http://${ip === '0.0.0.0' ? 'localhost' : ip}:${opts.uiPort}`, stop };
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await stop();
  throw new Error(`temporal server start-dev did not become ready on ${address}:\n${output.join('\n')}`);
}
