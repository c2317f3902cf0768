import 'reflect-metadata';
import { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { pmoFramework } from '@trellis/domain';
import { ACCESS_RULE, AccessGuard, type AccessRule } from '../src/common/access.js';
import { newSecret, randomUUID } from '../src/identity/secrets.js';
import { ReportRefreshService } from '../src/reports/report-refresh.service.js';
import { allResolvers } from '../src/schema/graphql-schema.js';
import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, DEMO_PASSWORD, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { superuserQuery } from './support/superuser.js';

/**
 * Who may call what. Every query and mutation declares an @Access rule; the global AccessGuard
 * refuses the rest. This file proves both halves: no root field lacks a rule, and each rule
 * holds when the operation is really called by each kind of caller.
 */

type RootType = 'Query' | 'Mutation' | 'Subscription';
const ROOT_TYPES: readonly string[] = ['Query', 'Mutation', 'Subscription'];
const RULES: readonly AccessRule[] = ['public', 'signedIn', 'leadership', 'admin'];

interface DeclaredOperation {
  resolver: string;
  method: string;
  rule: AccessRule | undefined;
}

/** `Query.people` → the resolver method behind it and its rule, read from the decorators' metadata. */
function declaredOperations(): Map<string, DeclaredOperation[]> {
  const operations = new Map<string, DeclaredOperation[]>();
  for (const resolver of allResolvers as unknown as (new (...args: never[]) => unknown)[]) {
    const seen = new Set<string>();
    for (let prototype = resolver.prototype as object | null; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
      for (const key of Object.getOwnPropertyNames(prototype)) {
        if (key === 'constructor' || seen.has(key)) continue;
        seen.add(key);
        const method = Object.getOwnPropertyDescriptor(prototype, key)?.value as unknown;
        if (typeof method !== 'function') continue;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string | undefined;
        if (!type || !ROOT_TYPES.includes(type)) continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? key;
        const rule = Reflect.getMetadata(ACCESS_RULE, method) as AccessRule | undefined;
        const entry = { resolver: resolver.name, method: key, rule };
        operations.set(`${type}.${name}`, [...(operations.get(`${type}.${name}`) ?? []), entry]);
      }
    }
  }
  return operations;
}

function rootFields(schema: GraphQLSchema): string[] {
  const fields = (type: RootType) => {
    const object = type === 'Query' ? schema.getQueryType() : type === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    return Object.keys(object?.getFields() ?? {}).map((name) => `${type}.${name}`);
  };
  return [...fields('Query'), ...fields('Mutation'), ...fields('Subscription')].sort();
}

type Caller = 'anonymous' | 'employee' | 'leadership' | 'admin';
const CALLERS: readonly Caller[] = ['anonymous', 'employee', 'leadership', 'admin'];
const CALLER_EMAIL = { employee: DEMO.employee, leadership: DEMO.leadership, admin: DEMO.admin } as const;

/** What each kind of caller should get from an operation with this rule. */
function expectedOutcome(rule: AccessRule, caller: Caller): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (rule === 'public') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (rule === 'signedIn') return 'allowed';
  if (rule === 'leadership') return caller === 'employee' ? 'FORBIDDEN' : 'allowed';
  return caller === 'admin' ? 'allowed' : 'FORBIDDEN';
}

/** Ids and helpers the table's arguments are made from (filled in beforeAll). */
interface Fixtures {
  frameworkId: string;
  roleId: string;
  /** A person the rights table may update (with no change) and reset the password of. */
  jack: { id: string; version: number };
  leoId: string;
  /** Who agrees the plans of the admin (who has no manager): named for the organisation in beforeAll. */
  approverId: string;
  /** Signs the demo admin in afresh: some operations (changePassword) sign the admin's other browsers out. */
  admin(): Promise<Client>;
  signIn(email: string): Promise<Client>;
  unique(): string;
  /** A pending sign-up's confirmation token (as if e-mailed: this app has no SMTP). */
  signUpToken(): Promise<string>;
  skillId: string;
  /** The person the caller manages in this test's data, and the caller themselves (by id). */
  reportOf(caller: Caller): string;
  /** A plan of the caller (or of their report) in the given status, made afresh: its earlier open plan is abandoned. */
  freshPlan(owner: 'self' | 'report', caller: Caller, status: 'draft' | 'proposed' | 'agreed' | 'active'): Promise<{ id: string; version: number; actionId: string }>;
  /** Runs SQL as the superuser (arranging data the mentoring rows need). */
  sql(text: string, values: unknown[]): Promise<Record<string, unknown>[]>;
  /** The caller's own person id (anonymous: the employee's). */
  selfOf(caller: Caller): string;
  /** A mentor outside everyone's reporting line and team (no manager), offering planning-scheduling. */
  outsiderId: string;
  organisationId: string;
  /** A fresh draft of the caller's with a suggestion of its proposal not yet added (arranged in the database when the caller has no gaps). */
  draftWithOpenSuggestion(caller: Caller): Promise<{ id: string; version: number; suggestionId: string }>;
}

/** Who signs in for each caller (anonymous arranges data as the employee), and the report each manages here. */
const SELF_EMAIL: Record<Caller, string> = { anonymous: DEMO.employee, employee: DEMO.employee, leadership: DEMO.leadership, admin: DEMO.admin };
const REPORT_EMAIL: Record<Caller, string> = {
  anonymous: 'ella.nguyen@demo.example',
  // Ella is made Dan's report in beforeAll, so that the employee manages someone too.
  employee: 'ella.nguyen@demo.example',
  leadership: 'kemi.adeyemi@demo.example',
  admin: 'ben.okafor@demo.example',
};

