// A throwaway PostgreSQL cluster of the suite's own (never the machine's shared server): initdb in a
// temporary directory on a free port, stopped and started by the tests, removed at the end. The suite
// runs as root and initdb refuses root, so the cluster belongs to the `postgres` OS user.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

/** The command line that runs a PostgreSQL tool as the cluster's owner. */
function asPostgres(tool: string, args: string[]): [string, string[]] {
  const argv = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', path.join(BIN, tool), ...args] : [path.join(BIN, tool), ...args];
  return [argv[0]!, argv.slice(1)];
}

async function pgTool(tool: string, args: string[]): Promise<void> {
  await run(...asPostgres(tool, args), { timeout: 120_000 });
}

export class PgCluster {
  readonly url: string;
  private readonly data: string;
  private readonly logFile: string;
  private readonly pool: Pool;
  private removed = false;

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {
    this.data = path.join(dir, 'data');
    this.logFile = path.join(dir, 'postgres.log');
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    // A dropped connection while the cluster is down must not crash the test process.
    this.pool = new Pool({ connectionString: this.url, max: 4, connectionTimeoutMillis: 5_000 });
    this.pool.on('error', () => undefined);
  }

  /** `dir` must not exist yet; its parent must be traversable by the postgres user. */
  static async create(dir: string, port: number): Promise<PgCluster> {
    for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
      if (!fs.existsSync(path.join(BIN, tool))) throw new Error(`PostgreSQL 15 is not installed: ${path.join(BIN, tool)} is missing`);
    }
    fs.mkdirSync(dir, { mode: 0o700 });
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
    const cluster = new PgCluster(dir, port);
    await pgTool('initdb', ['-D', cluster.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    process.once('exit', () => cluster.removeSync());
    await cluster.start();
    return cluster;
  }

  async start(): Promise<void> {
    // fsync stays on: the scenarios stop the cluster, and what it acknowledged must survive that.
    const options = `-k ${this.dir} -p ${this.port} -c listen_addresses=127.0.0.1`;
    await pgTool('pg_ctl', ['-D', this.data, '-o', options, '-l', this.logFile, '-w', '-t', '60', 'start']);
  }

  /** A clean stop (`-m fast`): connections are cut, the server is gone until start(). */
  async stop(): Promise<void> {
    await pgTool('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  query<T extends object = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    return this.pool.query(text, values).then((r) => r.rows as T[]);
  }

  async remove(): Promise<void> {
    await this.pool.end().catch(() => undefined);
    this.removeSync();
  }

  private removeSync(): void {
    if (this.removed) return;
    this.removed = true;
    // Synchronous: this also runs from the process's exit handler, where nothing asynchronous completes.
    spawnSync(...asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
