import { randomUUID } from 'node:crypto';
import { pmoFramework, type FrameworkDocument } from '@trellis/domain';
import { FrameworksService } from '../src/frameworks/frameworks.service.js';
import { systemTransaction } from '../src/database/tenant-database.js';
import { OrganisationEntity } from '../src/organisations/organisation.entity.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { asSuperuser } from './support/superuser.js';

/** A version 2 descriptor that is only a summary. */
const summaryOnly = (summary: string) => ({ summary, criteria: [] as string[], examples: [] as string[] });

const WHOLE_FRAMEWORK = /* GraphQL */ `
  query WholeFramework($id: ID!) {
    framework(id: $id) {
      id name
      versions { id number status }
      currentVersion {
        id number status publishedAt
        framework { id }
        proficiencyScale { level name summary }
        skillCategories { id key name skills { id key } }
        skills { id key name category { id key } levels { level name descriptor } }
        tracks {
          id key name kind
          roles {
            id key title level band summary responsibilities
            track { id }
            frameworkVersion { id }
            expectations { id level descriptor skill { id key name category { key } } role { id } }
            transitionsOut { id kind typicalMonths to { id title } }
            transitionsIn { id from { id title } }
            qualifications { requirement qualification { id name skills { id key } } }
          }
        }
        transitions { id kind from { id } to { id } }
        qualifications { id key name provider url validityMonths skills { id } }
      }
    }
  }
`;

interface WholeFramework {
  framework: {
    id: string;
    currentVersion: {
      tracks: { roles: { title: string; expectations: { level: number; descriptor: string; skill: { key: string } }[] }[] }[];
    };
  } | null;
}

/** A small framework using every kind of part, far smaller than the PMO one, to compare statement counts. */
const smallFramework: FrameworkDocument = {
  schemaVersion: '1',
  key: 'small',
  name: 'Small framework',
  proficiencyScale: [
    { level: 1, name: 'Learning', summary: 'Learning the ropes.' },
    { level: 2, name: 'Doing', summary: 'Does it unaided.' },
  ],
  skillCategories: [{ key: 'craft', name: 'Craft' }],
  skills: [{ key: 'writing', name: 'Writing', categoryKey: 'craft', levels: { '1': summaryOnly('Writes notes.'), '2': summaryOnly('Writes reports.') } }],
  tracks: [{ key: 'main', name: 'Main', kind: 'core' }],
  roles: [
    { key: 'junior', title: 'Junior', trackKey: 'main', level: 1, summary: 'Starts.', responsibilities: ['Learn'], expectations: { writing: 1 } },
    { key: 'senior', title: 'Senior', trackKey: 'main', level: 2, summary: 'Leads.', responsibilities: ['Lead'], expectations: { writing: 2 } },
  ],
  transitions: [{ fromRoleKey: 'junior', toRoleKey: 'senior', kind: 'promotion', typicalMonths: 24 }],
  qualifications: [
    {
      key: 'writing-cert',
      name: 'Writing certificate',
      provider: 'Writers Guild',
      skillKeys: ['writing'],
      requiredForRoleKeys: ['senior'],
      recommendedForRoleKeys: [],
    },
  ],
};

/** 21 kinds of row (loaders) plus the request's organisation, with a little room for split batches. */
const MAX_STATEMENTS_FOR_A_WHOLE_FRAMEWORK = 26;

