import 'reflect-metadata';
import { Writable } from 'node:stream';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { pmoFramework } from '@trellis/domain';
import { getNamedType, getNullableType, isInputObjectType, isListType, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import { ZodObject, type ZodType } from 'zod';
import { ARG_SCHEMAS, INPUT_SCHEMAS } from '../src/common/input-validation.js';
import { allResolvers } from '../src/schema/graphql-schema.js';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Bad input is the caller's mistake, answered as such (BAD_USER_INPUT with field errors, a code of
 * its own for a request GraphQL cannot read, PAYLOAD_TOO_LARGE for an oversize body), and only a real
 * fault is INTERNAL, logged with a request id the answer also carries.
 */

/** Lines the app logged (pino JSON), for the tests that check what is logged. */
const logged: Record<string, unknown>[] = [];
const logDestination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line.trim()) logged.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let t: TestApp;
let schema: GraphQLSchema;

beforeAll(async () => {
  t = await startTestApp({ environment: { LOG_LEVEL: 'warn' }, logDestination });
  schema = t.app.get(GraphQLSchemaHost).schema;
});

afterAll(async () => {
  await t.close();
});

describe('every argument has a schema', () => {
  /** `Mutation.updatePerson` → the @ArgSchemas of the resolver method behind it. */
  function declaredArgSchemas(): Map<string, Record<string, ZodType>> {
    const declared = new Map<string, Record<string, ZodType>>();
    for (const resolver of allResolvers as unknown as (new (...args: never[]) => unknown)[]) {
      for (let prototype = resolver.prototype as object | null; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
        for (const key of Object.getOwnPropertyNames(prototype)) {
          const method = Object.getOwnPropertyDescriptor(prototype, key)?.value as unknown;
          if (typeof method !== 'function') continue;
          const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string | undefined;
          if (type !== 'Query' && type !== 'Mutation') continue;
          const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? key;
          declared.set(`${type}.${name}`, (Reflect.getMetadata(ARG_SCHEMAS, method) as Record<string, ZodType> | undefined) ?? {});
        }
      }
    }
    return declared;
  }

  it('each input type names a schema with exactly its fields', () => {
    const inputTypes = Object.values(schema.getTypeMap()).filter((type) => isInputObjectType(type) && !type.name.startsWith('__'));
    expect(inputTypes.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const type of inputTypes) {
      if (!isInputObjectType(type)) continue;
      const zod = INPUT_SCHEMAS.get(type.name);
      if (!zod) {
        problems.push(`${type.name} has no @InputSchema`);
        continue;
      }
      const shape = zod instanceof ZodObject ? Object.keys(zod.shape as object).sort() : [];
      const fields = Object.keys(type.getFields()).sort();
      if (JSON.stringify(shape) !== JSON.stringify(fields)) problems.push(`${type.name}: schema has [${shape}], type has [${fields}]`);
    }
    expect(problems).toEqual([]);
  });

  it('each String or list argument of a query or mutation names its schema (@ArgSchemas); other fields take no arguments', () => {
    const declared = declaredArgSchemas();
    const problems: string[] = [];
    for (const rootName of ['Query', 'Mutation'] as const) {
      const root = rootName === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
      for (const field of Object.values(root.getFields())) {
        for (const argument of field.args) {
          const named = getNamedType(argument.type);
          const needsOwn = named.name === 'String' || isListType(getNullableType(argument.type));
          if (needsOwn && !declared.get(`${rootName}.${field.name}`)?.[argument.name]) {
            problems.push(`${rootName}.${field.name}(${argument.name}) has no schema in @ArgSchemas`);
          }
        }
      }
    }
    // Field resolvers are not intercepted: an argument on one would go unchecked.
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType()) continue;
      if (!('getFields' in type) || isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if ('args' in field && field.args.length > 0) problems.push(`${type.name}.${field.name} takes arguments: validate them or move them to a root field`);
      }
    }
    expect(problems).toEqual([]);
  });
});

