// The Temporal dev server on a SQLite file, as `npm start` runs it (temporal/dev-server.ts), but owned
// here so that a test can kill it outright and start it again on the same file and port.
import { Connection } from '@temporalio/client';
import { requireBinary } from '../../../scripts/lib/temporal-binaries';
import { ensureSearchAttributes } from '../../../temporal/search-attributes';
import type { Proc } from './processes';
import { GiveUp, startProcess, until } from './processes';

export class TemporalServer {
  private proc: Proc | undefined;
  readonly address: string;

  constructor(
    private readonly dbFile: string,
    readonly port: number,
    private readonly logDir: string,
  ) {
    this.address = `127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(this.port), '--headless', '--log-level', 'warn', '--db-filename', this.dbFile];
    // The same room for bursts as temporal/dev-server.ts gives `npm start`.
    args.push('--dynamic-config-value', 'frontend.namespaceRPS=10000');
    const proc = startProcess('temporal', requireBinary('cli'), args, { env: process.env, logDir: this.logDir });
    this.proc = proc;
    await until(
      'the Temporal dev server to answer',
      async () => {
        if (!proc.alive()) throw new GiveUp(`temporal exited:\n${proc.tail()}`);
        const connection = await Connection.connect({ address: this.address, connectTimeout: 1_000 });
        try {
          await connection.workflowService.describeNamespace({ namespace: 'default' });
          await ensureSearchAttributes(connection, 'default');
          return true;
        } finally {
          await connection.close();
        }
      },
      60_000,
      250,
    );
  }

  /** SIGKILL: the server gets no chance to flush or say goodbye. */
  async kill(): Promise<void> {
    await this.proc?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.proc?.kill('SIGTERM');
  }
}
