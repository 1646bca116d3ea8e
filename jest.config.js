// Unit and integration tests: every *.spec.ts(x) in apps/, libs/, tests/integration and tests/architecture.
// Browser journeys live in tests/e2e (jest.e2e.config.js) and need a build first.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests/integration', '<rootDir>/tests/architecture'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 30_000,
};
