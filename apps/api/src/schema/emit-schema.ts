/**
 * Writes the generated contracts (npm run schema): apps/api/schema.gql from the code-first
 * resolvers, and docs/framework-document.schema.json from the framework document's zod schema.
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from '../config/config.js';
import { frameworkDocumentSchemaText } from '../frameworks/framework-document-schema.controller.js';
import { buildSchemaText } from './graphql-schema.js';

const outputs: Array<[string, () => Promise<string> | string]> = [
  ['apps/api/schema.gql', buildSchemaText],
  ['docs/framework-document.schema.json', frameworkDocumentSchemaText],
];
for (const [relative, build] of outputs) {
  await writeFile(path.join(repositoryRoot, relative), await build());
  process.stdout.write(`Wrote ${relative}\n`);
}
