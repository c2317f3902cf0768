import { GraphQLSchemaHost } from '@nestjs/graphql';
import { draftOperationSchema, pmoFramework } from '@trellis/domain';
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLInputObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import pg from 'pg';
import { DATABASE_REFUSAL_MESSAGES } from '../src/common/database-errors.js';
import { DEMO, DEMO_PASSWORD, startTestApp, type Client, type TestApp } from './support/test-app.js';

/**
 * Every mutation (discovered from the schema, so a new one is fuzzed without touching this file),
 * and every query that takes arguments, called with generated arguments as a signed-in admin and as
 * an employee: plausible values (real ids, keys, e-mails, dates) mixed with hostile ones (NUL bytes,
 * lone surrogates, control characters, empty and very long strings, malformed ids and dates, numbers
 * out of range). Whatever the caller sends, the answer is data or an error the caller can act on:
 * never INTERNAL. Seeded, so a failure reproduces; the sample sizes bound it to about a minute.
 */

const SEED = 20260611;
/** Cases per mutation per caller; operations that hash passwords (argon2) get fewer. */
const RUNS = 45;
const SLOW_RUNS = 12;
const QUERY_RUNS = 12;
const SLOW = new Set(['signUp', 'signIn', 'changePassword', 'resetPassword', 'acceptInvitation']);
/** Calls sent together, so races between identical requests (two sign-ups of one address) happen too. */
const PARALLEL = 4;

let t: TestApp;
let schema: GraphQLSchema;
let database: pg.Client;

interface Pools {
  ids: string[];
  /** Ids by what they name, for arguments whose name says it (planId, frameworkId...). */
  idsOf: Record<string, string[]>;
  keys: string[];
  versions: number[];
}
const pools: Pools = { ids: [], idsOf: {}, keys: [], versions: [1, 2, 3] };

/** The callers sign in from a network of their own, which the fuzzed calls (each from another) never get throttled. */
async function signedIn(email: string): Promise<Client> {
  return t.signIn(email, DEMO_PASSWORD, { address: '10.250.0.1' });
}

let sent = 0;
/** A network per call: per-network limits would otherwise refuse most calls after the first few hundred. */
function nextAddress(): string {
  sent += 1;
  return `10.${(sent >> 16) & 0xff}.${(sent >> 8) & 0xff}.${sent & 0xff}`;
}

/** Puts the two fuzzing callers back as they were (a fuzzed updatePerson may deactivate or demote them). */
async function restoreCallers(): Promise<void> {
  await database.query(
    `UPDATE people SET active = true, access_role = CASE email WHEN $1 THEN 'admin' ELSE access_role END WHERE email IN ($1, $2)`,
    [DEMO.admin, DEMO.employee],
  );
  await database.query('DELETE FROM password_attempts');
}

