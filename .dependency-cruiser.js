// The shape of the code, checked by `npm run deps` (part of `npm test`): no import cycles (type-only
// imports count: a circle of types is still a circle to untangle), and the layers of the design —
// domain/ at the bottom and pure, workflows/ sandbox-only, config/ importing nothing above it, contracts
// and the CLI free of the workflow runtime.

const TYPE_ONLY = ['type-only'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle of imports (type-only imports included).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'sandbox-no-node-builtins',
      severity: 'error',
      comment: 'domain/ and workflows/ run in the deterministic workflow sandbox: no Node built-ins.',
      from: { path: '^(domain|workflows)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sandbox-no-io',
      severity: 'error',
      comment: 'domain/ and workflows/ import no I/O: no database, HTTP, schema library or Temporal client/worker/activity packages, and nothing outside domain/ and workflows/ but types.',
      from: { path: '^(domain|workflows)/' },
      to: {
        pathNot: '^(domain|workflows)/|^node_modules/@temporalio/(workflow|common)/',
        dependencyTypesNot: TYPE_ONLY,
      },
    },
    {
      name: 'sandbox-no-io-packages',
      severity: 'error',
      comment: 'Even as types, only the Temporal workflow and common packages belong in domain/ and workflows/.',
      from: { path: '^(domain|workflows)/' },
      to: { path: '^node_modules/', pathNot: '^node_modules/@temporalio/(workflow|common|proto)/', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'domain-is-the-bottom',
      severity: 'error',
      comment: 'domain/ holds the pure rules everything else builds on; it imports nothing outside itself.',
      from: { path: '^domain/' },
      to: { pathNot: '^domain/' },
    },
    {
      name: 'config-imports-nothing-above',
      severity: 'error',
      comment: 'config/ parses settings; wiring happens in the entry points.',
      from: { path: '^config/' },
      to: { path: '^(activities|api|cli|db|idp|partners|scripts|temporal|workflows|bench)/' },
    },
    {
      name: 'contracts-without-workflow-runtime',
      severity: 'error',
      comment: 'The contract modules are imported by the API, the CLI and activities: they must not load @temporalio/workflow.',
      from: { path: '^workflows/(messages|search-attributes|case/contract|batch/contract|training/contract)\\.ts$' },
      to: { path: '^node_modules/@temporalio/workflow/', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'outside-the-sandbox-no-workflow-runtime',
      severity: 'error',
      comment: 'The API, the CLI, activities and config reach workflows only through their contracts (types of the workflow functions aside).',
      from: { path: '^(api|cli|activities|config)/' },
      to: { path: '^workflows/', pathNot: '^workflows/(messages|search-attributes|activity-types|case/contract|batch/contract|training/contract)\\.ts$', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'cli-talks-only-to-the-api',
      severity: 'error',
      comment: 'The CLI works over the HTTP API: of Sigap it uses only the pure lists and shapes in domain/.',
      from: { path: '^cli/' },
      to: { path: '^(activities|api|config|db|idp|partners|scripts|temporal|workflows|bench)/' },
    },
    {
      name: 'simulators-stand-alone',
      severity: 'error',
      comment: 'partners/ simulates other organisations: it shares no code with Sigap, only the wire contract.',
      from: { path: '^partners/' },
      to: { path: '^(activities|api|cli|config|db|domain|idp|scripts|temporal|workflows|bench)/' },
    },
    {
      name: 'identity-provider-stands-alone',
      severity: 'error',
      comment: 'idp/ stands in for the Dinas identity provider: it shares no code with Sigap, only the token claims.',
      from: { path: '^idp/' },
      to: { path: '^(activities|api|cli|config|db|domain|partners|scripts|temporal|workflows|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.data|\\.venv|test|db/migrations)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['main', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