/** 12 tracks of 10 roles, 40 skills, every role expecting every skill: 4,800 expectations. */
function largeFramework(): FrameworkDocument {
  const skills = Array.from({ length: 40 }, (_, i) => ({
    key: `skill-${i}`,
    name: `Skill ${i}`,
    categoryKey: `category-${i % 4}`,
    levels: { '1': summaryOnly(`Skill ${i} at level one.`), '2': summaryOnly(`Skill ${i} at level two.`) },
  }));
  const tracks = Array.from({ length: 12 }, (_, i) => ({ key: `track-${i}`, name: `Track ${i}`, kind: 'core' as const }));
  const roles = tracks.flatMap((track, ti) =>
    Array.from({ length: 10 }, (_, level) => ({
      key: `role-${ti}-${level}`,
      title: `Role ${ti}.${level}`,
      trackKey: track.key,
      level: level + 1,
      summary: 'A generated role.',
      responsibilities: ['Generated work'],
      expectations: Object.fromEntries(skills.map((skill, si) => [skill.key, ((si + level) % 2) + 1])),
    })),
  );
  return {
    schemaVersion: '1',
    key: 'large',
    name: 'Large framework',
    proficiencyScale: smallFramework.proficiencyScale,
    skillCategories: Array.from({ length: 4 }, (_, i) => ({ key: `category-${i}`, name: `Category ${i}` })),
    skills,
    tracks,
    roles,
    transitions: roles
      .filter((role) => !role.key.endsWith('-9'))
      .map((role) => ({ fromRoleKey: role.key, toRoleKey: role.key.replace(/-(\d+)$/, (_, n) => `-${Number(n) + 1}`), kind: 'promotion' as const })),
    qualifications: [
      { key: 'cert', name: 'Certificate', provider: 'Body', skillKeys: ['skill-0', 'skill-1'], requiredForRoleKeys: ['role-0-5'], recommendedForRoleKeys: ['role-1-5'] },
    ],
  };
}

