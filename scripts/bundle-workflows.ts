// Pre-bundles workflows/ for production images, so workers start without webpack and run exactly the
// code that was reviewed. Output: dist/workflow-bundle.js (pass it as SIGAP_WORKFLOW_BUNDLE).
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../temporal/worker';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH });
  const out = path.resolve(process.argv[2] ?? path.join('dist', 'workflow-bundle.js'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  process.stdout.write(`workflow bundle written to ${out} (${code.length} bytes)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bundle failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
