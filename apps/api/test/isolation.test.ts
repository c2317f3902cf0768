import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { RequestDatabase, RequestPool } from '../src/database/tenant-database.js';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/**
 * Two organisations side by side: the seeded demo one (A) and one signed up through the API (B).
 * Nothing one of them asks for, by id or by listing, may show or change the other's rows; and
 * underneath the application's own filters, row-level security holds the same wall.
 */

/** What one organisation holds, as its own admin sees it. */
interface Holdings {
  organisationId: string;
  frameworkIds: string[];
  roleIds: string[];
  people: { id: string; email: string; name: string; version: number }[];
  /** A person with an account (for reset links). */
  accountHolderId: string;
  teamIds: string[];
  invitationId: string;
  auditEventIds: string[];
}

async function holdingsOf(admin: Client, inviteEmail: string): Promise<Holdings> {
  const invited = await admin.graphql<{ invitePerson: { invitation: { id: string } } }>(
    'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { invitation { id } } }',
    { input: { email: inviteEmail, name: 'Pending Invitee', accessRole: 'EMPLOYEE' } },
  );
  expectNoErrors(invited);
  const read = await admin.graphql<{
    viewer: { organisation: { id: string }; person: { id: string } };
    frameworks: { id: string; currentVersion: { roles: { id: string }[] } }[];
    people: { id: string; email: string; name: string; version: number }[];
    teams: { id: string }[];
    auditEvents: { id: string }[];
  }>(`{
    viewer { organisation { id } person { id } }
    frameworks { id currentVersion { roles { id } } }
    people(includeLeft: true) { id email name version }
    teams { id }
    auditEvents(limit: 200) { id }
  }`);
  expectNoErrors(read);
  const data = read.data!;
  return {
    organisationId: data.viewer.organisation.id,
    frameworkIds: data.frameworks.map((f) => f.id),
    roleIds: data.frameworks.flatMap((f) => f.currentVersion.roles.map((r) => r.id)),
    people: data.people,
    accountHolderId: data.viewer.person.id,
    teamIds: data.teams.map((team) => team.id),
    invitationId: invited.data!.invitePerson.invitation.id,
    auditEventIds: data.auditEvents.map((event) => event.id),
  };
}

