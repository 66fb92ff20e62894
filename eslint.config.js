// Lint: TypeScript's recommended rules everywhere, plus the sandbox rule for deterministic code.
const tseslint = require('typescript-eslint');

// Workflow and domain code runs inside Temporal's deterministic sandbox (domain is imported by workflows):
// no Node built-ins, no I/O clients, no schema library, no Temporal packages that only run outside it.
const SANDBOX_BANNED = {
  patterns: [
    { regex: '^node:', message: 'Node built-ins cannot run in the workflow sandbox.' },
    {
      regex:
        '^(assert|buffer|child_process|cluster|crypto|dgram|dns|events|fs|fs/promises|http|http2|https|net|os|path|perf_hooks|process|readline|stream|timers|tls|url|util|v8|vm|worker_threads|zlib)$',
      message: 'Node built-ins cannot run in the workflow sandbox.',
    },
    { regex: '^(pg|pg-.*|express|drizzle-orm|drizzle-orm/.*|@electric-sql/.*|zod|zod/.*|pino)$', message: 'I/O and validation libraries belong outside the sandbox.' },
    {
      regex: '^@temporalio/(client|worker|activity|testing)$',
      message: 'Only @temporalio/workflow and @temporalio/common run in the sandbox.',
      allowTypeImports: true,
    },
    { regex: '^\\.\\./(db|api|activities|temporal|config|partners)(/|$)', message: 'Sandbox code may only import type definitions from outside workflows/ and domain/.', allowTypeImports: true },
  ],
};

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', '.venv/**', 'coverage/**', 'db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      // Small enough to read whole: a file a screenful of screens, a function one screen.
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', SANDBOX_BANNED] },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