interface TableEntry {
  rule: AccessRule;
  document: string;
  /** Minimal valid arguments; may arrange data first (an invitation to accept, a reset link to use). */
  variables?: (fixtures: Fixtures, caller: Caller) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

/** The revision of the demo framework's draft, starting one first when needed. */
async function draftRevision(fixtures: Fixtures): Promise<number> {
  const admin = await fixtures.admin();
  const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>(
    'mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }',
    { id: fixtures.frameworkId },
  );
  expectNoErrors(started);
  return started.data!.startFrameworkDraft.revision;
}

async function invitationToken(fixtures: Fixtures): Promise<{ id: string; token: string }> {
  const admin = await fixtures.admin();
  const created = await admin.graphql<{ invitePerson: { invitation: { id: string }; link: string } }>(
    'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { link invitation { id } } }',
    { input: { email: `rights-${fixtures.unique()}@demo.example`, name: 'Rights Table' } },
  );
  expectNoErrors(created);
  const link = new URL(created.data!.invitePerson.link);
  return { id: created.data!.invitePerson.invitation.id, token: link.searchParams.get('token')! };
}

/** The revision of the framework's draft, opening one (a copy of the published version) when there is none. */
async function openDraft(fixtures: Fixtures): Promise<number> {
  const admin = await fixtures.admin();
  const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>(
    'mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }',
    { id: fixtures.frameworkId },
  );
  expectNoErrors(started);
  return started.data!.startFrameworkDraft.revision;
}

/** Every root operation of the schema, its rule, and a call with minimal valid arguments. */
/**
 * A subscription as each caller meets it over graphql-ws: without a session the upgrade is refused (401, the
 * UNAUTHENTICATED of a WebSocket); signed in, the subscription starts (no error within a moment of subscribing,
 * which is when the AccessGuard answers) or is refused with the guard's error.
 */
async function subscriptionOutcome(port: number, document: string, cookie: string | null): Promise<{ code: string | null; message?: string }> {
  const origin = 'http://localhost:4000'; // PUBLIC_URL's origin in tests
  const headers: Record<string, string> = cookie ? { origin, cookie } : { origin };
  const status = await new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws', { headers });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('error', reject);
  });
  if (status === 401) return { code: 'UNAUTHENTICATED' };
  if (status !== 101) return { code: `HTTP ${status}` };
  class BrowserLikeSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: BrowserLikeSocket, retryAttempts: 0, lazy: false });
  try {
    return await new Promise((resolve) => {
      client.on('closed', (event) => resolve({ code: `closed ${(event as { code?: number }).code}` }));
      client.on('connected', () => {
        client.subscribe(
          { query: document },
          {
            next: () => undefined,
            error: (errors) => {
              const [first] = errors as { message: string; extensions?: { code?: string } }[];
              resolve({ code: first?.extensions?.code ?? 'INTERNAL', message: first?.message });
            },
            complete: () => resolve({ code: 'completed' }),
          },
        );
        setTimeout(() => resolve({ code: null }), 500);
      });
    });
  } finally {
    await client.dispose();
  }
}