beforeAll(async () => {
  t = await startTestApp();
  schema = t.app.get(GraphQLSchemaHost).schema;
  database = new pg.Client({ connectionString: t.adminDatabaseUrl });
  await database.connect();

  const admin = await signedIn(DEMO.admin);
  const employee = await signedIn(DEMO.employee);
  // Give the fuzz something real to hit: a draft, and a plan with actions for each caller.
  const frameworks = await admin.graphql<{ frameworks: { id: string; versions: { id: string; roles: { id: string }[]; skills: { id: string }[] }[] }[] }>(
    '{ frameworks { id versions { id roles { id } skills { id } } } }',
  );
  const framework = frameworks.data!.frameworks[0]!;
  await admin.graphql('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: framework.id });
  const roles = framework.versions.flatMap((v) => v.roles.map((r) => r.id));
  for (const client of [admin, employee]) {
    await client.graphql('mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }', {
      input: { targetRoleId: roles[roles.length - 1] },
    });
  }

  const { rows } = await database.query<{ kind: string; id: string }>(
    `SELECT 'person' AS kind, id FROM people UNION ALL SELECT 'team', id FROM teams UNION ALL SELECT 'framework', id FROM frameworks
     UNION ALL SELECT 'frameworkVersion', id FROM framework_versions UNION ALL (SELECT 'role', id FROM roles LIMIT 20)
     UNION ALL (SELECT 'skill', id FROM skills LIMIT 20) UNION ALL SELECT 'plan', id FROM plans
     UNION ALL SELECT 'action', id FROM plan_actions UNION ALL SELECT 'notification', id FROM notifications UNION ALL SELECT 'invitation', id FROM invitations`,
  );
  pools.ids = rows.map((row) => row.id);
  for (const row of rows) (pools.idsOf[row.kind] ??= []).push(row.id);
  pools.keys = [
    ...pmoFramework.roles.slice(0, 6).map((r) => r.key),
    ...pmoFramework.skills.slice(0, 6).map((s) => s.key),
    ...pmoFramework.tracks.map((s) => s.key),
    ...pmoFramework.skillCategories.map((s) => s.key),
    ...pmoFramework.qualifications.slice(0, 3).map((s) => s.key),
  ];
}, 120_000);

afterAll(async () => {
  await database?.end();
  await t?.close();
});

// ---------------------------------------------------------------------------------------------
// Values

const LONG = 'x'.repeat(20_000);
const HUGE = 'y'.repeat(1_200_000);
const pmoJson = JSON.stringify(pmoFramework);
const hostileStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\u0007\u001b[31m',
  'line\nbreak',
  '\t',
  'ZWJ\u200d',
  'émoji 👩🏽‍💻',
  "'; DROP TABLE people; --",
  '%00',
  '<script>alert(1)</script>',
  LONG,
  'null',
  '{}',
  '[]',
);
const hostileIds = fc.oneof(
  fc.uuid(),
  fc.constantFrom('', 'x', '1', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffffff', '\u0000', 'a\uD800', LONG),
  fc.uuid().map((id) => id.toUpperCase()),
);

/** Documents and files an import mutation reads, some with a flaw inside. */
function structuredStrings(): fc.Arbitrary<string> {
  const named = (patch: (doc: Record<string, unknown>) => void) => {
    const doc = JSON.parse(pmoJson) as Record<string, unknown>;
    patch(doc);
    return JSON.stringify(doc);
  };
  const first = <T>(list: unknown): T => (list as T[])[0]!;
  return fc.constantFrom(
    pmoJson,
    named((d) => (d.name = 'Nul\u0000name')),
    named((d) => (d.description = 'lone \uD800 surrogate')),
    named((d) => (first<Record<string, unknown>>(d.roles).title = 'T'.repeat(100_000))),
    named((d) => (first<Record<string, unknown>>(d.skills).description = 'a\u0000b')),
    named((d) => (first<Record<string, unknown>>(d.skills).levels = { '1': 'x\u0000', '\u0000': 'y' })),
    named((d) => (first<Record<string, unknown>>(d.roles).expectations = { ['k'.repeat(5000)]: 1 })),
    named((d) => (d.key = 'a'.repeat(10_000))),
    named((d) => (first<Record<string, unknown>>(d.qualifications).url = 'http://\u0000')),
    named((d) => (first<Record<string, unknown>>(d.roles).level = 1e30)),
    '{"schemaVersion":"1"',
    'email,name\nnew.person@example.com,New Person\n',
    'email,name,job_title\nnul@example.com,Nul\u0000Name,Title\n',
    `email,name,job_title\nlong@example.com,Long,${'J'.repeat(5000)}\n`,
    'email,name\n"unterminated,x\n',
    'role,title\nproject-manager,\u0000\n',
  );
}

function plausibleString(name: string): fc.Arbitrary<string> {
  const lower = name.toLowerCase();
  if (lower.includes('email')) {
    return fc.constantFrom('new.person@example.com', 'Asha.Patel@demo.example', DEMO.employee, 'not-an-email', 'a@b', `${'x'.repeat(300)}@example.com`);
  }
  if (lower.includes('password')) return fc.constantFrom('correct horse battery staple', DEMO_PASSWORD, 'short', 'password123');
  if (lower.includes('dueon') || lower.includes('date')) {
    return fc.constantFrom('2027-01-31', '2027-02-30', '2027-13-01', '0000-00-00', '99999-01-01', '2027-1-1', '', 'tomorrow');
  }
  if (lower.includes('url')) return fc.constantFrom('https://example.com/evidence', 'javascript:alert(1)', 'http://', 'ftp://x', `https://e.com/${LONG}`);
  if (lower.includes('timezone')) return fc.constantFrom('UTC', 'Europe/London', 'Mars/Olympus', '');
  if (lower.includes('json') || lower.includes('csv')) return structuredStrings();
  if (lower.includes('token')) return fc.constantFrom('t.abc', 'abc', '');
  if (lower.includes('key')) return fc.constantFrom(...pools.keys, 'new-key', 'Not A Key', '');
  return fc.constantFrom('A name', 'Project Manager', 'Acme Ltd', 'Looks fine.');
}

/** The ids an argument's name asks for (`targetRoleId` → roles), else every id. */
function idsNamed(name: string): string[] {
  const lower = name.toLowerCase();
  const kind = ['frameworkVersion', 'framework', 'plan', 'action', 'skill', 'role', 'team', 'notification', 'invitation'].find((k) => lower.includes(k.toLowerCase()));
  const byKind = kind ? pools.idsOf[kind] : /person|viewer|manager|^id$/.test(lower) ? pools.idsOf.person : undefined;
  return byKind && byKind.length > 0 ? byKind : pools.ids;
}

function stringFor(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: plausibleString(name) },
    { weight: 3, arbitrary: hostileStrings },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constant(HUGE) },
  );
}