describe('isolation between organisations', () => {
  let t: TestApp;
  let adminA: Client;
  let adminB: Client;
  let a: Holdings;
  let b: Holdings;

  beforeAll(async () => {
    t = await startTestApp();
    adminA = await t.signIn(DEMO.admin);
    adminB = t.anonymous();
    const signedUp = await adminB.graphql<{ signUp: { viewer: { accessRole: string } } }>(
      'mutation($input: SignUpInput!) { signUp(input: $input) { viewer { accessRole } } }',
      { input: { organisationName: 'Other Company', name: 'Olivia Other', email: 'olivia@other.example', password: 'olivia-secret-2026' } },
    );
    expectNoErrors(signedUp);
    // B gets people and nested teams of its own, one of them named like one of A's.
    const imported = await adminB.graphql(
      'mutation($csv: String!) { importPeople(csv: $csv) { created } }',
      {
        csv: [
          'email,name,team,manager_email,job_title',
          'bob@other.example,Bob Other,Delivery/Other PMO,olivia@other.example,Analyst',
          'cara@other.example,Cara Other,Delivery,bob@other.example,Coordinator',
        ].join('\n'),
      },
    );
    expectNoErrors(imported);
    a = await holdingsOf(adminA, 'pending-a@demo.example');
    b = await holdingsOf(adminB, 'pending-b@other.example');
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts from two organisations that each hold frameworks, roles, people, teams, invitations and audit events', () => {
    expect(a.organisationId).not.toBe(b.organisationId);
    for (const holdings of [a, b]) {
      expect(holdings.frameworkIds.length).toBeGreaterThan(0);
      expect(holdings.roleIds.length).toBeGreaterThan(0);
      expect(holdings.people.length).toBeGreaterThanOrEqual(3);
      expect(holdings.teamIds.length).toBeGreaterThanOrEqual(2);
      expect(holdings.auditEventIds.length).toBeGreaterThan(0);
    }
  });

  describe.each([
    ['A (demo)', 'B (signed up)', () => ({ viewer: adminA, own: a, other: b, otherAdmin: adminB })],
    ['B (signed up)', 'A (demo)', () => ({ viewer: adminB, own: b, other: a, otherAdmin: adminA })],
  ])("an admin of %s never reaches %s's data", (_own, _other, sides) => {
    const intersection = (ids: string[], others: string[]) => ids.filter((id) => others.includes(id));

    it('by listing: frameworks, people, teams, invitations, audit events, the CSV export', async () => {
      const { viewer, own, other } = sides();
      const listed = await viewer.graphql<{
        frameworks: { id: string }[];
        people: { id: string; email: string }[];
        teams: { id: string }[];
        invitations: { id: string }[];
        auditEvents: { id: string }[];
        peopleCsv: string;
      }>('{ frameworks { id } people(includeLeft: true) { id email } teams { id } invitations { id } auditEvents(limit: 200) { id } peopleCsv }');
      expectNoErrors(listed);
      const data = listed.data!;
      expect(intersection(data.frameworks.map((f) => f.id), other.frameworkIds)).toEqual([]);
      expect(intersection(data.people.map((p) => p.id), other.people.map((p) => p.id))).toEqual([]);
      expect(intersection(data.people.map((p) => p.email), other.people.map((p) => p.email))).toEqual([]);
      expect(intersection(data.teams.map((team) => team.id), other.teamIds)).toEqual([]);
      expect(data.invitations.map((i) => i.id)).not.toContain(other.invitationId);
      expect(data.invitations.map((i) => i.id)).toContain(own.invitationId);
      expect(intersection(data.auditEvents.map((e) => e.id), other.auditEventIds)).toEqual([]);
      for (const person of other.people) expect(data.peopleCsv).not.toContain(person.email);
      // The lists are not empty by accident: the organisation's own rows are all there.
      expect(data.people.map((p) => p.id).sort()).toEqual(own.people.map((p) => p.id).sort());
      expect(data.frameworks.map((f) => f.id).sort()).toEqual([...own.frameworkIds].sort());
    });

    it('by id: framework, role, person, and people of a team', async () => {
      const { viewer, other } = sides();
      for (const id of other.frameworkIds) {
        const result = await viewer.graphql('query($id: ID!) { framework(id: $id) { id name } }', { id });
        expect(result).toEqual({ data: { framework: null } });
      }
      for (const id of other.roleIds.slice(0, 5)) {
        const result = await viewer.graphql('query($id: ID!) { role(id: $id) { id title } }', { id });
        expect(result).toEqual({ data: { role: null } });
      }
      for (const person of other.people) {
        const result = await viewer.graphql('query($id: ID!) { person(id: $id) { id email } }', { id: person.id });
        expect(result).toEqual({ data: { person: null } });
      }
      for (const teamId of other.teamIds) {
        const result = await viewer.graphql('query($teamId: ID!) { people(teamId: $teamId, includeLeft: true) { id } }', { teamId });
        expect(result).toEqual({ data: { people: [] } });
      }
    });

    it("cannot update another organisation's person (NOT_FOUND), and the person stays as they were", async () => {
      const { viewer, other, otherAdmin } = sides();
      const target = other.people.find((p) => p.id !== other.accountHolderId)!;
      const result = await viewer.graphql(
        'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id name } }',
        { input: { id: target.id, expectedVersion: target.version, name: 'Renamed Across Organisations', active: false } },
      );
      expect(theError(result).code).toBe('NOT_FOUND');
      expect(result.data?.updatePerson ?? null).toBeNull();
      const after = await otherAdmin.graphql<{ person: { name: string; version: number; active: boolean } }>(
        'query($id: ID!) { person(id: $id) { name version active } }',
        { id: target.id },
      );
      expect(after.data!.person).toEqual({ name: target.name, version: target.version, active: true });
    });

    it("cannot revoke another organisation's invitation (NOT_FOUND), which stays pending", async () => {
      const { viewer, other, otherAdmin } = sides();
      const result = await viewer.graphql('mutation($id: ID!) { revokeInvitation(id: $id) { id status } }', { id: other.invitationId });
      expect(theError(result).code).toBe('NOT_FOUND');
      const invitations = await otherAdmin.graphql<{ invitations: { id: string; status: string }[] }>('{ invitations { id status } }');
      expect(invitations.data!.invitations.find((i) => i.id === other.invitationId)?.status).toBe('PENDING');
    });

    it("cannot reset the password of another organisation's person (NOT_FOUND)", async () => {
      const { viewer, other } = sides();
      const result = await viewer.graphql('mutation($id: ID!) { createPasswordReset(personId: $id) { link } }', {
        id: other.accountHolderId,
      });
      expect(theError(result).code).toBe('NOT_FOUND');
      expect(result.data ?? null).toBeNull();
    });

    it("cannot export, diff, preview, import into or publish another organisation's framework (NOT_FOUND), which stays as it was", async () => {
      const { viewer, other, otherAdmin } = sides();
      const frameworkId = other.frameworkIds[0]!;
      const started = await otherAdmin.graphql<{ startFrameworkDraft: { revision: number } }>(
        'mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }',
        { id: frameworkId },
      );
      expectNoErrors(started);
      const revision = started.data!.startFrameworkDraft.revision;
      const attempts = [
        ['query($id: ID!) { frameworkDocument(frameworkId: $id, version: 1) }', {}],
        ['query($id: ID!) { frameworkExpectationsCsv(frameworkId: $id) }', {}],
        ['query($id: ID!) { frameworkVersionDiff(frameworkId: $id, from: 1) { changeCount } }', {}],
        ['query($id: ID!) { frameworkPublishPreview(frameworkId: $id) { draftRevision } }', {}],
        ['mutation($id: ID!, $revision: Int!) { importExpectationsCsv(frameworkId: $id, expectedRevision: $revision, csv: "role\\n") { revision } }', { revision }],
        ['mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { version { id } } }', { revision }],
      ] as const;
      for (const [document, variables] of attempts) {
        const result = await viewer.graphql(document, { id: frameworkId, ...variables });
        expect([document, theError(result).code]).toEqual([document, 'NOT_FOUND']);
      }
      const after = await otherAdmin.graphql<{ framework: { versions: { number: number }[]; draft: { revision: number } | null } }>(
        'query($id: ID!) { framework(id: $id) { versions { number } draft { revision } } }',
        { id: frameworkId },
      );
      expect(after.data!.framework).toEqual({ versions: [{ number: 1 }], draft: { revision } });
    });

    it("cannot point its own people or invitations at another organisation's manager, team or role", async () => {
      const { viewer, own, other } = sides();
      const mine = own.people.find((p) => p.id !== own.accountHolderId)!;
      const current = await viewer.graphql<{ person: { version: number } }>('query($id: ID!) { person(id: $id) { version } }', { id: mine.id });
      const update = (change: Record<string, unknown>) =>
        viewer.graphql('mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }', {
          input: { id: mine.id, expectedVersion: current.data!.person.version, ...change },
        });
      expect(Object.keys(fieldErrors(await update({ managerId: other.accountHolderId })))).toEqual(['managerId']);
      expect(Object.keys(fieldErrors(await update({ teamId: other.teamIds[0] })))).toEqual(['teamId']);
      expect(Object.keys(fieldErrors(await update({ currentRoleId: other.roleIds[0] })))).toEqual(['currentRoleId']);

      const invited = await viewer.graphql('mutation($input: InvitePersonInput!) { invitePerson(input: $input) { link } }', {
        input: { email: `cross-${randomUUID().slice(0, 8)}@example.com`, name: 'Cross Invite', teamId: other.teamIds[0], managerId: other.accountHolderId },
      });
      expect(Object.keys(fieldErrors(invited)).sort()).toEqual(['managerId', 'teamId']);
    });
  });

  it("does not let a session cookie be re-pointed at the other organisation", async () => {
    const [, sessionId, secret] = adminB.cookie!.replace(/^trellis_session=/, '').split('.');
    const forged = t.anonymous();
    forged.cookie = `trellis_session=${a.organisationId}.${sessionId}.${secret}`;
    expect(await forged.graphql('{ viewer { accessRole } }')).toEqual({ data: { viewer: null } });
    expect(theError(await forged.graphql('{ people { id } }')).code).toBe('UNAUTHENTICATED');
  });

  describe('row-level security, beneath the application', () => {
    const asAppRole = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: t.databaseUrl });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    };
    const countsBySuperuser = async (table: string) => {
      const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ organisation_id: string; n: number }>(
          `SELECT organisation_id, count(*)::int AS n FROM ${table} GROUP BY organisation_id`,
        );
        return Object.fromEntries(rows.map((row) => [row.organisation_id, row.n])) as Record<string, number>;
      } finally {
        await client.end();
      }
    };
    const organisationsIn = async (client: pg.Client, table: string) =>
      (await client.query<{ organisation_id: string }>(`SELECT organisation_id FROM ${table}`)).rows.map((row) => row.organisation_id);

    it("sets each request's organisation on the shared request connections before its statements, whichever organisation used them last", async () => {
      const requestPool = t.app.get(RequestPool);
      // Far more requests than connections, the two organisations interleaved, several in flight at once.
      const requests = Array.from({ length: 60 }, (_, index) => (index % 3 === 0 ? b : a));
      const seen = await Promise.all(
        requests.map(async (holdings) => {
          const db = new RequestDatabase(requestPool, holdings.organisationId);
          try {
            // No organisation filter of the application's own: only row-level security scopes these.
            const frameworks = await db.query<{ organisation_id: string }>('SELECT DISTINCT organisation_id FROM frameworks', []);
            const people = await db.query<{ organisation_id: string }>('SELECT DISTINCT organisation_id FROM people', []);
            return { expected: holdings.organisationId, seen: [...frameworks, ...people].map((row) => row.organisation_id) };
          } finally {
            db.release();
          }
        }),
      );
      for (const request of seen) expect(request.seen).toEqual([request.expected, request.expected]);
    });

    it("leaves the application's other connections (transactions, sign-in) without an organisation: a statement that sets none sees no rows", async () => {
      await adminA.graphql('{ frameworks { id } people { id } }');
      await adminB.graphql('{ frameworks { id } people { id } }');
      const dataSource = t.app.get<DataSource>(getDataSourceToken());
      const counts = await Promise.all(
        Array.from({ length: 12 }, () => dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM people')),
      );
      expect(counts.map(([row]) => row!.n)).toEqual(Array(12).fill(0));
    });

    it('connects as an ordinary role, which row-level security applies to', async () => {
      const role = await asAppRole(async (client) => (await client.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user')).rows[0]);
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    });

    it.each(['people', 'frameworks', 'teams', 'audit_events'])('shows only the set organisation\'s rows of %s, and none without a setting', async (table) => {
      const counts = await countsBySuperuser(table);
      expect(counts[a.organisationId]).toBeGreaterThan(0);
      expect(counts[b.organisationId]).toBeGreaterThan(0);

      await asAppRole(async (client) => {
        expect(await organisationsIn(client, table)).toEqual([]);

        await client.query("SELECT set_config('trellis.organisation_id', $1, false)", [a.organisationId]);
        const asA = await organisationsIn(client, table);
        expect(asA).toHaveLength(counts[a.organisationId]!);
        expect(new Set(asA)).toEqual(new Set([a.organisationId]));

        await client.query("SELECT set_config('trellis.organisation_id', $1, false)", [b.organisationId]);
        const asB = await organisationsIn(client, table);
        expect(asB).toHaveLength(counts[b.organisationId]!);
        expect(new Set(asB)).toEqual(new Set([b.organisationId]));

        await client.query("SELECT set_config('trellis.organisation_id', '', false)");
        expect(await organisationsIn(client, table)).toEqual([]);
      });
    });

    it("refuses to write a row into another organisation, and cannot change the other's rows", async () => {
      await asAppRole(async (client) => {
        await client.query("SELECT set_config('trellis.organisation_id', $1, false)", [a.organisationId]);
        await expect(
          client.query('INSERT INTO teams (organisation_id, id, name) VALUES ($1, $2, $3)', [b.organisationId, randomUUID(), 'Smuggled']),
        ).rejects.toThrow(/row-level security/);
        const updated = await client.query("UPDATE people SET name = 'Overwritten' WHERE organisation_id = $1", [b.organisationId]);
        expect(updated.rowCount).toBe(0);
        const deleted = await client.query('DELETE FROM invitations WHERE organisation_id = $1', [b.organisationId]);
        expect(deleted.rowCount).toBe(0);
      });
      const invitations = await adminB.graphql<{ invitations: { id: string }[] }>('{ invitations { id } }');
      expect(invitations.data!.invitations.map((i) => i.id)).toContain(b.invitationId);
    });
  });
});