const RIGHTS: Record<string, TableEntry> = {
  // --- Queries ---------------------------------------------------------------------------------------
  'Query.viewer': { rule: 'public', document: '{ viewer { accessRole } }' },
  'Query.invitation': { rule: 'public', document: 'query($token: String!) { invitation(token: $token) { email } }', variables: () => ({ token: 'not-a-token' }) },
  'Query.currentOrganisation': { rule: 'signedIn', document: '{ currentOrganisation { id name } }' },
  'Query.frameworks': { rule: 'signedIn', document: '{ frameworks { id name } }' },
  'Query.framework': { rule: 'signedIn', document: 'query($id: ID!) { framework(id: $id) { id } }', variables: (f) => ({ id: f.frameworkId }) },
  'Query.role': { rule: 'signedIn', document: 'query($id: ID!) { role(id: $id) { id title } }', variables: (f) => ({ id: f.roleId }) },
  'Query.roleComparison': {
    rule: 'signedIn',
    document: 'query($id: ID!) { roleComparison(fromRoleId: $id, toRoleId: $id) { changes { difference } } }',
    variables: (f) => ({ id: f.roleId }),
  },
  'Query.pointsLevel': {
    rule: 'signedIn',
    document: 'query($id: ID!) { pointsLevel(frameworkId: $id, profile: []) { points level } }',
    variables: (f) => ({ id: f.frameworkId }),
  },
  'Query.careerRoute': {
    rule: 'signedIn',
    document: 'query($id: ID!) { careerRoute(fromRoleId: $id, toRoleId: $id) { found profileSource } }',
    variables: (f) => ({ id: f.roleId }),
  },
  'Query.closestRoles': {
    rule: 'signedIn',
    document: 'query($id: ID!) { closestRoles(roleId: $id, limit: 3) { roles { shortfall } } }',
    variables: (f) => ({ id: f.roleId }),
  },
  'Query.people': { rule: 'signedIn', document: '{ people { id name } }' },
  'Query.person': { rule: 'signedIn', document: 'query($id: ID!) { person(id: $id) { id name } }', variables: (f) => ({ id: f.jack.id }) },
  'Query.teams': { rule: 'signedIn', document: '{ teams { id path } }' },
  'Query.myDataAccess': { rule: 'signedIn', document: '{ myDataAccess { id } }' },
  'Query.invitations': { rule: 'admin', document: '{ invitations { id email } }' },
  'Query.auditEvents': { rule: 'admin', document: '{ auditEvents(limit: 5) { id action } }' },
  'Query.peopleCsv': { rule: 'admin', document: '{ peopleCsv }' },
  'Query.peopleCsvTemplate': { rule: 'admin', document: '{ peopleCsvTemplate }' },
  'Query.frameworkVersionDiff': {
    rule: 'admin',
    document: 'query($id: ID!) { frameworkVersionDiff(frameworkId: $id, from: 1, to: 1) { changeCount } }',
    variables: (f) => ({ id: f.frameworkId }),
  },
  'Query.frameworkPublishPreview': {
    rule: 'admin',
    document: 'query($id: ID!) { frameworkPublishPreview(frameworkId: $id) { draftRevision } }',
    variables: async (f) => {
      await openDraft(f);
      return { id: f.frameworkId };
    },
  },
  'Query.frameworkDocument': {
    rule: 'admin',
    document: 'query($id: ID!) { frameworkDocument(frameworkId: $id, version: 1) }',
    variables: (f) => ({ id: f.frameworkId }),
  },
  'Query.frameworkExpectationsCsv': {
    rule: 'admin',
    document: 'query($id: ID!) { frameworkExpectationsCsv(frameworkId: $id, version: 1) }',
    variables: (f) => ({ id: f.frameworkId }),
  },
  'Query.myAssessments': { rule: 'signedIn', document: '{ myAssessments { personId } }' },
  'Query.assessmentsOf': { rule: 'signedIn', document: 'query($id: ID!) { assessmentsOf(personId: $id) { personId } }', variables: (f, c) => ({ id: f.reportOf(c) }) },
  'Query.myPlan': { rule: 'signedIn', document: '{ myPlan { id } }' },
  'Query.planOf': { rule: 'signedIn', document: 'query($id: ID!) { planOf(personId: $id) { id } }', variables: (f, c) => ({ id: f.reportOf(c) }) },
  'Query.readiness': {
    rule: 'signedIn',
    document: 'query($id: ID!, $roleId: ID!) { readiness(personId: $id, roleId: $roleId) { shareMet } }',
    variables: (f, c) => ({ id: f.reportOf(c), roleId: f.roleId }),
  },
  'Query.teamPlans': { rule: 'signedIn', document: '{ teamPlans { overdue } }' },
  'Query.mySharing': { rule: 'signedIn', document: '{ mySharing { id } }' },
  'Query.myNotifications': { rule: 'signedIn', document: '{ myNotifications { id link } }' },
  'Query.plansSharedWithMe': { rule: 'signedIn', document: '{ plansSharedWithMe { sharedAt person { id } plan { id viewerCan { edit } } } }' },
  'Query.myPlanApprover': { rule: 'signedIn', document: '{ myPlanApprover { kind name explanation } }' },
  'Query.planApprovers': { rule: 'admin', document: '{ planApprovers { id teamId person { id } } }' },
  'Query.reportOverview': { rule: 'leadership', document: '{ reportOverview { months } }' },
  'Query.skillHeatmap': { rule: 'leadership', document: '{ skillHeatmap { meta { k } } }' },
  'Query.skillGaps': { rule: 'leadership', document: '{ skillGaps { meta { k } } }' },
  'Query.successionReport': { rule: 'leadership', document: '{ successionReport { meta { k } } }' },
  'Query.calibrationReport': { rule: 'leadership', document: '{ calibrationReport { meta { k } } }' },
  'Query.participationReport': { rule: 'leadership', document: '{ participationReport { meta { k } } }' },
  'Query.reportTrend': { rule: 'leadership', document: '{ reportTrend { k } }' },
  'Query.reportCsv': { rule: 'leadership', document: '{ reportCsv(kind: HEATMAP) }' },
  'Query.myReportsReadiness': { rule: 'signedIn', document: '{ myReportsReadiness { personId } }' },
  'Query.reportSettings': { rule: 'admin', document: '{ reportSettings { k } }' },
  // --- Mutations -------------------------------------------------------------------------------------
  'Mutation.signUp': {
    rule: 'public',
    document: 'mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed viewer { accessRole } } }',
    variables: (f) => ({
      input: { organisationName: `Rights ${f.unique()}`, name: 'Rights Founder', email: `founder-${f.unique()}@rights.example`, password: 'a long enough password' },
    }),
  },
  'Mutation.confirmSignUp': {
    rule: 'public',
    document: 'mutation($token: String!) { confirmSignUp(token: $token) { accessRole } }',
    variables: async (f) => ({ token: await f.signUpToken() }),
  },
  'Mutation.signIn': {
    rule: 'public',
    document: 'mutation($input: SignInInput!) { signIn(input: $input) { accessRole } }',
    variables: () => ({ input: { email: 'kemi.adeyemi@demo.example', password: DEMO_PASSWORD } }),
  },
  'Mutation.signOut': { rule: 'signedIn', document: 'mutation { signOut }' },
  'Mutation.updateReportSettings': {
    rule: 'admin',
    document: 'mutation($input: ReportSettingsInput!) { updateReportSettings(input: $input) { k } }',
    variables: async (f) => {
      const read = await (await f.admin()).graphql<{ reportSettings: { version: number } }>('{ reportSettings { version } }');
      return { input: { k: 5, expectedVersion: read.data!.reportSettings.version } };
    },
  },
  'Mutation.refreshReports': { rule: 'admin', document: 'mutation { refreshReports { ran } }' },
  'Mutation.changePassword': {
    rule: 'signedIn',
    document: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
    // The same password again: valid, and every demo account keeps working.
    variables: () => ({ input: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } }),
  },
  'Mutation.requestPasswordReset': {
    rule: 'public',
    document: 'mutation($email: String!) { requestPasswordReset(email: $email) }',
    variables: () => ({ email: 'leo.fischer@demo.example' }),
  },
  'Mutation.resetPassword': {
    rule: 'public',
    document: 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }',
    variables: async (f) => {
      const admin = await f.admin();
      const reset = await admin.graphql<{ createPasswordReset: { link: string } }>(
        'mutation($id: ID!) { createPasswordReset(personId: $id) { link } }',
        { id: f.leoId },
      );
      expectNoErrors(reset);
      return { input: { token: new URL(reset.data!.createPasswordReset.link).searchParams.get('token'), newPassword: 'leo has a new password' } };
    },
  },
  'Mutation.createPasswordReset': {
    rule: 'admin',
    document: 'mutation($id: ID!) { createPasswordReset(personId: $id) { emailed link expiresAt } }',
    variables: (f) => ({ id: f.leoId }),
  },
  'Mutation.invitePerson': {
    rule: 'admin',
    document: 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { link } }',
    variables: (f) => ({ input: { email: `invited-${f.unique()}@demo.example`, name: 'Invited Person' } }),
  },
  'Mutation.invitePeople': {
    rule: 'admin',
    document: 'mutation($input: InvitePeopleInput!) { invitePeople(input: $input) { emailConfigured invited { link } } }',
    variables: () => ({ input: { everyoneWithoutAccount: true } }),
  },
  'Query.gettingStarted': { rule: 'admin', document: '{ gettingStarted { complete dismissed items { key done } } }' },
  'Mutation.dismissGettingStarted': { rule: 'admin', document: 'mutation { dismissGettingStarted(dismissed: false) { dismissed } }' },
  'Query.ssoSettings': { rule: 'admin', document: '{ ssoSettings { issuer domains } }' },
  'Query.singleSignOnFor': {
    rule: 'public',
    document: 'query($email: String!) { singleSignOnFor(email: $email) { providerName startUrl } }',
    variables: () => ({ email: 'someone@demo.example' }),
  },
  'Mutation.saveSsoSettings': {
    rule: 'admin',
    document: 'mutation($input: SsoSettingsInput!) { saveSsoSettings(input: $input) { issuer } }',
    variables: () => ({
      input: { displayName: 'X', issuer: 'https://id.example', clientId: 'c', clientSecret: 's', domains: ['x.example'], passwordsAllowed: true, createPeople: false, enabled: true },
    }),
  },
  'Query.linkSettings': {
    rule: 'admin',
    document: 'query { linkSettings { publicUrl loopback emailConfigured } }',
  },
  'Mutation.revokeInvitation': {
    rule: 'admin',
    document: 'mutation($id: ID!) { revokeInvitation(id: $id) { id status } }',
    variables: async (f) => ({ id: (await invitationToken(f)).id }),
  },
  'Mutation.acceptInvitation': {
    rule: 'public',
    document: 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessRole } }',
    variables: async (f) => ({ input: { token: (await invitationToken(f)).token, password: 'a long enough password' } }),
  },
  'Mutation.updatePerson': {
    rule: 'admin',
    document: 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id version } }',
    // No change: a valid call that leaves Jack as he is.
    variables: (f) => ({ input: { id: f.jack.id, expectedVersion: f.jack.version } }),
  },
  'Mutation.previewPeopleImport': {
    rule: 'admin',
    document: 'mutation($csv: String!) { previewPeopleImport(csv: $csv) { ok } }',
    variables: () => ({ csv: 'email,name\njack.wilson@demo.example,Jack Wilson\n' }),
  },
  'Mutation.startFrameworkDraft': {
    rule: 'admin',
    document: 'mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }',
    variables: (f) => ({ id: f.frameworkId }),
  },
  'Mutation.editFrameworkDraft': {
    rule: 'admin',
    document: 'mutation($id: ID!, $revision: Int!, $operations: [DraftOperationInput!]!) { editFrameworkDraft(frameworkId: $id, expectedRevision: $revision, operations: $operations) { revision } }',
    variables: async (f) => ({ id: f.frameworkId, revision: await draftRevision(f), operations: [{ kind: 'UPDATE_FRAMEWORK', description: `Edited ${f.unique()}` }] }),
  },
  'Mutation.replaceFrameworkDraft': {
    rule: 'admin',
    document: 'mutation($id: ID!, $revision: Int!, $json: String!) { replaceFrameworkDraft(frameworkId: $id, expectedRevision: $revision, json: $json) { revision } }',
    variables: async (f) => ({ id: f.frameworkId, revision: await draftRevision(f), json: JSON.stringify(pmoFramework) }),
  },
  'Query.frameworkImportPreview': {
    rule: 'admin',
    document: 'query($input: FrameworkImportInput!) { frameworkImportPreview(input: $input) { canImport } }',
    variables: () => ({ input: { files: [{ name: 'skills.csv', text: 'Skill,Level\nPlanning,1\n' }, { name: 'roles.csv', text: 'Track,Role,Skill,Expected level\nDelivery,Analyst,Planning,1\n' }] } }),
  },
  'Mutation.createFrameworkFromImport': {
    rule: 'admin',
    document: 'mutation($input: FrameworkImportInput!) { createFrameworkFromImport(input: $input) { id } }',
    variables: (f) => ({ input: { name: `Rights ${f.unique()}`, files: [{ name: 'skills.csv', text: 'Skill,Level\nPlanning,1\n' }, { name: 'roles.csv', text: 'Track,Role,Skill,Expected level\nDelivery,Analyst,Planning,1\n' }] } }),
  },
  'Mutation.importIntoFrameworkDraft': {
    rule: 'admin',
    document: 'mutation($id: ID!, $revision: Int!, $input: FrameworkImportInput!) { importIntoFrameworkDraft(frameworkId: $id, expectedRevision: $revision, input: $input) { revision } }',
    variables: async (f) => ({ id: f.frameworkId, revision: await draftRevision(f), input: { format: 'JSON', files: [{ name: 'pmo.json', text: JSON.stringify(pmoFramework) }] } }),
  },
  'Mutation.createFramework': {
    rule: 'admin',
    document: 'mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id } }',
    variables: (f) => ({ input: { source: 'BLANK', name: `Rights ${f.unique()}` } }),
  },
  'Mutation.importPeople': {
    rule: 'admin',
    document: 'mutation($csv: String!) { importPeople(csv: $csv) { unchanged } }',
    variables: () => ({ csv: 'email,name\njack.wilson@demo.example,Jack Wilson\n' }),
  },
  'Mutation.recordAssessment': {
    rule: 'signedIn',
    document: 'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }',
    variables: (f) => ({ input: { skillId: f.skillId, level: 1 } }),
  },
  'Mutation.recordManagerAssessment': {
    rule: 'signedIn',
    document: 'mutation($id: ID!, $input: RecordAssessmentInput!) { recordManagerAssessment(personId: $id, input: $input) { id } }',
    variables: (f, c) => ({ id: f.reportOf(c), input: { skillId: f.skillId, level: 2, evidenceNote: 'Seen on the Q3 plan' } }),
  },
  'Mutation.createPlanFromTarget': {
    rule: 'signedIn',
    document: 'mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }',
    variables: async (f, c) => {
      // Abandon the caller's open plan through the API first: one open plan at a time.
      const plan = await f.freshPlan('self', c, 'draft');
      const owner = await f.signIn(SELF_EMAIL[c]);
      expectNoErrors(await owner.graphql('mutation($input: PlanVersionInput!) { abandonPlan(input: $input) { id } }', { input: { planId: plan.id, expectedVersion: plan.version } }));
      return { input: { targetRoleId: f.roleId } };
    },
  },
  'Mutation.updatePlanAction': {
    rule: 'signedIn',
    document: 'mutation($input: UpdatePlanActionInput!) { updatePlanAction(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await f.freshPlan('self', c, 'draft');
      return { input: { actionId: plan.actionId, expectedPlanVersion: plan.version, dueOn: '2027-01-29' } };
    },
  },
  'Mutation.addPlanAction': {
    rule: 'signedIn',
    document: 'mutation($input: AddPlanActionInput!) { addPlanAction(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await f.freshPlan('self', c, 'draft');
      return { input: { planId: plan.id, expectedVersion: plan.version, type: 'COURSE', title: 'Risk workshop' } };
    },
  },
  'Mutation.addPlanSuggestions': {
    rule: 'signedIn',
    document: 'mutation($input: AddPlanSuggestionsInput!) { addPlanSuggestions(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await f.draftWithOpenSuggestion(c);
      return { input: { planId: plan.id, expectedVersion: plan.version, suggestionIds: [plan.suggestionId] } };
    },
  },
  'Mutation.removePlanAction': {
    rule: 'signedIn',
    document: 'mutation($input: RemovePlanActionInput!) { removePlanAction(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await f.freshPlan('self', c, 'draft');
      return { input: { actionId: plan.actionId, expectedPlanVersion: plan.version } };
    },
  },
  'Mutation.setPlanReviewRhythm': {
    rule: 'signedIn',
    document: 'mutation($input: SetReviewRhythmInput!) { setPlanReviewRhythm(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await f.freshPlan('self', c, 'active');
      return { input: { planId: plan.id, expectedVersion: plan.version, reviewRhythmWeeks: 4 } };
    },
  },
  'Mutation.proposePlan': planMove('proposePlan', 'self', 'draft'),
  'Mutation.withdrawPlan': planMove('withdrawPlan', 'self', 'proposed'),
  'Mutation.agreePlan': planMove('agreePlan', 'report', 'proposed'),
  'Mutation.startPlan': planMove('startPlan', 'report', 'agreed'),
  'Mutation.completePlan': planMove('completePlan', 'self', 'active'),
  'Mutation.abandonPlan': planMove('abandonPlan', 'self', 'draft'),
  'Mutation.sendBackPlan': {
    rule: 'signedIn',
    document: 'mutation($input: SendBackPlanInput!) { sendBackPlan(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await f.freshPlan('report', c, 'proposed');
      return { input: { planId: plan.id, expectedVersion: plan.version, comment: 'Add due dates' } };
    },
  },
  'Mutation.recordCheckIn': {
    rule: 'signedIn',
    document: 'mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await f.freshPlan('report', c, 'agreed');
      return { input: { planId: plan.id, expectedVersion: plan.version, reflection: 'Steady progress', progress: [{ actionId: plan.actionId, status: 'IN_PROGRESS' }] } };
    },
  },
  'Mutation.changePlanDirection': {
    rule: 'signedIn',
    document: 'mutation($input: ChangePlanDirectionInput!) { changePlanDirection(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await f.freshPlan('self', c, 'draft');
      return { input: { planId: plan.id, expectedVersion: plan.version, targetRoleId: f.roleId, reason: 'OTHER', note: 'Re-plan after the reorganisation' } };
    },
  },
  'Mutation.sharePlan': {
    rule: 'signedIn',
    document: 'mutation($id: ID!) { sharePlan(viewerId: $id, shared: true) { id } }',
    variables: (f, c) => ({ id: f.reportOf(c) }),
  },
  'Mutation.namePlanApprover': {
    rule: 'admin',
    // The organisation's approver named again (the same person): the admin's own proposals still go somewhere.
    document: 'mutation($input: NamePlanApproverInput!) { namePlanApprover(input: $input) { id } }',
    variables: (f) => ({ input: { teamId: null, personId: f.approverId } }),
  },
  'Mutation.removePlanApprover': {
    rule: 'admin',
    // A team with no approver: allowed, and it removes nothing.
    document: 'mutation($teamId: ID) { removePlanApprover(teamId: $teamId) { id } }',
    variables: () => ({ teamId: '00000000-0000-4000-8000-000000000000' }),
  },
  'Mutation.markNotificationRead': {
    rule: 'signedIn',
    document: 'mutation($id: ID!) { markNotificationRead(id: $id) }',
    variables: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  // --- Mentoring -----------------------------------------------------------------------------------
  'Query.myMentorProfile': { rule: 'signedIn', document: '{ myMentorProfile { id } }' },
  'Query.mentorSkillSuggestions': { rule: 'signedIn', document: '{ mentorSkillSuggestions { skillKey } }' },
  'Query.findMentors': { rule: 'signedIn', document: '{ findMentors { focusSource suggestions { mentorId explanation } } }' },
  'Query.myMentorships': { rule: 'signedIn', document: '{ myMentorships { id status rhythm { fizzling sessions } } }' },
  'Query.mentorship': {
    rule: 'signedIn',
    document: 'query($id: ID!) { mentorship(id: $id) { id status } }',
    variables: async (f, c) => ({ id: (await freshMentorship(f, c, 'mentee')).id }),
  },
  'Query.mentoringProgrammes': { rule: 'signedIn', document: '{ mentoringProgrammes { id } }' },
  'Query.matchingBoard': {
    rule: 'signedIn',
    document: 'query($id: ID!) { matchingBoard(programmeId: $id) { assignedCount } }',
    variables: async (f, c) => ({ id: await freshProgramme(f, c, true) }),
  },
  'Mutation.saveMentorProfile': {
    rule: 'signedIn',
    document: 'mutation($input: SaveMentorProfileInput!) { saveMentorProfile(input: $input) { id } }',
    variables: async (f, c) => {
      const [row] = await f.sql('SELECT version FROM mentor_profiles WHERE person_id = $1', [f.selfOf(c)]);
      return { input: { offeredSkillKeys: ['planning-scheduling'], expectedVersion: (row?.version as number | undefined) ?? null } };
    },
  },
  'Mutation.requestMentor': {
    rule: 'signedIn',
    document: 'mutation($input: RequestMentorInput!) { requestMentor(input: $input) { id } }',
    variables: async (f, c) => {
      await f.sql(`UPDATE mentorships SET status = 'ended', end_reason = 'withdrawn' WHERE mentee_id = $1 AND mentor_id = $2 AND status <> 'ended'`, [f.selfOf(c), f.outsiderId]);
      return { input: { mentorId: f.outsiderId, message: 'Could you help me?', focusSkillKeys: ['planning-scheduling'] } };
    },
  },
  'Mutation.pairMentor': {
    rule: 'admin',
    document: 'mutation($input: PairMentorInput!) { pairMentor(input: $input) { id } }',
    variables: async (f) => {
      await f.sql(`UPDATE mentorships SET status = 'ended', end_reason = 'other' WHERE mentee_id = $1 AND mentor_id = $2 AND status <> 'ended'`, [f.leoId, f.outsiderId]);
      return { input: { menteeId: f.leoId, mentorId: f.outsiderId, focusSkillKeys: ['planning-scheduling'] } };
    },
  },
  'Mutation.moveMentorship': {
    rule: 'signedIn',
    document: 'mutation($input: MoveMentorshipInput!) { moveMentorship(input: $input) { id status } }',
    variables: async (f, c) => {
      const m = await freshMentorship(f, c, 'mentee');
      return { input: { mentorshipId: m.id, expectedVersion: m.version, move: 'pause' } };
    },
  },
  'Mutation.setMentorshipSharing': {
    rule: 'signedIn',
    document: 'mutation($input: SetMentorshipSharingInput!) { setMentorshipSharing(input: $input) { id } }',
    variables: async (f, c) => {
      const m = await freshMentorship(f, c, 'mentee');
      return { input: { mentorshipId: m.id, expectedVersion: m.version, plan: true, planComments: true, assessments: true, checkIns: false, evidence: false } };
    },
  },
  'Query.mentoringSettings': { rule: 'admin', document: '{ mentoringSettings { fizzleWeeks crossTeam version } }' },
  'Query.mentoringOversight': { rule: 'admin', document: '{ mentoringOversight { fizzleWeeks relationships { mentorshipId message } waiting { mentorshipId } mentorsAtCapacity { personId } uncovered { personId } } }' },
  'Query.mentoringOversightCsv': { rule: 'admin', document: '{ mentoringOversightCsv }' },
  'Mutation.updateMentoringSettings': {
    rule: 'admin',
    document: 'mutation($input: MentoringSettingsInput!) { updateMentoringSettings(input: $input) { version } }',
    variables: async (f) => {
      const read = await (await f.admin()).graphql<{ mentoringSettings: { version: number } }>('{ mentoringSettings { version } }');
      return { input: { fizzleWeeks: 6, crossTeam: 'no-preference', expectedVersion: read.data!.mentoringSettings.version } };
    },
  },
  'Mutation.logMentoringSession': {
    rule: 'signedIn',
    document: 'mutation($input: LogMentoringSessionInput!) { logMentoringSession(input: $input) { id } }',
    variables: async (f, c) => {
      const m = await freshMentorship(f, c, 'mentee');
      return { input: { mentorshipId: m.id, heldOn: new Date().toISOString().slice(0, 10), minutes: 30, sharedNotes: 'Rights table' } };
    },
  },
  'Mutation.answerNextStep': {
    rule: 'signedIn',
    document: 'mutation($input: AnswerNextStepInput!) { answerNextStep(input: $input) { id } }',
    variables: async (f, c) => {
      const m = await freshMentorship(f, c, 'mentee');
      const [session] = await f.sql(
        `INSERT INTO mentoring_sessions (organisation_id, id, mentorship_id, held_on, minutes, agenda, shared_notes, private_notes, next_steps, logged_by_id)
         VALUES ($1, gen_random_uuid(), $2, current_date, 30, '[]', '', '', $3, $4) RETURNING id`,
        [f.organisationId, m.id, JSON.stringify([{ type: 'mentoring', title: 'Read the PMBOK risk chapter', description: '', skillKeys: [], dueOn: null, status: 'proposed' }]), f.leoId],
      );
      return { input: { sessionId: session!.id, index: 0, answer: 'decline' } };
    },
  },
  'Mutation.addMentoringComment': {
    rule: 'signedIn',
    document: 'mutation($input: AddMentoringCommentInput!) { addMentoringComment(input: $input) { id } }',
    variables: async (f, c) => ({ input: { mentorshipId: (await freshMentorship(f, c, 'mentee')).id, body: 'Thanks for today' } }),
  },
  'Mutation.addMentorAssessment': {
    rule: 'signedIn',
    document: 'mutation($input: AddMentorAssessmentInput!) { addMentorAssessment(input: $input) { id } }',
    variables: async (f, c) => ({ input: { mentorshipId: (await freshMentorship(f, c, 'mentor')).id, skillKey: 'planning-scheduling', level: 3 } }),
  },
  'Query.planComments': {
    rule: 'signedIn',
    document: 'query($id: ID!) { planComments(planId: $id) { id } }',
    variables: async (f, c) => ({ id: (await f.freshPlan('self', c, 'draft')).id }),
  },
  'Mutation.addPlanComment': {
    rule: 'signedIn',
    document: 'mutation($input: AddPlanCommentInput!) { addPlanComment(input: $input) { id } }',
    variables: async (f, c) => ({ input: { planId: (await f.freshPlan('self', c, 'draft')).id, body: 'Rights table comment' } }),
  },
  'Mutation.signOffActionEvidence': {
    rule: 'signedIn',
    document: 'mutation($input: SignOffEvidenceInput!) { signOffActionEvidence(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await mentoredPlanWithEvidence(f, c, false);
      return { input: { actionId: plan.actionId, expectedPlanVersion: plan.version } };
    },
  },
  'Mutation.withdrawActionSignOff': {
    rule: 'signedIn',
    document: 'mutation($input: WithdrawSignOffInput!) { withdrawActionSignOff(input: $input) { id } }',
    variables: async (f, c) => {
      const plan = await mentoredPlanWithEvidence(f, c, true);
      return { input: { actionId: plan.actionId, expectedPlanVersion: plan.version } };
    },
  },
  'Mutation.createMentoringProgramme': {
    rule: 'admin',
    document: 'mutation($input: CreateProgrammeInput!) { createMentoringProgramme(input: $input) { id } }',
    variables: () => ({ input: { name: 'Autumn cohort', startsOn: '2026-09-01', endsOn: '2027-03-01' } }),
  },
  'Mutation.joinMentoringProgramme': {
    rule: 'signedIn',
    document: 'mutation($input: ProgrammeParticipantInput!) { joinMentoringProgramme(input: $input) { id } }',
    variables: async (f, c) => ({ input: { programmeId: await freshProgramme(f, c, false), personId: f.selfOf(c), part: 'mentee', focusSkillKeys: ['planning-scheduling'] } }),
  },
  'Mutation.leaveMentoringProgramme': {
    rule: 'signedIn',
    document: 'mutation($input: ProgrammeParticipantInput!) { leaveMentoringProgramme(input: $input) { id } }',
    variables: async (f, c) => ({ input: { programmeId: await freshProgramme(f, c, false), personId: f.selfOf(c), part: 'mentee' } }),
  },
  'Mutation.publishProgrammePairs': {
    rule: 'signedIn',
    document: 'mutation($input: PublishProgrammePairsInput!) { publishProgrammePairs(input: $input) { id } }',
    variables: async (f, c) => {
      const programmeId = await freshProgramme(f, c, true);
      await f.sql(`UPDATE mentorships SET status = 'ended', end_reason = 'other' WHERE mentee_id = $1 AND mentor_id = $2 AND status <> 'ended'`, [f.leoId, f.outsiderId]);
      await f.sql(
        `INSERT INTO mentoring_programme_participants (organisation_id, programme_id, person_id, part, focus_skill_keys)
         VALUES ($1, $2, $3, 'mentee', '{planning-scheduling}'), ($1, $2, $4, 'mentor', '{}')`,
        [f.organisationId, programmeId, f.leoId, f.outsiderId],
      );
      return { input: { programmeId, pairs: [{ menteeId: f.leoId, mentorId: f.outsiderId }] } };
    },
  },
  'Mutation.importExpectationsCsv': {
    rule: 'admin',
    // A grid with no rows: valid, and it changes nothing.
    document: 'mutation($id: ID!, $revision: Int!) { importExpectationsCsv(frameworkId: $id, expectedRevision: $revision, csv: "role\\n") { revision } }',
    variables: async (f) => ({ id: f.frameworkId, revision: await openDraft(f) }),
  },
  'Mutation.discardFrameworkDraft': {
    rule: 'admin',
    document: 'mutation($id: ID!, $revision: Int!) { discardFrameworkDraft(frameworkId: $id, expectedRevision: $revision) }',
    variables: async (f) => ({ id: f.frameworkId, revision: await draftRevision(f) }),
  },
  // Last: publishing moves people to the new version, which bumps their versions (Jack's included).
  'Mutation.publishFrameworkDraft': {
    rule: 'admin',
    document: 'mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { version { number } } }',
    variables: async (f) => ({ id: f.frameworkId, revision: await openDraft(f) }),
  },
  // --- Subscriptions (over graphql-ws; see subscriptionOutcome) ------------------------------------------
  'Subscription.notificationAdded': { rule: 'signedIn', document: 'subscription { notificationAdded { id } }' },
};