const UPDATE_PERSON = 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id jobTitle } }';
const ADD_ACTION = 'mutation($input: AddPlanActionInput!) { addPlanAction(input: $input) { id } }';

async function personOf(email: string) {
  const admin = await t.signIn(DEMO.admin);
  const people = await admin.graphql<{ people: { id: string; email: string; version: number }[] }>('{ people { id email version } }');
  return { admin, person: people.data!.people.find((p) => p.email === email)! };
}

describe('bad input is BAD_USER_INPUT, with the field it is in', () => {
  it('ids inside input objects are checked as UUIDs', async () => {
    const { admin, person } = await personOf(DEMO.employee);
    const result = await admin.graphql(UPDATE_PERSON, { input: { id: person.id, expectedVersion: person.version, teamId: 'not-an-id', managerId: '' } });
    expect(fieldErrors(result)).toEqual({ teamId: 'Not a valid id.', managerId: 'Not a valid id.' });
    // Scalar id arguments too, named by the argument.
    expect(fieldErrors(await admin.graphql('query($id: ID!) { person(id: $id) { id } }', { id: '1' }))).toEqual({ id: 'Not a valid id.' });
  });

  it.each([
    ['a NUL byte', 'Nul\u0000Name'],
    ['a lone surrogate', 'Half \ud83d emoji'],
    ['an escape sequence', '\u001b[31mred'],
  ])('text with %s', async (_what, jobTitle) => {
    const { admin, person } = await personOf(DEMO.employee);
    const result = await admin.graphql(UPDATE_PERSON, { input: { id: person.id, expectedVersion: person.version, jobTitle } });
    expect(fieldErrors(result)).toEqual({ jobTitle: expect.stringMatching(/cannot be stored/) });
  });

  it('a 900 kB job title is refused (free text has a length limit everywhere)', async () => {
    const { admin, person } = await personOf(DEMO.employee);
    const result = await admin.graphql(UPDATE_PERSON, { input: { id: person.id, expectedVersion: person.version, jobTitle: 'J'.repeat(900_000) } });
    expect(fieldErrors(result)).toEqual({ jobTitle: 'Use at most 200 characters.' });
    const database = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await database.connect();
    const longest = await database.query('SELECT max(length(job_title)) AS n FROM people');
    await database.end();
    expect(Number(longest.rows[0].n)).toBeLessThanOrEqual(200);
  });

  it('a due date that is empty or does not exist', async () => {
    const dan = await t.signIn(DEMO.employee);
    const roles = await dan.graphql<{ frameworks: { versions: { roles: { id: string; key: string }[] }[] }[] }>('{ frameworks { versions { roles { id key } } } }');
    const target = roles.data!.frameworks[0]!.versions[0]!.roles.find((r) => r.key === 'project-manager')!;
    const created = await dan.graphql<{ createPlanFromTarget: { id: string; version: number } }>(
      'mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id version } }',
      { input: { targetRoleId: target.id } },
    );
    expectNoErrors(created);
    const plan = created.data!.createPlanFromTarget;
    for (const dueOn of ['', '2027-02-30', '2027-1-1']) {
      const result = await dan.graphql(ADD_ACTION, { input: { planId: plan.id, expectedVersion: plan.version, type: 'COURSE', title: 'A course', dueOn } });
      expect(fieldErrors(result)).toEqual({ dueOn: 'A due date is a calendar date (YYYY-MM-DD).' });
    }
    // Problems deep in lists are named by their path.
    const checkIn = await dan.graphql('mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }', {
      input: { planId: plan.id, expectedVersion: plan.version, reflection: 'Fine', progress: [{ actionId: 'x', status: 'DONE', note: 'a\u0000' }] },
    });
    expect(fieldErrors(checkIn)).toEqual({ 'progress[0].actionId': 'Not a valid id.', 'progress[0].note': expect.stringMatching(/cannot be stored/) });
  });

  it('values that do not fit their GraphQL types: BAD_USER_INPUT with the field, not INTERNAL', async () => {
    const { admin, person } = await personOf(DEMO.employee);
    // Twice: the second run of a query is compiled (graphql-jit), which checks variables its own way.
    for (let run = 0; run < 2; run += 1) {
      const result = await admin.graphql(UPDATE_PERSON, { input: { id: person.id, expectedVersion: 2 ** 31 } });
      expect(theError(result).code).toBe('BAD_USER_INPUT');
      expect(theError(result).extensions.fields).toEqual({ expectedVersion: expect.stringMatching(/32-bit/) });
      const missing = await admin.graphql(UPDATE_PERSON, { input: { expectedVersion: 1 } });
      expect(theError(missing).extensions.fields).toEqual({ id: expect.stringMatching(/not provided|not to be null/) });
    }
  });

  it('a draft edit with a NUL byte in a name is refused, and the draft keeps nothing of it', async () => {
    const admin = await t.signIn(DEMO.admin);
    const frameworks = await admin.graphql<{ frameworks: { id: string }[] }>('{ frameworks { id } }');
    const frameworkId = frameworks.data!.frameworks[0]!.id;
    const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: frameworkId });
    const edit = await admin.graphql('mutation($id: ID!, $r: Int!, $ops: [DraftOperationInput!]!) { editFrameworkDraft(frameworkId: $id, expectedRevision: $r, operations: $ops) { revision } }', {
      id: frameworkId,
      r: started.data!.startFrameworkDraft.revision,
      ops: [{ kind: 'UPDATE_FRAMEWORK', name: 'Nul\u0000' }],
    });
    expect(fieldErrors(edit)).toEqual({ 'operations[0].name': expect.stringMatching(/cannot be stored/) });
    // Inside an imported document, where the arguments are one string of JSON, the document's own validation refuses it.
    const replaced = await admin.graphql('mutation($id: ID!, $r: Int!, $json: String!) { replaceFrameworkDraft(frameworkId: $id, expectedRevision: $r, json: $json) { revision } }', {
      id: frameworkId,
      r: started.data!.startFrameworkDraft.revision,
      json: JSON.stringify({ ...pmoFramework, name: 'Nul\u0000' }),
    });
    expect(theError(replaced)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/name: contains a control character/) });
  });
});

