import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { buildSchema, parse, print, specifiedRules, validate, type DocumentNode, type ValidationRule } from 'graphql';
import pg from 'pg';
import { QUERY_LIMITS, parseOptions, queryLimitRules } from '../src/graphql/query-limits.js';
import { theError } from './support/errors.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Depth, alias, directive, cost and size limits refuse an abusive request before anything runs,
 * while every operation the web app sends passes them (so a new page cannot silently outgrow them).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(path.join(here, '../schema.gql'), 'utf8'));

/** Every operation the web app sends, as codegen wrote it (each with the fragments it spreads). */
function webDocuments(): Map<string, DocumentNode> {
  const source = readFileSync(path.join(here, '../../web/src/gql/graphql.ts'), 'utf8');
  const documents = new Map<string, DocumentNode>();
  for (const match of source.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode</gm)) {
    documents.set(match[1]!, JSON.parse(match[2]!) as DocumentNode);
  }
  return documents;
}

describe("the web app's operations", () => {
  const documents = webDocuments();

  it('are all found', () => {
    expect(documents.size).toBeGreaterThan(60);
  });

  it.each([...documents.keys()])('%s passes every limit, with room to grow', (name) => {
    const document = documents.get(name)!;
    const rules = [...specifiedRules, ...queryLimitRules({ introspection: false })];
    expect(validate(schema, document, rules).map((e) => e.message)).toEqual([]);
    // As text it parses within the parser's limits, too.
    expect(() => parse(print(document), parseOptions)).not.toThrow();
  });

  it('need most of what the limits allow: they are set from the app, not arbitrarily loose', () => {
    // graphql-armor's own measures of each operation, read from its accept callbacks.
    const most = { cost: 0, depth: 0, aliases: 0, directives: 0 };
    const measure = (key: keyof typeof most) => [(_context: unknown, details: { n: number }) => (most[key] = Math.max(most[key], details.n))];
    for (const document of documents.values()) {
      validate(schema, document, [
        costLimitRule({ maxCost: Number.MAX_SAFE_INTEGER, onAccept: measure('cost') }),
        maxDepthRule({ n: 1000, onAccept: measure('depth') }),
        maxAliasesRule({ n: 1000, onAccept: measure('aliases') }),
        maxDirectivesRule({ n: 1000, onAccept: measure('directives') }),
      ] as ValidationRule[]);
    }
    expect(most.depth).toBeGreaterThan(5);
    expect(most.cost).toBeGreaterThan(500);
    expect(QUERY_LIMITS.maxDepth).toBeLessThanOrEqual(most.depth + 5);
    expect(QUERY_LIMITS.maxCost).toBeLessThanOrEqual(most.cost * 5);
    expect(QUERY_LIMITS.maxAliases).toBeLessThanOrEqual(most.aliases + 10);
    expect(QUERY_LIMITS.maxDirectives).toBeLessThanOrEqual(most.directives + 10);
  });
});

describe('an abusive request is refused before it runs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('1,000 aliases of planOf: QUERY_TOO_COMPLEX, and not one plan read (no audit rows)', async () => {
    const manager = await t.signIn(DEMO.manager);
    const reports = await manager.graphql<{ viewer: { person: { reports: { id: string }[] } } }>('{ viewer { person { reports { id } } } }');
    const reportId = reports.data!.viewer.person.reports[0]!.id;
    const database = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await database.connect();
    const audited = async () => Number((await database.query("SELECT count(*) FROM audit_events WHERE action = 'plan.read'")).rows[0].count);
    const before = await audited();

    const aliases = Array.from({ length: 1000 }, (_, i) => `p${i}: planOf(personId: "${reportId}") { id status }`).join(' ');
    const refused = theError(await manager.graphql(`{ ${aliases} }`));
    expect(refused.code).toBe('QUERY_TOO_COMPLEX');
    expect(refused.message).toMatch(/too (complex|large)/);
    expect(await audited()).toBe(before);

    // A handful of aliases is an ordinary request.
    const few = Array.from({ length: 3 }, (_, i) => `p${i}: planOf(personId: "${reportId}") { id }`).join(' ');
    expect((await manager.graphql(`{ ${few} }`)).errors).toBeUndefined();
    await database.end();
  });

  it('too many aliases, even of a cheap field', async () => {
    const client = await t.signIn(DEMO.employee);
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: viewer { accessRole }`).join(' ');
    const refused = theError(await client.graphql(`{ ${aliases} }`));
    expect(refused).toMatchObject({ code: 'QUERY_TOO_COMPLEX', message: expect.stringContaining(`aliases limit of ${QUERY_LIMITS.maxAliases}`) });
  });

  it('too deep', async () => {
    const client = await t.signIn(DEMO.manager);
    let selection = 'id';
    for (let i = 0; i < QUERY_LIMITS.maxDepth + 2; i += 1) selection = `reports { ${selection} }`;
    const refused = await client.graphql(`{ viewer { person { ${selection} } } }`);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toContainEqual({ message: expect.stringContaining(`depth limit of ${QUERY_LIMITS.maxDepth} exceeded`), extensions: { code: 'QUERY_TOO_COMPLEX' } });
  });

  it('too many directives', async () => {
    const client = await t.signIn(DEMO.employee);
    const fragments = Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => '... on Viewer @include(if: true) { accessRole }').join(' ');
    const refused = theError(await client.graphql(`{ viewer { ${fragments} } }`));
    expect(refused).toMatchObject({ code: 'QUERY_TOO_COMPLEX', message: expect.stringContaining('directives limit') });
  });

  it('too costly: wide and nested without aliases', async () => {
    const client = await t.signIn(DEMO.employee);
    const fields = 'id name email jobTitle startDate active accessRole version';
    let selection = fields;
    for (let i = 0; i < QUERY_LIMITS.maxDepth - 4; i += 1) selection = `${fields} reports { ${selection} } manager { ${fields} }`;
    const refused = theError(await client.graphql(`{ viewer { person { ${selection} } } }`));
    expect(refused).toMatchObject({ code: 'QUERY_TOO_COMPLEX', message: expect.stringMatching(new RegExp(`cost limit of ${QUERY_LIMITS.maxCost} exceeded, found \\d+\\. `)) });
  });

  it('too many tokens: refused by the parser', async () => {
    const client = await t.signIn(DEMO.employee);
    const refused = theError(await client.graphql(`{ viewer { ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} } }`));
    expect(refused.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('introspection is refused outside development (tests run as NODE_ENV=test), __typename is not', async () => {
    const client = t.anonymous();
    const refused = theError(await client.graphql('{ __schema { __typename } }'));
    expect(refused).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', message: expect.stringContaining('introspection has been disabled') });
    expect(theError(await client.graphql('{ __type(name: "Query") { __typename } }')).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await client.graphql('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    const graphiql = await t.app.inject({ method: 'GET', url: '/graphiql' });
    expect(graphiql.statusCode).toBe(404);
  });
});

describe('in development', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: false, environment: { NODE_ENV: 'development' } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('introspection and GraphiQL are on', async () => {
    const answer = await t.anonymous().graphql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
    expect(answer).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const graphiql = await t.app.inject({ method: 'GET', url: '/graphiql' });
    expect(graphiql.statusCode).toBe(200);
  });
});
