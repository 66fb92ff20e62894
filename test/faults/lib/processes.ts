// Child processes for the fault suite: each in its own process group (tsx runs the entry point in a
// child of its own, so only a group kill reaches the process that does the work), output to a log file
// for debugging, and killed on the way out even when a test fails half-way.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Proc {
  name: string;
  /** Process id of the group leader (the spawned command). */
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or the signal's name) once the spawned command has exited. */
  exited: Promise<number | string>;
  alive(): boolean;
  /** Signals the whole group and waits for the spawned command to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** The last lines of its log, for failure messages. */
  tail(lines?: number): string;
}

const running = new Set<Proc>();
process.once('exit', () => {
  for (const p of running) signalGroup(p.pid, 'SIGKILL');
});

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

let serial = 0;

export function startProcess(name: string, command: string, args: string[], opts: { env: NodeJS.ProcessEnv; logDir: string }): Proc {
  const logFile = path.join(opts.logDir, `${name}-${++serial}.log`);
  const fd = fs.openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, { cwd: ROOT, env: opts.env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  let done = false;
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      running.delete(proc);
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  const proc: Proc = {
    name,
    pid: child.pid!,
    logFile,
    exited,
    alive: () => !done,
    async kill(signal = 'SIGKILL') {
      if (done) return;
      signalGroup(proc.pid, signal);
      const escalate = setTimeout(() => signalGroup(proc.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(escalate);
      // tsx's child may outlive its parent by a moment; make sure no member of the group survives.
      signalGroup(proc.pid, 'SIGKILL');
    },
    tail: (lines = 30) => logTail(logFile, lines),
  };
  running.add(proc);
  return proc;
}

export function logTail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The process group of a process (from /proc): maps a worker's identity (`pid@host`) back to the group we started. */
export function groupOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[2]);
  } catch {
    return undefined;
  }
}

/** Thrown by a probe to stop waiting at once (a process died): retrying cannot help. */
export class GiveUp extends Error {}

/**
 * Polls `probe` until it returns a value, or fails naming what it waited for. Errors count as "not yet"
 * (a server restarting refuses connections for a while), except GiveUp.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits until a line matching `pattern` appears in the process's log; fails at once if it exits first. */
export function waitForLog(proc: Proc, pattern: RegExp, ms = 60_000): Promise<true> {
  return until(`${proc.name} to log ${pattern}`, () => {
    if (!proc.alive()) throw new GiveUp(`${proc.name} exited`);
    return pattern.test(fs.readFileSync(proc.logFile, 'utf8')) ? true : undefined;
  }, ms, 100).catch((err: unknown) => {
    throw new Error(`${String(err)}\n--- ${proc.logFile}\n${proc.tail()}`);
  });
}
