import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from '../src/config/config.js';
import { buildSchemaText } from '../src/schema/graphql-schema.js';

describe('apps/api/schema.gql', () => {
  it('is what the code-first resolvers generate (run `npm run schema -w @trellis/api` after changing them)', async () => {
    const committed = await readFile(path.join(repositoryRoot, 'apps/api/schema.gql'), 'utf8');
    expect(await buildSchemaText()).toBe(committed);
  });
});
