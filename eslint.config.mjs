import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const root = import.meta.dirname;
const apiSrc = path.join(root, 'apps/api/src');

/**
 * The API's module boundaries (docs/ARCHITECTURE.md, "Adding a module"): a folder of apps/api/src is a
 * module; its entities, resolvers and loaders are private to it. Another module reads its data through its
 * service (or the small readers it exports), never its entity classes. The exceptions are the places that
 * put the whole application together: database/data-source.ts (and the migrations) register every entity,
 * schema/ builds the GraphQL schema from every module's resolvers, graphql/ puts every loader in the
 * request context.
 */
const apiFolders = readdirSync(apiSrc, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const privateKinds = {
  entities: '*.{entity,entities}.ts',
  resolvers: '*.{resolver,resolvers}.ts',
  loaders: '*.loaders.ts',
};
const mayImport = { database: ['entities'], schema: ['resolvers'], graphql: ['loaders'] };
const boundaryMessage =
  "That is another module's private file (its entities, resolvers or loaders): use its service or directory. See docs/ARCHITECTURE.md, 'Adding a module'.";
const boundaryZones = [
  ...apiFolders.map((folder) => ({
    // database/data-source.ts registers every entity; its migrations are SQL and import no entity.
    target: folder === 'database' ? `${apiSrc}/database/!(data-source).ts` : `${apiSrc}/${folder}/**/*.ts`,
    from: Object.entries(privateKinds)
      .filter(([kind]) => folder === 'database' || !(mayImport[folder] ?? []).includes(kind))
      .map(([, file]) => `${apiSrc}/!(${folder})/**/${file}`),
    message: boundaryMessage,
  })),
  // app.module.ts, app.ts, main.ts: they compose modules, they never need one's entities.
  { target: `${apiSrc}/*.ts`, from: [`${apiSrc}/**/${privateKinds.entities}`], message: boundaryMessage },
];

/** The domain runs in the browser too: no framework, no database, no Node.js. It depends on zod, and on yaml
 * (pure JavaScript, no Node.js APIs) to read the YAML formats people keep frameworks in. */
const domainImports = {
  patterns: [
    {
      regex: '^(?!zod$|yaml$|\\.)',
      message: 'packages/domain is pure TypeScript shared with the web: it imports zod, yaml and its own files only (no NestJS, TypeORM, React or Node.js APIs).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/src/gql/**', '**/.trellis/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // Type-aware rules: each file is checked with its workspace's tsconfig (typescript-eslint's project service).
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A default branch does not make a switch over a union exhaustive: every member is named.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
    },
  },
  {
    // The cycle check resolves imports across files: only the API needs it (its entity files once imported each other in a circle).
    files: ['apps/api/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: path.join(root, 'apps/api/tsconfig.json') }),
      ],
    },
    rules: {
      // Type-only imports are erased, so they are not counted.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaryZones }] },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', domainImports],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'packages/domain runs in the browser too: no Node.js globals.',
        })),
      ],
    },
  },
  {
    // Tests may also use the property-testing library (a devDependency; never shipped), and read their
    // fixture files (real formats such as YAML and Markdown) with node:fs: tests run only in Node.js.
    files: ['packages/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|fast-check$|node:fs$|node:path$|\\.)', message: domainImports.patterns[0].message }] },
      ],
      'no-restricted-globals': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