describe('requests GraphQL cannot read get codes of their own and their real message', () => {
  it('a parse error', async () => {
    const error = theError(await t.anonymous().graphql('{ viewer { '));
    expect(error).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', message: 'Syntax Error: Expected Name, found <EOF>.' });
  });

  it('a validation error', async () => {
    const error = theError(await t.anonymous().graphql('{ viewer { nonsense } }'));
    expect(error).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "nonsense" on type "Viewer".' });
  });

  it('both answer HTTP 400 and are logged as warnings, not errors', async () => {
    logged.length = 0;
    const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query: '{ nope' }) });
    expect(response.statusCode).toBe(400);
    const lines = logged.filter((line) => line.msg === 'GraphQL request refused');
    expect(lines).toEqual([expect.objectContaining({ level: 40, code: 'GRAPHQL_PARSE_FAILED', requestId: response.headers['x-request-id'] })]);
    expect(logged.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});

/** The GraphQL body limit (graphql-options.ts), repeated here so this file also runs against code without it. */
const GRAPHQL_BODY_LIMIT = 12 * 1024 * 1024;

describe('the body limit', () => {
  it('an import larger than the old 1 MiB limit is read (a 5 MB framework document imports)', async () => {
    const admin = await t.signIn(DEMO.admin);
    const document = largeFramework(5_000_000);
    const json = JSON.stringify(document);
    expect(json.length).toBeGreaterThan(5_000_000);
    const created = await admin.graphql<{ createFramework: { id: string; draft: { document: string } | null } }>(
      'mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id } }',
      { input: { source: 'IMPORT', json } },
    );
    expectNoErrors(created);
  });

  it('a body over the limit: PAYLOAD_TOO_LARGE, HTTP 413, in GraphQL form', async () => {
    const admin = await t.signIn(DEMO.admin);
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', cookie: admin.cookie! },
      payload: JSON.stringify({ query: 'mutation($csv: String!) { previewPeopleImport(csv: $csv) { ok } }', variables: { csv: 'x'.repeat(GRAPHQL_BODY_LIMIT) } }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      data: null,
      errors: [{ message: expect.stringMatching(/too large/), extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });
});

describe('only real faults are INTERNAL, and each is logged with the request id it answers with', () => {
  it('two sign-ups with one address at the same moment: one account, the other told, nothing INTERNAL', async () => {
    const email = `race-${Date.now()}@example.com`;
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.anonymous().graphql('mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed } }', {
          input: { organisationName: `Race ${i} Ltd`, name: 'Rae Race', email, password: 'a long race password 2026' },
        }),
      ),
    );
    const codes = results.map((r) => (r.errors ? r.errors[0]!.extensions?.code : 'OK'));
    expect(codes.filter((code) => code === 'OK').length).toBeLessThanOrEqual(1);
    for (const code of codes.filter((c) => c !== 'OK')) expect(['BAD_USER_INPUT', 'CONFLICT', 'TOO_MANY_ATTEMPTS']).toContain(code);
    const database = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await database.connect();
    const accounts = await database.query('SELECT count(*)::int AS n FROM accounts WHERE email = $1', [email]);
    await database.end();
    expect(accounts.rows[0].n).toBe(codes.includes('OK') ? 1 : 0);
  });

  it('a database that lost a table: INTERNAL with a request id, logged as an error with the same id and the cause', async () => {
    const database = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await database.connect();
    await database.query('ALTER TABLE notifications RENAME TO notifications_gone');
    try {
      logged.length = 0;
      const dan = await t.signIn(DEMO.employee);
      const result = await dan.graphql('{ myNotifications { id } }');
      const error = theError(result);
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toBe('Something went wrong on our side; it has been logged.');
      expect(error.extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(result)).not.toMatch(/notifications|relation/);
      const line = logged.find((entry) => entry.msg === 'internal error in a GraphQL request');
      expect(line).toMatchObject({ level: 50, requestId: error.extensions.requestId, err: expect.objectContaining({ message: expect.stringMatching(/notifications/) }) });
    } finally {
      await database.query('ALTER TABLE notifications_gone RENAME TO notifications');
      await database.end();
    }
  });
});

/** A valid framework document of about `size` characters of JSON: many skills, each with long descriptors. */
function largeFramework(size: number) {
  const scale = pmoFramework.proficiencyScale;
  const descriptor = 'Plans, tracks and reports delivery against the baseline; '.repeat(15);
  const perSkill = JSON.stringify({ key: 'skill-0000', name: 'Skill 0000', categoryKey: 'cat', levels: Object.fromEntries(scale.map((l) => [String(l.level), descriptor])) }).length;
  const count = Math.ceil(size / perSkill);
  const skills = Array.from({ length: count }, (_, i) => ({
    key: `skill-${i}`,
    name: `Skill ${i}`,
    categoryKey: 'cat',
    levels: Object.fromEntries(scale.map((l) => [String(l.level), descriptor])),
  }));
  return {
    schemaVersion: '1',
    key: 'large-framework',
    name: 'A large framework',
    proficiencyScale: scale,
    skillCategories: [{ key: 'cat', name: 'Category' }],
    skills,
    tracks: [{ key: 'core', name: 'Core', kind: 'core' }],
    roles: [{ key: 'role-1', title: 'Role 1', trackKey: 'core', level: 1, summary: 'The first role.', responsibilities: [], expectations: { 'skill-0': 1 } }],
    transitions: [],
    qualifications: [],
  };
}
