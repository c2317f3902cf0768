/** API tests run as ES modules (NestJS 12 is ESM) against a real PostgreSQL: see test/support. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  // Real Node.js instead of jest's module sandbox: NestJS 12 is ESM and some of its CJS
  // dependencies require() ESM-only packages, which only Node itself can load (20.19+).
  // TypeScript is compiled on the fly by swc (the test script starts jest with --import).
  runner: 'jest-light-runner',
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
};
