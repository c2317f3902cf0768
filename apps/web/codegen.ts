import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations for the web app, generated from the API's committed contract.
 * `npm run codegen` rewrites src/gql/; the output is committed and CI fails when it is stale.
 */
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}', '!src/test/**/*'],
  ignoreNoDocuments: false,
  overwrite: true,
  silent: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Components read whole operation results; no fragment masking helpers needed yet.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: { DateTime: { input: 'string', output: 'string' } },
        strictScalars: true,
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