function intFor(name: string): fc.Arbitrary<number> {
  const lower = name.toLowerCase();
  const near = lower.includes('version') || lower.includes('revision') ? fc.constantFrom(...pools.versions, 0) : fc.integer({ min: -2, max: 15 });
  return fc.oneof({ weight: 4, arbitrary: near }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.constantFrom(2147483647, -2147483648) });
}

/** A value the wire may carry for this type, mostly well typed, sometimes not (GraphQL must refuse those cleanly). */
function valueFor(type: GraphQLInputType, name: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof({ weight: 60, arbitrary: valueFor(type.ofType, name, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const value = innerValueFor(type, name, depth);
  return fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}

function innerValueFor(type: GraphQLInputType, name: string, depth: number): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return fc.array(valueFor(nullable.ofType, name, depth + 1), { maxLength: depth > 1 ? 2 : 4 });
  if (isEnumType(nullable)) {
    return fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...nullable.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') });
  }
  if (isInputObjectType(nullable)) {
    if (nullable.name === 'DraftOperationInput') return draftOperation(nullable, depth);
    return inputObject(nullable, depth);
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'ID':
        return fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...idsNamed(name)) },
          { weight: 1, arbitrary: fc.constantFrom(...pools.ids) },
          { weight: 2, arbitrary: hostileIds },
        );
      case 'String':
        return stringFor(name);
      case 'Int':
        return fc.oneof({ weight: 12, arbitrary: intFor(name) }, { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 1.5, '1', 1e300) });
      case 'Float':
        return fc.double({ noNaN: true });
      case 'Boolean':
        return fc.oneof({ weight: 12, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant('true') });
      case 'DateTime':
        return fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-30T00:00:00Z', 'yesterday', '', '275760-09-13T00:00:00.001Z');
    }
  }
  throw new Error(`The fuzz test cannot make a value of ${String(type)} (${name}): teach it.`);
}

/**
 * An input object: every non-null field, and each optional one now and then (an input with thirty
 * optional fields all set at once only ever meets one refusal).
 */
function inputObject(type: GraphQLInputObjectType, depth: number, only?: Set<string>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(type.getFields()).filter((field) => !only || only.has(field.name) || isNonNullType(field.type));
  // A draft operation's fields are all optional in GraphQL but most are required by its kind: send them.
  const optionalWeight = only ? 1 : fields.length > 8 ? 4 : 1;
  return fc
    .record(
      Object.fromEntries(
        fields.map((field) => [
          field.name,
          isNonNullType(field.type)
            ? valueFor(field.type, field.name, depth + 1)
            : fc.oneof({ weight: optionalWeight, arbitrary: fc.constant(undefined) }, { weight: only ? 6 : 2, arbitrary: valueFor(field.type, field.name, depth + 1) }),
        ]),
      ),
    )
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
}

/** A draft operation of one kind with the fields that kind reads (as @trellis/domain defines them), and sometimes one more. */
function draftOperation(type: GraphQLInputObjectType, depth: number): fc.Arbitrary<unknown> {
  const kindType = getNullableType(type.getFields().kind!.type) as GraphQLEnumType;
  const listFields: Record<string, string> = { addSkill: 'levels', updateSkill: 'levels', setExpectationsRow: 'expectations', setProficiencyScale: 'proficiencyScale' };
  return fc.constantFrom(...kindType.getValues()).chain((kind) => {
    const shape = draftOperationSchema.options.find((option) => option.shape.kind.value === kind.value)?.shape ?? {};
    const fields = new Set(Object.keys(shape).map((name) => (name === 'levels' ? (listFields[String(kind.value)] ?? name) : name)));
    return fc.tuple(inputObject(type, depth, fields), fc.constantFrom(...Object.keys(type.getFields()))).map(([record, extra]) => ({
      ...record,
      kind: kind.name,
      // One in ten carries a field its kind does not read.
      ...(extra.length % 10 === 0 ? { [extra]: null } : {}),
    }));
  });
}

function argumentsFor(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const args = field.args as readonly GraphQLArgument[];
  return fc.record(
    Object.fromEntries(args.map((arg) => [arg.name, valueFor(arg.type, arg.name)])),
    { requiredKeys: args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name) },
  );
}