/** A plan move (propose, agree...) on a fresh plan in the status the move starts from. */
function planMove(mutation: string, owner: 'self' | 'report', status: 'draft' | 'proposed' | 'agreed' | 'active'): TableEntry {
  return {
    rule: 'signedIn',
    document: `mutation($input: PlanVersionInput!) { ${mutation}(input: $input) { id } }`,
    variables: async (f, c) => {
      const plan = await f.freshPlan(owner, c, status);
      return { input: { planId: plan.id, expectedVersion: plan.version } };
    },
  };
}

/** A fresh active mentorship between the caller and Leo (ending any open one first); the caller is `as`. */
async function freshMentorship(f: Fixtures, c: Caller, as: 'mentee' | 'mentor'): Promise<{ id: string; version: number }> {
  const self = f.selfOf(c);
  const [menteeId, mentorId] = as === 'mentee' ? [self, f.leoId] : [f.leoId, self];
  await f.sql(`UPDATE mentorships SET status = 'ended', end_reason = 'other', ended_at = now() WHERE mentee_id = $1 AND mentor_id = $2 AND status <> 'ended'`, [menteeId, mentorId]);
  const [row] = await f.sql(
    `INSERT INTO mentorships (organisation_id, id, mentee_id, mentor_id, status, focus_skill_keys, message, requested_at, active_since)
     VALUES ($1, gen_random_uuid(), $2, $3, 'active', '{planning-scheduling}', 'Rights table', now(), now()) RETURNING id, version`,
    [f.organisationId, menteeId, mentorId],
  );
  return { id: row!.id as string, version: row!.version as number };
}

