/**
 * Component tests (jsdom). The browser end-to-end suite has its own config: jest.e2e.config.cjs.
 * @type {import('jest').Config}
 */

// Packages published as ESM only; Jest runs CommonJS, so these are compiled by SWC like our own sources.
const esmOnly = ['react-router', '@remix-run', 'cookie-es', '@dagrejs', '@xyflow', 'classcat'];

const swc = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    target: 'es2022',
    transform: { react: { runtime: 'automatic' } },
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  displayName: '@trellis/web',
  testEnvironment: '<rootDir>/jest.environment.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  // A limit against hangs, not a speed goal: a form test typing into Mantine inputs under jsdom can take
  // several seconds on a busy 2-core machine.
  testTimeout: 30_000,
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', swc],
    '^.+\\.(m?js|jsx)$': ['<rootDir>/jest.esm-transform.cjs', swc],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '\\.(css)$': 'identity-obj-proxy',
    '^@trellis/domain$': '<rootDir>/../../packages/domain/src/index.ts',
    // The domain's sources import each other as ESM ("./document.js"): resolve those to the .ts files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'json'],
  clearMocks: true,
  restoreMocks: true,
};
