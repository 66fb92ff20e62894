// Before any fault scenario: the tools they need must be there (a missing one fails the suite, it is not
// a reason to skip), and the workflows are bundled once, as a production image does (`npm run build`),
// so that each of the many worker starts takes seconds instead of a webpack run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireBinary } from '../../scripts/lib/temporal-binaries';
import { ROOT, TSX } from './lib/processes';

export default async function globalSetup(): Promise<void> {
  requireBinary('cli');
  for (const tool of ['/usr/lib/postgresql/15/bin/initdb', '/usr/lib/postgresql/15/bin/pg_ctl', TSX]) {
    if (!fs.existsSync(tool)) throw new Error(`the fault suite needs ${tool}`);
  }
  if (process.getuid?.() === 0) execFileSync('id', ['postgres'], { stdio: 'ignore' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-faults-bundle-'));
  const bundle = path.join(dir, 'workflow-bundle.js');
  execFileSync(TSX, ['scripts/bundle-workflows.ts', bundle], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
  process.env.SIGAP_FAULTS_WORKFLOW_BUNDLE = bundle;
}