/**
 * A fresh active plan of someone the caller neither manages nor agrees for, with a done action and its
 * evidence, shared with the caller as their mentor (plan and evidence); `signedOff`: already signed off by the caller.
 */
async function mentoredPlanWithEvidence(f: Fixtures, c: Caller, signedOff: boolean): Promise<{ id: string; version: number; actionId: string }> {
  const owner: Caller = c === 'leadership' ? 'admin' : 'leadership';
  const plan = await f.freshPlan('report', owner, 'active');
  const [menteeId, mentorId] = [f.reportOf(owner), f.selfOf(c)];
  await f.sql(`UPDATE plan_actions SET status = 'done', evidence = 'Rights table evidence', done_at = now() WHERE id = $1`, [plan.actionId]);
  await f.sql(`UPDATE mentorships SET status = 'ended', end_reason = 'other', ended_at = now() WHERE mentee_id = $1 AND mentor_id = $2 AND status <> 'ended'`, [menteeId, mentorId]);
  await f.sql(
    `INSERT INTO mentorships (organisation_id, id, mentee_id, mentor_id, status, focus_skill_keys, message, requested_at, active_since, share_plan, share_evidence)
     VALUES ($1, gen_random_uuid(), $2, $3, 'active', '{planning-scheduling}', 'Rights table', now(), now(), true, true)`,
    [f.organisationId, menteeId, mentorId],
  );
  if (signedOff) {
    await f.sql(`INSERT INTO plan_action_sign_offs (organisation_id, action_id, signed_off_by_id, note, signed_off_at) VALUES ($1, $2, $3, '', now())`, [f.organisationId, plan.actionId, mentorId]);
  }
  return plan;
}

