import { compareRoles, closestRoles, planRoute, pmoFramework, roleProfile, type FrameworkDocument } from '@trellis/domain';
import pg from 'pg';
import { FrameworksService } from '../src/frameworks/frameworks.service.js';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/** A version 2 descriptor that is only a summary. */
const summaryOnly = (summary: string) => ({ summary, criteria: [] as string[], examples: [] as string[] });

/**
 * Role comparison and career routes through GraphQL: the answers are the domain's rules applied to
 * the published version as stored, mapped back to ids, for any signed-in person of the organisation.
 */

interface VersionRoles {
  versionId: string;
  skills: { id: string; key: string }[];
  roles: { id: string; key: string; title: string }[];
}

const VERSION_ROLES = /* GraphQL */ `
  query VersionRoles {
    frameworks { key currentVersion { id skills { id key } roles { id key title } } }
  }
`;

const COMPARISON = /* GraphQL */ `
  query Comparison($from: ID!, $to: ID!) {
    roleComparison(fromRoleId: $from, toRoleId: $to) {
      from { id title }
      to { id title }
      changes { skill { id key name } fromLevel toLevel difference fromDescriptor toDescriptor }
    }
  }
`;

const ROUTE = /* GraphQL */ `
  query Route($from: ID!, $to: ID!, $profile: [SkillLevelInput!]) {
    careerRoute(fromRoleId: $from, toRoleId: $to, profile: $profile) {
      found reason message profileSource totalMonths totalShortfall
      from { id } to { id }
      steps {
        from { key } to { key } kind typicalMonths guidance shortfall
        gaps { skill { key } requiredLevel currentLevel shortfall }
        missingQualifications { key }
      }
    }
  }
`;

const CLOSEST = /* GraphQL */ `
  query Closest($versionId: ID, $roleId: ID, $profile: [SkillLevelInput!], $limit: Int, $currentRoleId: ID) {
    closestRoles(frameworkVersionId: $versionId, roleId: $roleId, profile: $profile, limit: $limit, currentRoleId: $currentRoleId) {
      profileSource
      assumedFrom { key }
      roles { role { key } shortfall expectedSkillCount metSkillCount gaps { skill { key } requiredLevel currentLevel shortfall } }
    }
  }
`;

interface RouteAnswer {
  careerRoute: {
    found: boolean;
    reason: string | null;
    message: string | null;
    profileSource: string;
    totalMonths: number;
    totalShortfall: number;
    from: { id: string };
    to: { id: string };
    steps: {
      from: { key: string };
      to: { key: string };
      kind: string;
      typicalMonths: number;
      guidance: string | null;
      shortfall: number;
      gaps: { skill: { key: string }; requiredLevel: number; currentLevel: number; shortfall: number }[];
      missingQualifications: { key: string }[];
    }[];
  };
}

/** A two-role framework with a different key, so it sits beside the PMO framework. */
function tinyFramework(key: string): FrameworkDocument {
  return {
    schemaVersion: '1',
    key,
    name: `Tiny ${key}`,
    proficiencyScale: [
      { level: 1, name: 'Aware', summary: 'Knows it.' },
      { level: 2, name: 'Practised', summary: 'Does it.' },
    ],
    skillCategories: [{ key: 'core', name: 'Core' }],
    skills: [{ key: 'planning', name: 'Planning', categoryKey: 'core', levels: { '1': summaryOnly('Plans a task.'), '2': summaryOnly('Plans a project.') } }],
    tracks: [{ key: 'main', name: 'Main', kind: 'core' }],
    roles: [
      { key: 'junior', title: 'Junior', trackKey: 'main', level: 1, summary: 'Starts.', responsibilities: [], expectations: { planning: 1 } },
      { key: 'senior', title: 'Senior', trackKey: 'main', level: 2, summary: 'Leads.', responsibilities: [], expectations: { planning: 2 } },
    ],
    transitions: [{ fromRoleKey: 'junior', toRoleKey: 'senior', kind: 'promotion', typicalMonths: 18 }],
    qualifications: [],
  };
}