function documentFor(kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

// ---------------------------------------------------------------------------------------------
// The run

const tally = new Map<string, number>();
const succeeded = new Map<string, number>();
const sampleMessages = new Set<string>();

interface Internal {
  operation: string;
  caller: string;
  message: string;
  variables: string;
}

function describeVariables(variables: Record<string, unknown>): string {
  const text = JSON.stringify(variables, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 80 ? `${value.slice(0, 40)}…(${value.length} chars)` : value,
  );
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

async function fuzz(caller: 'admin' | 'employee', kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>, runs: number, seed: number): Promise<{ internals: Internal[]; calls: number }> {
  const email = caller === 'admin' ? DEMO.admin : DEMO.employee;
  const document = documentFor(kind, field);
  await refreshVersions();
  const samples = fc.sample(argumentsFor(field), { seed, numRuns: runs });
  const internals: Internal[] = [];
  let client = await signedIn(email);
  for (let start = 0; start < samples.length; start += PARALLEL) {
    const batch = samples.slice(start, start + PARALLEL);
    const results = await Promise.all(batch.map((variables) => send(client, document, variables)));
    results.forEach((result, index) => {
      if (!result.errors) succeeded.set(field.name, (succeeded.get(field.name) ?? 0) + 1);
      for (const error of result.errors ?? []) {
        const code = error.extensions?.code;
        tally.set(`${String(code)}`, (tally.get(`${String(code)}`) ?? 0) + 1);
        if (process.env.FUZZ_VERBOSE && code !== 'INTERNAL' && !String(error.message).startsWith('Variable')) sampleMessages.add(`${field.name}: ${error.message.slice(0, 160)}`);
        // A database refusal answered as the caller's fault is a second line: the arguments should
        // have been refused before they reached PostgreSQL (a race's CONFLICT is the exception).
        const missedByValidation = code !== 'CONFLICT' && DATABASE_REFUSAL_MESSAGES.has(error.message);
        if (code === 'INTERNAL' || code === undefined || missedByValidation) {
          internals.push({ operation: field.name, caller, message: `${String(code)}: ${error.message}`, variables: describeVariables(batch[index]!) });
        }
      }
    });
    // A fuzzed call may sign the caller out (signOut, a password change) or demote them: start again.
    if (results.some((r) => r.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN'))) {
      await restoreCallers();
      client = await signedIn(email);
    }
  }
  return { internals, calls: samples.length };
}

/** The versions and revisions in the database now, so version checks are sometimes passed and the write runs. */
async function refreshVersions(): Promise<void> {
  const { rows } = await database.query<{ v: number }>(
    'SELECT DISTINCT version AS v FROM plans UNION SELECT revision FROM framework_drafts UNION SELECT version FROM people ORDER BY 1 LIMIT 12',
  );
  pools.versions = rows.map((row) => row.v);
}

async function send(client: Client, query: string, variables: Record<string, unknown>) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: nextAddress(),
    headers: { 'content-type': 'application/json', ...(client.cookie ? { cookie: client.cookie } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  try {
    return JSON.parse(response.body) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  } catch {
    return { errors: [{ message: `HTTP ${response.statusCode}, not JSON: ${response.body.slice(0, 200)}` }] };
  }
}

it('no generated arguments to any mutation (or query) end in an internal error', async () => {
  const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => f.name !== 'signOut');
  const queries = Object.values(schema.getQueryType()!.getFields()).filter((f) => f.args.length > 0);
  expect(mutations.length).toBeGreaterThan(30);

  const internals: Internal[] = [];
  let calls = 0;
  let seed = SEED;
  for (const caller of ['admin', 'employee'] as const) {
    for (const field of mutations) {
      const outcome = await fuzz(caller, 'mutation', field, SLOW.has(field.name) ? SLOW_RUNS : RUNS, seed++);
      internals.push(...outcome.internals);
      calls += outcome.calls;
    }
    for (const field of queries) {
      const outcome = await fuzz(caller, 'query', field, QUERY_RUNS, seed++);
      internals.push(...outcome.internals);
      calls += outcome.calls;
    }
  }
  expect(calls).toBeGreaterThan(3000);
  if (process.env.FUZZ_VERBOSE) console.log(JSON.stringify([...tally]), JSON.stringify([...succeeded]), [...sampleMessages].join('\n'));

  // One line per distinct failure (operation and message), with the first arguments that caused it.
  const distinct = new Map<string, Internal & { count: number }>();
  for (const internal of internals) {
    const key = `${internal.operation}: ${internal.message}`;
    const seen = distinct.get(key);
    if (seen) seen.count += 1;
    else distinct.set(key, { ...internal, count: 1 });
  }
  const report = [...distinct.values()].map((i) => `${i.operation} (${i.caller}, ${i.count}x) ${i.message} ← ${i.variables}`);
  expect({ internals: internals.length, of: calls, report }).toEqual({ internals: 0, of: calls, report: [] });

  // The server still answers, and still knows who is signed in.
  await restoreCallers();
  const after = await signedIn(DEMO.admin);
  expect(await after.graphql('{ viewer { person { email } } }')).toEqual({ data: { viewer: { person: { email: DEMO.admin } } } });
  const health = await t.app.inject({ method: 'GET', url: '/health' });
  expect(health.statusCode).toBe(200);
}, 600_000);
