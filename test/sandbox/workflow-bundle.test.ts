// workflows/ must bundle for Temporal's deterministic sandbox; the lint rule must catch what would not.
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { ESLint } from 'eslint';
import { WORKFLOWS_PATH } from '../../temporal/worker';

const quiet = { warn: () => undefined, info: () => undefined, debug: () => undefined, trace: () => undefined, error: () => undefined, log: () => undefined };

test('workflows/ bundles for the sandbox and exports every workflow type', async () => {
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quiet });
  expect(code).toContain('caseWorkflow');
  expect(code).not.toMatch(/require\("(pg|express|drizzle-orm)"\)/);
});

test('the bundler refuses a workflow that imports a Node built-in', async () => {
  const said: string[] = [];
  const recording = { ...quiet, error: (message: string) => void said.push(message) };
  await expect(
    bundleWorkflowCode({ workflowsPath: path.join(__dirname, '..', 'fixtures', 'bad-workflow'), logger: recording }),
  ).rejects.toThrow(/Webpack finished with errors/);
  expect(said.join('\n')).toMatch(/ERROR in node:fs/);
});

test('the lint rule bans I/O and non-sandbox imports in workflows/ and domain/, but allows type imports', async () => {
  const eslint = new ESLint({ cwd: path.join(__dirname, '..', '..') });
  const source = [
    "import fs from 'node:fs';",
    "import { Pool } from 'pg';",
    "import { z } from 'zod';",
    "import { Client } from '@temporalio/client';",
    "import { openDatabase } from '../db/client';",
    "import type { Connection } from '@temporalio/client';",
    "import type { CaseActivities } from '../activities/types';",
    'export const used = [fs, Pool, z, Client, openDatabase] as unknown as [Connection, CaseActivities];',
  ].join('\n');
  for (const file of ['workflows/probe.ts', 'domain/probe.ts']) {
    const [result] = await eslint.lintText(source, { filePath: file });
    const banned = result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.line);
    expect(banned).toEqual([1, 2, 3, 4, 5]);
  }
  const [outside] = await eslint.lintText(source, { filePath: 'api/probe.ts' });
  expect(outside!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')).toEqual([]);
});