const toRouteShape = (document: FrameworkDocument, from: string, to: string, profile: Record<string, number>) => {
  const result = planRoute(document, from, to, profile);
  if (!result.found) return { found: false, reason: result.reason };
  return {
    found: true,
    totalMonths: result.route.totalMonths,
    totalShortfall: result.route.totalShortfall,
    steps: result.route.steps.map((step) => ({
      from: step.fromRoleKey,
      to: step.toRoleKey,
      kind: step.kind.toUpperCase(),
      typicalMonths: step.typicalMonths,
      shortfall: step.shortfall,
      gaps: step.gaps.map((gap) => [gap.skillKey, gap.currentLevel, gap.requiredLevel, gap.shortfall]),
      missing: step.missingQualificationKeys,
    })),
  };
};

const answerShape = (route: RouteAnswer['careerRoute']) =>
  route.found
    ? {
        found: true,
        totalMonths: route.totalMonths,
        totalShortfall: route.totalShortfall,
        steps: route.steps.map((step) => ({
          from: step.from.key,
          to: step.to.key,
          kind: step.kind,
          typicalMonths: step.typicalMonths,
          shortfall: step.shortfall,
          gaps: step.gaps.map((gap) => [gap.skill.key, gap.currentLevel, gap.requiredLevel, gap.shortfall]),
          missing: step.missingQualifications.map((q) => q.key),
        })),
      }
    : { found: false, reason: route.reason?.toLowerCase().replace(/_/g, '-') };

