// The import rules (`npm run deps`, .dependency-cruiser.js) bite: a cycle — through a type-only import
// too — and an import from domain/ or workflows/ into I/O fail; a type-only import from workflows/ passes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const PROBES: Record<string, string> = {
  'domain/a.ts': "import { b } from './b';\nimport { pool } from '../db/client';\nexport const a = () => b() + String(pool);\n",
  'domain/b.ts': "import type { A } from './c';\nexport const b = () => 1 as unknown as A;\n",
  'domain/c.ts': "import { a } from './a';\nexport type A = ReturnType<typeof a>;\n",
  'db/client.ts': 'export const pool = 1;\n',
  'workflows/w.ts': "import fs from 'node:fs';\nimport type { pool } from '../db/client';\nexport const w = (): typeof pool => (fs ? 1 : 1);\n",
  'workflows/typed.ts': "import type { pool } from '../db/client';\nexport const typed = (): typeof pool => 1;\n",
};

function cruise(cwd: string, ...dirs: string[]) {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
  return spawnSync(bin, ['--config', path.join(ROOT, '.dependency-cruiser.js'), ...dirs], { cwd, encoding: 'utf8' });
}

test('a cycle through a type-only import and I/O in the sandbox fail the check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-deps-'));
  try {
    for (const [file, text] of Object.entries(PROBES)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const result = cruise(dir, 'domain', 'db', 'workflows');
    expect(result.status).not.toBe(0);
    const errors = result.stdout.split('\n').filter((l) => l.trim().startsWith('error'));
    expect(errors.map((l) => l.trim().split(':')[0]).sort()).toEqual([
      'error domain-is-the-bottom',
      'error no-circular',
      'error sandbox-no-io',
      'error sandbox-no-io',
      'error sandbox-no-node-builtins',
    ]);
    expect(result.stdout).not.toMatch(/workflows\/typed\.ts/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
