/** Writes apps/api/schema.gql from the code-first resolvers (npm run schema). */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from '../config/config.js';
import { buildSchemaText } from './graphql-schema.js';

const target = path.join(repositoryRoot, 'apps/api/schema.gql');
await writeFile(target, await buildSchemaText());
process.stdout.write(`Wrote ${path.relative(repositoryRoot, target)}\n`);
