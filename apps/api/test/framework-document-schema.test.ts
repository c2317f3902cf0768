import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from '../src/config/config.js';
import { frameworkDocumentSchemaText } from '../src/frameworks/framework-document-schema.controller.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the framework document JSON Schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is committed in docs/ as generated (run `npm run schema -w @trellis/api` after changing the document schema)', async () => {
    const committed = await readFile(path.join(repositoryRoot, 'docs/framework-document.schema.json'), 'utf8');
    expect(frameworkDocumentSchemaText()).toBe(committed);
  });

  it('is served to anyone at /schemas/framework-document.json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/schemas/framework-document.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/schema\+json/);
    expect(response.body).toBe(frameworkDocumentSchemaText());
    expect(response.json()).toMatchObject({ title: 'Trellis framework document', type: 'object' });
  });
});