describe('reading frameworks through GraphQL', () => {
  const demoOrganisationId = () =>
    asSuperuser(t.adminDatabaseUrl, async (client) => (await client.query("SELECT id FROM organisations WHERE slug = 'demo'")).rows[0].id as string);

  let t: TestApp;
  let employee: Client;
  let pmoFrameworkId: string;

  beforeAll(async () => {
    t = await startTestApp();
    employee = await t.signIn(DEMO.employee);
    const result = await employee.graphql<{ frameworks: { id: string; key: string; name: string }[] }>(
      '{ frameworks { id key name } }',
    );
    pmoFrameworkId = result.data!.frameworks.find((f) => f.key === pmoFramework.key)!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the seeded PMO framework with a published first version', async () => {
    const result = await employee.graphql<{
      currentOrganisation: { slug: string };
      frameworks: { name: string; currentVersion: { number: number; status: string } }[];
    }>('{ currentOrganisation { slug } frameworks { name currentVersion { number status } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.currentOrganisation.slug).toBe('demo');
    expect(result.data!.frameworks).toEqual([
      { name: pmoFramework.name, currentVersion: { number: 1, status: 'PUBLISHED' } },
    ]);
  });

  it('reads a whole framework down to every expectation, matching the built-in document', async () => {
    const result = await employee.graphql<WholeFramework>(WHOLE_FRAMEWORK, { id: pmoFrameworkId });
    expect(result.errors).toBeUndefined();
    const roles = result.data!.framework!.currentVersion.tracks.flatMap((track) => track.roles);
    expect(roles).toHaveLength(pmoFramework.roles.length);
    const expectationCount = roles.reduce((sum, role) => sum + role.expectations.length, 0);
    const documentExpectations = pmoFramework.roles.reduce((sum, role) => sum + Object.keys(role.expectations).length, 0);
    expect(expectationCount).toBe(documentExpectations);

    const analyst = roles.find((role) => role.title === 'PMO Analyst')!;
    const analystDocument = pmoFramework.roles.find((role) => role.title === 'PMO Analyst')!;
    for (const expectation of analyst.expectations) {
      expect(expectation.level).toBe(analystDocument.expectations[expectation.skill.key]);
      const skill = pmoFramework.skills.find((s) => s.key === expectation.skill.key)!;
      expect(expectation.descriptor).toBe(skill.levels[String(expectation.level)]?.summary);
    }
  });

  it('reads a whole framework in a bounded number of SQL statements, whatever its size', async () => {
    const service = t.app.get(FrameworksService);
    const organisationId = await demoOrganisationId();
    const { framework: small } = await service.createFromDocument(organisationId, smallFramework, { publish: true });
    const { framework: large } = await service.createFromDocument(organisationId, largeFramework(), { publish: true });

    const statementsToRead = async (id: string) => {
      t.sql.count = 0;
      const result = await employee.graphql<WholeFramework>(WHOLE_FRAMEWORK, { id });
      expect(result.errors).toBeUndefined();
      return { statements: t.sql.count, roles: result.data!.framework!.currentVersion.tracks.flatMap((tr) => tr.roles) };
    };
    const readSmall = await statementsToRead(small.id);
    const readPmo = await statementsToRead(pmoFrameworkId);
    const readLarge = await statementsToRead(large.id);

    expect(readSmall.roles).toHaveLength(2);
    expect(readLarge.roles).toHaveLength(120);
    expect(readLarge.roles.reduce((sum, role) => sum + role.expectations.length, 0)).toBe(120 * 40);
    // One statement per kind of row (a kind may be fetched in two batches when its loads arrive in
    // different ticks), never one per row: 2 roles or 120 roles, the bound is the same.
    for (const read of [readSmall, readPmo, readLarge]) {
      expect(read.statements).toBeLessThanOrEqual(MAX_STATEMENTS_FOR_A_WHOLE_FRAMEWORK);
    }
  });

  it('reads one role with its expectations, descriptors and level names', async () => {
    const list = await employee.graphql<WholeFramework>(WHOLE_FRAMEWORK, { id: pmoFrameworkId });
    const analystId = (list.data!.framework!.currentVersion.tracks.flatMap((track) => track.roles) as unknown as {
      id: string;
      title: string;
    }[]).find((role) => role.title === 'PMO Analyst')!.id;

    const result = await employee.graphql<{
      role: { title: string; track: { name: string }; expectations: { level: number; skill: { levels: { level: number; name: string }[] } }[] };
    }>('query($id: ID!) { role(id: $id) { title track { name } expectations { level skill { levels { level name } } } } }', {
      id: analystId,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.role.title).toBe('PMO Analyst');
    expect(result.data!.role.expectations.length).toBeGreaterThan(5);
    expect(result.data!.role.expectations[0]!.skill.levels.map((level) => level.name)).toEqual(
      pmoFramework.proficiencyScale.map((level) => level.name),
    );
  });

  it('answers null for an id that does not exist and a clear error for one that is not an id', async () => {
    const missing = await employee.graphql('query($id: ID!) { role(id: $id) { id } }', { id: randomUUID() });
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ role: null });

    const malformed = await employee.graphql('query($id: ID!) { framework(id: $id) { id } }', { id: 'pmo; drop table roles' });
    expect(malformed.data?.framework ?? null).toBeNull();
    expect(malformed.errors?.[0]?.extensions?.fields).toEqual({ id: 'Not a valid id.' });
  });

  it("never shows another organisation's framework, by listing or by id", async () => {
    const service = t.app.get(FrameworksService);
    const dataSource = service['dataSource'];
    const other = { id: randomUUID(), slug: `other-${randomUUID().slice(0, 8)}`, name: 'Other Ltd' };
    // Organisations are made in the system context only (row-level security), as sign-up does.
    await systemTransaction(dataSource, (manager) => manager.insert(OrganisationEntity, other));
    const { framework, version } = await service.createFromDocument(other.id, { ...smallFramework, key: 'other' }, { publish: true });
    const [{ id: otherRoleId }] = await asSuperuser(t.adminDatabaseUrl, (client) =>
      client.query('SELECT id FROM roles WHERE organisation_id = $1 LIMIT 1', [other.id]).then((r) => r.rows),
    );
    expect(version.organisationId).toBe(other.id);

    const listed = await employee.graphql<{ frameworks: { id: string }[] }>('{ frameworks { id } }');
    expect(listed.data!.frameworks.map((f) => f.id)).not.toContain(framework.id);
    const byId = await employee.graphql('query($id: ID!) { framework(id: $id) { id } }', { id: framework.id });
    expect(byId.data).toEqual({ framework: null });
    const roleById = await employee.graphql('query($id: ID!) { role(id: $id) { id } }', { id: otherRoleId });
    expect(roleById.data).toEqual({ role: null });
  });
});