/** A fresh programme (mentees may join themselves); `lead` makes the caller its lead. */
async function freshProgramme(f: Fixtures, c: Caller, lead: boolean): Promise<string> {
  const [row] = await f.sql(
    `INSERT INTO mentoring_programmes (organisation_id, id, name, description, starts_on, ends_on, mentors_may_join, mentees_may_join, lead_id, created_by_id)
     VALUES ($1, gen_random_uuid(), 'Rights cohort', '', current_date - 1, current_date + 90, 'invited', 'anyone', $2, $3) RETURNING id`,
    [f.organisationId, lead ? f.selfOf(c) : null, f.selfOf('admin')],
  );
  return row!.id as string;
}

describe('access rules', () => {
  let t: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    // A key for single sign-on secrets, so that saveSsoSettings can succeed for an admin.
    t = await startTestApp({ environment: { SSO_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') } });
    const admin = await t.signIn(DEMO.admin);
    const read = await admin.graphql<{
      frameworks: { id: string; currentVersion: { roles: { id: string }[] } }[];
      people: { id: string; email: string; version: number; organisationId?: string }[];
      currentOrganisation: { id: string };
    }>('{ frameworks { id currentVersion { roles { id } } } people { id email version } currentOrganisation { id } }');
    expectNoErrors(read);
    const person = (email: string) => ({ ...read.data!.people.find((p) => p.email === email)!, organisationId: read.data!.currentOrganisation.id });
    let counter = 0;
    const superuser = (text: string, values: unknown[]) => superuserQuery(t.adminDatabaseUrl, text, values);
    await superuser('UPDATE people SET manager_id = $1 WHERE id = $2', [person(DEMO.employee).id, person(REPORT_EMAIL.employee).id]);
    // The demo admin has no manager: an organisation approver agrees her plan, so she can propose one.
    const [organisation] = await superuser('SELECT organisation_id AS id FROM people WHERE id = $1', [person(DEMO.admin).id]);
    await superuser('INSERT INTO plan_approvers (organisation_id, id, team_id, person_id) VALUES ($1, gen_random_uuid(), NULL, $2)', [organisation!.id, person(DEMO.leadership).id]);
    // Reports read snapshots the job builds (off in tests): build the demo organisation's now.
        await t.app.get(ReportRefreshService).refresh(organisation!.id as string, { force: true });
    const [skill] = await superuser(`SELECT id FROM skills WHERE key = 'planning-scheduling' LIMIT 1`, []);
    const [targetRole] = await superuser(`SELECT id FROM roles WHERE key = 'project-manager' LIMIT 1`, []);
    const organisationId = person(DEMO.employee).organisationId as string;
    const [outsider] = await superuser(
      `INSERT INTO people (organisation_id, id, email, name, access_role) VALUES ($1, gen_random_uuid(), 'outside.mentor@demo.example', 'Outside Mentor', 'employee') RETURNING id`,
      [organisationId],
    );
    await superuser(
      `INSERT INTO mentor_profiles (organisation_id, id, person_id, capacity, offered_skill_keys, meeting, accepts_other_teams, paused, about, updated_at)
       VALUES ($1, gen_random_uuid(), $2, 20, '{planning-scheduling}', '{"modes":[],"frequency":null,"note":""}', true, false, '', now())`,
      [organisationId, outsider!.id],
    );
    fixtures = {
      sql: superuser,
      selfOf: (caller) => person(SELF_EMAIL[caller]).id,
      outsiderId: outsider!.id as string,
      organisationId,
      skillId: skill!.id as string,
      reportOf: (caller) => person(REPORT_EMAIL[caller]).id,
      signIn: (email) => t.signIn(email),
      async freshPlan(owner, caller, status) {
        const email = owner === 'self' ? SELF_EMAIL[caller] : REPORT_EMAIL[caller];
        // Arranged directly in the database: the flow itself is tested in plans.test.ts.
        await superuser(`UPDATE plans SET status = 'abandoned' WHERE person_id = $1 AND status NOT IN ('completed', 'abandoned')`, [person(email).id]);
        const client = await t.signIn(email);
        const created = await client.graphql<{ createPlanFromTarget: { id: string; version: number; actions: { id: string }[] } }>(
          'mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id version actions { id } } }',
          { input: { targetRoleId: targetRole!.id } },
        );
        expectNoErrors(created);
        let plan = created.data!.createPlanFromTarget;
        if (plan.actions.length === 0) {
          // A focused plan has no action when the person already meets the target: add one of their own.
          const added = await client.graphql<{ addPlanAction: typeof plan }>(
            'mutation($input: AddPlanActionInput!) { addPlanAction(input: $input) { id version actions { id } } }',
            { input: { planId: plan.id, expectedVersion: plan.version, type: 'COURSE', title: 'Scheduling course' } },
          );
          expectNoErrors(added);
          plan = added.data!.addPlanAction;
        }
        if (status !== 'draft') await superuser(`UPDATE plans SET status = $2, agreed_at = now(), review_due_on = current_date + 56 WHERE id = $1`, [plan.id, status]);
        return { id: plan.id, version: plan.version, actionId: plan.actions[0]!.id };
      },
      async draftWithOpenSuggestion(caller) {
        const plan = await this.freshPlan('self', caller, 'draft');
        await superuser(`DELETE FROM plan_actions WHERE plan_id = $1 AND suggestion_id IS NOT NULL`, [plan.id]);
        const [revision] = await superuser(`SELECT proposal FROM plan_revisions WHERE plan_id = $1 AND number = 1`, [plan.id]);
        const proposal = revision!.proposal as { suggestions: { id: string }[] } | null;
        if (proposal?.suggestions[0]) return { id: plan.id, version: plan.version, suggestionId: proposal.suggestions[0].id };
        const suggestion = { id: 'practise:planning-scheduling:4:1', type: 'on-the-job', title: 'Plan a release', description: 'Plan it.', skillKeys: ['planning-scheduling'] };
        await superuser(`UPDATE plan_revisions SET proposal = $2 WHERE plan_id = $1`, [plan.id, JSON.stringify({ ...proposal, focus: [], later: [], unknown: [], suggestions: [suggestion] })]);
        return { id: plan.id, version: plan.version, suggestionId: suggestion.id };
      },
      frameworkId: read.data!.frameworks[0]!.id,
      roleId: read.data!.frameworks[0]!.currentVersion.roles[0]!.id,
      jack: person('jack.wilson@demo.example'),
      leoId: person('leo.fischer@demo.example').id,
      approverId: person(DEMO.leadership).id,
      admin: () => t.signIn(DEMO.admin),
      unique: () => `${process.pid}-${(counter += 1)}`,
      async signUpToken() {
        const { secret, hash } = newSecret();
        const id = randomUUID();
        const unique = `${process.pid}-${(counter += 1)}`;
        await superuser(
          `INSERT INTO sign_up_requests (id, email, organisation_name, name, password_hash, secret_hash, expires_at) VALUES ($1, $2, $3, 'Rights Founder', 'x', $4, now() + interval '1 hour')`,
          [id, `confirmed-${unique}@rights.example`, `Confirmed ${unique}`, hash],
        );
        return `${id}.${secret}`;
      },
    };
  });
  afterAll(async () => {
    await t.close();
  });

  /** Subscriptions need a listening server (HTTP operations are injected). */
  let port: number | null = null;
  const listeningPort = async () => {
    if (port === null) {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.getHttpServer().address() as { port: number }).port;
    }
    return port;
  };

  it('gives every query, mutation and subscription of the schema exactly one resolver method with an access rule', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const declared = declaredOperations();
    const fields = rootFields(schema);
    expect(fields.length).toBeGreaterThan(20);

    const problems: string[] = [];
    for (const field of fields) {
      const methods = declared.get(field) ?? [];
      if (methods.length === 0) problems.push(`${field} has no resolver method in allResolvers (schema/graphql-schema.ts)`);
      if (methods.length > 1) problems.push(`${field} is resolved by ${methods.map((m) => `${m.resolver}.${m.method}`).join(' and ')}`);
      for (const method of methods) {
        if (!method.rule) problems.push(`${field} (${method.resolver}.${method.method}) declares no @Access rule`);
        else if (!RULES.includes(method.rule)) problems.push(`${field} declares the unknown rule "${method.rule}"`);
      }
    }
    // And nothing in allResolvers is missing from the schema the app serves.
    for (const operation of declared.keys()) if (!fields.includes(operation)) problems.push(`${operation} is not in the served schema`);
    expect(problems).toEqual([]);
  });

  it('refuses, at run time, an operation whose handler declares no rule (deny by default)', () => {
    const guard = new AccessGuard(new Reflector());
    class SomeResolver {
      undeclared() {
        return 'secret';
      }
    }
    const execution = {
      getHandler: () => SomeResolver.prototype.undeclared,
      getClass: () => SomeResolver,
      getType: () => 'graphql',
    } as unknown as ExecutionContext;
    expect(() => guard.canActivate(execution)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/declares no access rule/) }));
  });

  it('has a row in the rights table for every root operation, with the rule the code declares', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    expect(Object.keys(RIGHTS).sort()).toEqual(rootFields(schema));
    const declared = declaredOperations();
    const rules = Object.fromEntries(Object.keys(RIGHTS).map((operation) => [operation, declared.get(operation)?.[0]?.rule]));
    expect(rules).toEqual(Object.fromEntries(Object.entries(RIGHTS).map(([operation, entry]) => [operation, entry.rule])));
  });

  it.each(Object.entries(RIGHTS))('%s answers each kind of caller as its rule says', async (operation, entry) => {
    const field = operation.split('.')[1]!;
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};
    if (operation.startsWith('Subscription.')) {
      const port = await listeningPort();
      for (const caller of CALLERS) {
        const want = expectedOutcome(entry.rule, caller);
        expected[caller] = want;
        const cookie = caller === 'anonymous' ? null : (await t.signIn(CALLER_EMAIL[caller])).cookie;
        const { code, message } = await subscriptionOutcome(port, entry.document, cookie);
        outcomes[caller] = code === null ? 'allowed' : want === 'allowed' ? `failed: ${code} ${message ?? ''}` : code;
      }
      expect(outcomes).toEqual(expected);
      return;
    }
    for (const caller of CALLERS) {
      const variables = (await entry.variables?.(fixtures, caller)) ?? {};
      const client = caller === 'anonymous' ? t.anonymous() : await t.signIn(CALLER_EMAIL[caller]);
      const result = await client.graphql<Record<string, unknown>>(entry.document, variables);
      const want = expectedOutcome(entry.rule, caller);
      expected[caller] = want;
      if (!result.errors) {
        outcomes[caller] = 'allowed';
        continue;
      }
      const error = theError(result);
      outcomes[caller] = want === 'allowed' ? `failed: ${String(error.code)} ${error.message}` : String(error.code);
      // A refusal says why, in words, and leaks no data.
      if (error.code === 'UNAUTHENTICATED') expect(error.message).toBe('Sign in to continue.');
      if (error.code === 'FORBIDDEN') {
        expect(error.message).toMatch(entry.rule === 'admin' ? /^You are not allowed to .+: it needs admin rights\.$/ : /^You are not allowed to .+: it needs leadership or admin rights\.$/);
      }
      expect(result.data?.[field] ?? null).toBeNull();
    }
    expect(outcomes).toEqual(expected);
  });
});
