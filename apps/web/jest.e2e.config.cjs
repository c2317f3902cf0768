// Browser end-to-end suite: jest drives Debian's chromium through playwright-core against the real,
// built app (API + embedded PostgreSQL + web bundle) started by e2e/global-setup.ts.
// Run with `npm run test:e2e --workspace=@trellis/web` after `npm run build`.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  displayName: 'web-e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  globalSetup: '<rootDir>/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
  verbose: true,
};
