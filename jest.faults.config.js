// The fault suite (`npm run test:faults`): the production entry points as separate processes, with
// workers, Temporal, PostgreSQL and the API killed or stopped under them. Files run one at a time: each
// starts a whole stack, and the latencies it measures must not be another file's load. Its files end in
// .faults.ts so that the main suite (jest.config.js, *.test.ts) never picks them up.
const main = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: main.transform,
  transformIgnorePatterns: main.transformIgnorePatterns,
  testMatch: ['<rootDir>/test/faults/**/*.faults.ts'],
  globalSetup: '<rootDir>/test/faults/global-setup.ts',
  globalTeardown: '<rootDir>/test/faults/global-teardown.ts',
  testTimeout: 240_000,
  maxWorkers: 1,
};