describe('role comparison and career routes', () => {
  let t: TestApp;
  let employee: Client;
  let pmo: VersionRoles;
  const role = (key: string) => pmo.roles.find((r) => r.key === key)!;
  const skill = (key: string) => pmo.skills.find((s) => s.key === key)!;

  beforeAll(async () => {
    t = await startTestApp();
    employee = await t.signIn(DEMO.employee);
    const read = await employee.graphql<{ frameworks: { key: string; currentVersion: VersionRoles & { id: string } }[] }>(VERSION_ROLES);
    expectNoErrors(read);
    const version = read.data!.frameworks.find((f) => f.key === pmoFramework.key)!.currentVersion;
    pmo = { versionId: version.id, skills: version.skills, roles: version.roles };
  });
  afterAll(async () => {
    await t.close();
  });

  async function organisationId(): Promise<string> {
    const viewer = await employee.graphql<{ viewer: { organisation: { id: string } } }>('{ viewer { organisation { id } } }');
    expectNoErrors(viewer);
    return viewer.data!.viewer.organisation.id;
  }

  /** Writes a framework into the demo organisation and gives its roles' ids by key. */
  async function addFramework(document: FrameworkDocument, publish: boolean): Promise<Map<string, string>> {
    const { version } = await t.app.get(FrameworksService).createFromDocument(await organisationId(), document, { publish });
    const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await client.connect();
    try {
      const rows = await client.query<{ id: string; key: string }>('SELECT id, key FROM roles WHERE framework_version_id = $1', [version.id]);
      return new Map(rows.rows.map((row) => [row.key, row.id]));
    } finally {
      await client.end();
    }
  }

  describe('roleComparison', () => {
    it('answers "what changes from PMO Analyst to Senior PMO Analyst?" as the domain does, with both descriptors', async () => {
      const result = await employee.graphql<{
        roleComparison: {
          from: { id: string; title: string };
          to: { id: string; title: string };
          changes: { skill: { id: string; key: string; name: string }; fromLevel: number; toLevel: number; difference: number; fromDescriptor: string | null; toDescriptor: string | null }[];
        };
      }>(COMPARISON, { from: role('pmo-analyst').id, to: role('senior-pmo-analyst').id });
      expectNoErrors(result);
      const comparison = result.data!.roleComparison;
      expect([comparison.from.title, comparison.to.title]).toEqual(['PMO Analyst', 'Senior PMO Analyst']);
      const expected = compareRoles(pmoFramework, 'pmo-analyst', 'senior-pmo-analyst').changes;
      expect(expected.length).toBeGreaterThan(0);
      expect(comparison.changes).toEqual(
        expected.map((change) => ({
          skill: { id: skill(change.skillKey).id, key: change.skillKey, name: change.skillName },
          fromLevel: change.fromLevel,
          toLevel: change.toLevel,
          difference: change.delta,
          fromDescriptor: change.fromDescriptor,
          toDescriptor: change.toDescriptor,
        })),
      );
      expect(comparison.changes.some((change) => change.fromDescriptor && change.toDescriptor)).toBe(true);
    });

    it('gives no changes between a role and itself', async () => {
      const result = await employee.graphql<{ roleComparison: { changes: unknown[] } }>(COMPARISON, {
        from: role('pmo-manager').id,
        to: role('pmo-manager').id,
      });
      expectNoErrors(result);
      expect(result.data!.roleComparison.changes).toEqual([]);
    });

    it('refuses roles of different framework versions, naming both', async () => {
      const tiny = await addFramework(tinyFramework('tiny-compare'), true);
      const result = await employee.graphql(COMPARISON, { from: role('pmo-analyst').id, to: tiny.get('senior') });
      expect(fieldErrors(result).toRoleId).toMatch(/^PMO Analyst and Senior belong to different framework versions .*same version\.$/);
    });

    it('refuses roles of a draft version', async () => {
      const draft = await addFramework(tinyFramework('tiny-draft'), false);
      const result = await employee.graphql(COMPARISON, { from: draft.get('junior'), to: draft.get('senior') });
      expect(fieldErrors(result).fromRoleId).toMatch(/draft framework version/);
    });

    it('answers NOT_FOUND for a role of another organisation, or no role at all', async () => {
      const other = t.anonymous();
      const signedUp = await other.graphql('mutation($input: SignUpInput!) { signUp(input: $input) { viewer { accessRole } } }', {
        input: { organisationName: 'Paths Other', name: 'Pat Other', email: 'pat@paths-other.example', password: 'pat-secret-2026-paths' },
      });
      expectNoErrors(signedUp);
      const theirs = await other.graphql<{ frameworks: { currentVersion: { roles: { id: string; key: string }[] } }[] }>(
        '{ frameworks { currentVersion { roles { id key } } } }',
      );
      expectNoErrors(theirs);
      const theirAnalyst = theirs.data!.frameworks[0]!.currentVersion.roles.find((r) => r.key === 'pmo-analyst')!.id;
      expect(theirAnalyst).not.toBe(role('pmo-analyst').id);

      for (const [operation, variables] of [
        [COMPARISON, { from: role('pmo-analyst').id, to: theirAnalyst }],
        [COMPARISON, { from: theirAnalyst, to: role('pmo-analyst').id }],
        [ROUTE, { from: theirAnalyst, to: role('project-manager').id }],
        [CLOSEST, { roleId: theirAnalyst }],
        [COMPARISON, { from: '00000000-0000-4000-8000-000000000000', to: role('pmo-analyst').id }],
      ] as const) {
        const result = await employee.graphql(operation, variables);
        expect(theError(result)).toMatchObject({ code: 'NOT_FOUND' });
      }

      // And the other organisation's founder, who has no current role, is measured from level 0.
      const route = await other.graphql<RouteAnswer>(ROUTE, {
        from: theirAnalyst,
        to: theirs.data!.frameworks[0]!.currentVersion.roles.find((r) => r.key === 'senior-pmo-analyst')!.id,
      });
      expectNoErrors(route);
      expect(route.data!.careerRoute.profileSource).toBe('NONE');
      expect(answerShape(route.data!.careerRoute)).toEqual(toRouteShape(pmoFramework, 'pmo-analyst', 'senior-pmo-analyst', {}));
    });
  });

  describe('careerRoute', () => {
    it("measures from the viewer's current role when no profile is given, and says so", async () => {
      const result = await employee.graphql<RouteAnswer>(ROUTE, { from: role('pmo-analyst').id, to: role('project-manager').id });
      expectNoErrors(result);
      const route = result.data!.careerRoute;
      expect(route.profileSource).toBe('CURRENT_ROLE_EXPECTATIONS');
      expect([route.from.id, route.to.id]).toEqual([role('pmo-analyst').id, role('project-manager').id]);
      const analyst = pmoFramework.roles.find((r) => r.key === 'pmo-analyst')!; // Dan's seeded role
      const expected = toRouteShape(pmoFramework, 'pmo-analyst', 'project-manager', roleProfile(analyst));
      expect(expected.found).toBe(true);
      expect(answerShape(route)).toEqual(expected);
      expect(route.steps.at(-1)!.to.key).toBe('project-manager');
    });

    it('measures against a given profile', async () => {
      const profile = { 'planning-scheduling': 4, 'stakeholder-engagement': 3 };
      const known = Object.keys(profile).filter((key) => pmoFramework.skills.some((s) => s.key === key));
      expect(known).toHaveLength(2);
      const result = await employee.graphql<RouteAnswer>(ROUTE, {
        from: role('pmo-analyst').id,
        to: role('project-manager').id,
        profile: Object.entries(profile).map(([key, level]) => ({ skillId: skill(key).id, level })),
      });
      expectNoErrors(result);
      expect(result.data!.careerRoute.profileSource).toBe('GIVEN');
      expect(answerShape(result.data!.careerRoute)).toEqual(toRouteShape(pmoFramework, 'pmo-analyst', 'project-manager', profile));
    });

    it('answers a route of no steps from a role to itself', async () => {
      const result = await employee.graphql<RouteAnswer>(ROUTE, { from: role('pmo-manager').id, to: role('pmo-manager').id });
      expectNoErrors(result);
      expect(result.data!.careerRoute).toMatchObject({ found: true, steps: [], totalMonths: 0, totalShortfall: 0, reason: null });
    });

    it('says why there is no route', async () => {
      const expected = planRoute(pmoFramework, 'portfolio-manager', 'pmo-administrator', {});
      expect(expected.found).toBe(false);
      const result = await employee.graphql<RouteAnswer>(ROUTE, { from: role('portfolio-manager').id, to: role('pmo-administrator').id });
      expectNoErrors(result);
      const route = result.data!.careerRoute;
      expect(answerShape(route)).toEqual(toRouteShape(pmoFramework, 'portfolio-manager', 'pmo-administrator', {}));
      expect(route).toMatchObject({ found: false, steps: [], totalMonths: 0, totalShortfall: 0 });
      expect(route.message).toMatch(/Portfolio Manager|PMO Administrator/);
    });

    it('refuses a profile naming a skill outside the version, a skill twice, or a level off the scale', async () => {
      const tiny = await addFramework(tinyFramework('tiny-profile'), true);
      const from = role('pmo-analyst').id;
      const to = role('senior-pmo-analyst').id;
      const tinySkill = await t.signIn(DEMO.admin).then((admin) =>
        admin.graphql<{ role: { expectations: { skill: { id: string } }[] } }>('query($id: ID!) { role(id: $id) { expectations { skill { id } } } }', {
          id: tiny.get('junior'),
        }),
      );
      expectNoErrors(tinySkill);
      const outside = tinySkill.data!.role.expectations[0]!.skill.id;
      const top = Math.max(...pmoFramework.proficiencyScale.map((step) => step.level));
      const planning = skill('planning-scheduling').id;
      for (const [profile, message] of [
        [[{ skillId: outside, level: 1 }], /is not part of this framework version/],
        [[{ skillId: planning, level: 1 }, { skillId: planning, level: 2 }], /given twice/],
        [[{ skillId: planning, level: top + 1 }], new RegExp(`levels go from 0 \\(none\\) to ${top}`)],
        [[{ skillId: planning, level: -1 }], /levels go from 0/],
      ] as const) {
        const result = await employee.graphql(ROUTE, { from, to, profile });
        expect(fieldErrors(result).profile).toMatch(message);
      }
    });

    it('reads the version in a bounded number of statements, whatever its size', async () => {
      const tiny = await addFramework(tinyFramework('tiny-count'), true);
      const count = async (variables: Record<string, unknown>) => {
        t.sql.count = 0;
        const result = await employee.graphql<RouteAnswer>(ROUTE, variables);
        expectNoErrors(result);
        return t.sql.count;
      };
      // An explicit profile, so the viewer's current role (in the PMO version) is not read for one and not the other.
      const small = await count({ from: tiny.get('junior'), to: tiny.get('senior'), profile: [] });
      const large = await count({ from: role('pmo-administrator').id, to: role('head-of-pmo').id, profile: [] });
      // Session, the two roles, their version, then one statement per kind of row of the version: the
      // same for a two-role framework as for the PMO framework's many roles and steps.
      expect(large).toBeLessThanOrEqual(10);
      expect(large).toBe(small);
    });
  });

  describe('closestRoles', () => {
    it("ranks the roles of a version by fit to a given profile, unrated skills of the viewer's current role assumed, as the domain does", async () => {
      const profile = { 'planning-scheduling': 3, 'risk-management': 3 };
      const result = await employee.graphql<{ closestRoles: { profileSource: string; roles: { role: { key: string }; shortfall: number; metSkillCount: number; expectedSkillCount: number; gaps: unknown[] }[] } }>(
        CLOSEST,
        { versionId: pmo.versionId, limit: 4, profile: Object.entries(profile).map(([key, level]) => ({ skillId: skill(key).id, level })) },
      );
      expectNoErrors(result);
      expect(result.data!.closestRoles.profileSource).toBe('GIVEN');
      // The demo employee is a PMO Analyst: unknown is not zero, so their own role is not ranked below a step down.
      expect(result.data!.closestRoles).toMatchObject({ assumedFrom: { key: 'pmo-analyst' } });
      expect(result.data!.closestRoles.roles.map((fit) => [fit.role.key, fit.shortfall, fit.metSkillCount, fit.expectedSkillCount])).toEqual(
        closestRoles(pmoFramework, profile, 4, { currentRoleKey: 'pmo-analyst' }).map((fit) => [fit.role.key, fit.shortfall, fit.metSkillCount, fit.expectedSkillCount]),
      );
      expect(result.data!.closestRoles.roles.map((fit) => fit.role.key)).not.toContain('pmo-administrator');

      // Another current role given: assumed from that one instead.
      const asCoordinator = await employee.graphql<{ closestRoles: { assumedFrom: { key: string } | null; roles: { role: { key: string }; shortfall: number }[] } }>(CLOSEST, {
        versionId: pmo.versionId,
        limit: 4,
        profile: Object.entries(profile).map(([key, level]) => ({ skillId: skill(key).id, level })),
        currentRoleId: role('project-coordinator').id,
      });
      expectNoErrors(asCoordinator);
      expect(asCoordinator.data!.closestRoles.assumedFrom).toEqual({ key: 'project-coordinator' });
      expect(asCoordinator.data!.closestRoles.roles.map((fit) => [fit.role.key, fit.shortfall])).toEqual(
        closestRoles(pmoFramework, profile, 4, { currentRoleKey: 'project-coordinator' }).map((fit) => [fit.role.key, fit.shortfall]),
      );
    });

    it("by role: that role's version, leaving the role out, measured from the viewer's current role", async () => {
      const result = await employee.graphql<{ closestRoles: { profileSource: string; roles: { role: { key: string }; shortfall: number }[] } }>(CLOSEST, {
        roleId: role('pmo-analyst').id,
      });
      expectNoErrors(result);
      const analyst = pmoFramework.roles.find((r) => r.key === 'pmo-analyst')!;
      expect(result.data!.closestRoles.profileSource).toBe('CURRENT_ROLE_EXPECTATIONS');
      expect(result.data!.closestRoles.roles.map((fit) => [fit.role.key, fit.shortfall])).toEqual(
        closestRoles(pmoFramework, roleProfile(analyst), 5, { excludeRoleKeys: ['pmo-analyst'], currentRoleKey: 'pmo-analyst' }).map((fit) => [fit.role.key, fit.shortfall]),
      );
    });

    it('refuses neither or both of version and role, and a limit out of range', async () => {
      expect(fieldErrors(await employee.graphql(CLOSEST, {})).frameworkVersionId).toMatch(/either a framework version or a role/);
      expect(fieldErrors(await employee.graphql(CLOSEST, { versionId: pmo.versionId, roleId: role('pmo-analyst').id })).frameworkVersionId).toBeDefined();
      expect(fieldErrors(await employee.graphql(CLOSEST, { versionId: pmo.versionId, limit: 0 })).limit).toMatch(/between 1 and 50/);
      expect(fieldErrors(await employee.graphql(CLOSEST, { versionId: pmo.versionId, limit: 51 })).limit).toMatch(/between 1 and 50/);
    });
  });
});
