import type { FrameworkDocument } from './document.js';
import { migrationQuestions, planVersionMigration } from './migration.js';
import { smallFramework } from './test-fixtures.js';

type Role = FrameworkDocument['roles'][number];
type Skill = FrameworkDocument['skills'][number];

/** The fixture with `risk-management` re-keyed to `risk` (same name and descriptors) and the PMO Manager re-keyed. */
function rekeyed(): FrameworkDocument {
  const doc = smallFramework();
  (doc.skills[1] as Skill).key = 'risk';
  (doc.roles[2] as Role).key = 'head-of-pmo';
  for (const role of doc.roles) {
    if (role.expectations['risk-management'] !== undefined) {
      role.expectations.risk = role.expectations['risk-management'];
      delete role.expectations['risk-management'];
    }
  }
  for (const transition of doc.transitions) if (transition.toRoleKey === 'pmo-manager') transition.toRoleKey = 'head-of-pmo';
  (doc.qualifications[0] as FrameworkDocument['qualifications'][number]).skillKeys = ['planning', 'risk'];
  return doc;
}

describe('migrationQuestions', () => {
  it('asks nothing when every key is kept, even when everything is renamed', () => {
    const after = smallFramework();
    after.roles.forEach((role) => (role.title = `${role.title} (new)`));
    after.skills.forEach((skill) => (skill.name = `${skill.name} (new)`));
    expect(migrationQuestions(smallFramework(), after)).toEqual([]);
  });

  it('asks nothing between empty frameworks, and nothing when the published version was empty', () => {
    const empty = { ...smallFramework(), skillCategories: [], skills: [], tracks: [], roles: [], transitions: [], qualifications: [] };
    expect(migrationQuestions(empty, empty)).toEqual([]);
    expect(migrationQuestions(empty, smallFramework())).toEqual([]);
  });

  it('asks about each gone role and skill, suggesting a new part with the same name', () => {
    expect(migrationQuestions(smallFramework(), rekeyed())).toEqual([
      { kind: 'role', fromKey: 'pmo-manager', fromLabel: 'PMO Manager', suggestedToKey: 'head-of-pmo', reason: '"PMO Manager" has the same title' },
      { kind: 'skill', fromKey: 'risk-management', fromLabel: 'Risk management', suggestedToKey: 'risk', reason: '"Risk management" has the same name' },
    ]);
  });

  it('suggests a skill with the same descriptors, and a role on the same rung, when the names differ', () => {
    const after = rekeyed();
    (after.skills[1] as Skill).name = 'Risk';
    (after.roles[2] as Role).title = 'Head of PMO';
    const questions = migrationQuestions(smallFramework(), after);
    expect(questions.map((q) => [q.fromKey, q.suggestedToKey, q.reason])).toEqual([
      ['pmo-manager', 'head-of-pmo', '"Head of PMO" is on the same rung of the same track'],
      ['risk-management', 'risk', '"Risk" has the same level descriptors'],
    ]);
  });

  it('suggests removing when nothing looks alike', () => {
    const after = smallFramework();
    after.skills = after.skills.filter((s) => s.key !== 'mentoring');
    after.roles.forEach((role) => delete role.expectations.mentoring);
    expect(migrationQuestions(smallFramework(), after)).toEqual([
      { kind: 'skill', fromKey: 'mentoring', fromLabel: 'Mentoring', suggestedToKey: null, reason: 'no skill of the new version looks like it' },
    ]);
  });

  it('asks about every part when everything is re-keyed', () => {
    const after = smallFramework();
    after.roles.forEach((role) => (role.key = `${role.key}-v2`));
    after.skills.forEach((skill) => (skill.key = `${skill.key}-v2`));
    const questions = migrationQuestions(smallFramework(), after);
    expect(questions).toHaveLength(7);
    expect(questions.every((q) => q.suggestedToKey === `${q.fromKey}-v2`)).toBe(true);
  });
});

describe('planVersionMigration', () => {
  it('maps kept keys to themselves and needs no choices', () => {
    const plan = planVersionMigration(smallFramework(), smallFramework(), []);
    expect(plan.problems).toEqual([]);
    expect([...plan.roles]).toEqual([
      ['pmo-analyst', 'pmo-analyst'],
      ['senior-pmo-analyst', 'senior-pmo-analyst'],
      ['pmo-manager', 'pmo-manager'],
      ['project-manager', 'project-manager'],
    ]);
    expect(plan.skills.get('mentoring')).toBe('mentoring');
  });

  it('is empty for an empty published version', () => {
    const empty = { ...smallFramework(), skills: [], roles: [] };
    expect(planVersionMigration(empty, smallFramework(), [])).toEqual({ roles: new Map(), skills: new Map(), problems: [] });
  });

  it('follows renames, merges and removals', () => {
    const after = rekeyed();
    after.skills = after.skills.filter((s) => s.key !== 'mentoring');
    after.roles.forEach((role) => delete role.expectations.mentoring);
    const plan = planVersionMigration(smallFramework(), after, [
      { kind: 'role', fromKey: 'pmo-manager', toKey: 'head-of-pmo' },
      { kind: 'skill', fromKey: 'risk-management', toKey: 'planning' },
      { kind: 'skill', fromKey: 'mentoring', toKey: null },
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.roles.get('pmo-manager')).toBe('head-of-pmo');
    expect([...plan.skills]).toEqual([
      ['planning', 'planning'],
      ['risk-management', 'planning'],
      ['mentoring', null],
    ]);
  });

  it('reports a gone part without a choice, and maps it to nothing', () => {
    const plan = planVersionMigration(smallFramework(), rekeyed(), [{ kind: 'role', fromKey: 'pmo-manager', toKey: null }]);
    expect(plan.roles.get('pmo-manager')).toBeNull();
    expect(plan.problems).toEqual([
      { kind: 'skill', fromKey: 'risk-management', message: 'skill "risk-management" is not in the new version: choose what it becomes, or remove it' },
    ]);
  });

  it('reports choices naming unknown or kept parts, duplicates, and targets outside the new version, once each', () => {
    const plan = planVersionMigration(smallFramework(), rekeyed(), [
      { kind: 'role', fromKey: 'chief-of-staff', toKey: null },
      { kind: 'role', fromKey: 'pmo-analyst', toKey: 'senior-pmo-analyst' },
      { kind: 'role', fromKey: 'pmo-manager', toKey: 'pmo-director' },
      { kind: 'skill', fromKey: 'risk-management', toKey: 'risk' },
      { kind: 'skill', fromKey: 'risk-management', toKey: null },
    ]);
    expect(plan.problems.map((p) => p.message)).toEqual([
      'role "chief-of-staff" is not in the published version',
      'role "pmo-analyst" is still in the new version, so it keeps its data',
      'role "pmo-manager" is mapped to "pmo-director", which is not a role of the new version',
      'skill "risk-management" has more than one choice',
    ]);
    // The kept role is not remapped by a wrong choice; the first valid answer stands.
    expect(plan.roles.get('pmo-analyst')).toBe('pmo-analyst');
    expect(plan.skills.get('risk-management')).toBe('risk');
  });

  it('maps a skill to a skill and a role to a role only', () => {
    const plan = planVersionMigration(smallFramework(), rekeyed(), [
      { kind: 'role', fromKey: 'pmo-manager', toKey: 'risk' },
      { kind: 'skill', fromKey: 'risk-management', toKey: 'head-of-pmo' },
    ]);
    expect(plan.problems.map((p) => p.message)).toEqual([
      'role "pmo-manager" is mapped to "risk", which is not a role of the new version',
      'skill "risk-management" is mapped to "head-of-pmo", which is not a skill of the new version',
    ]);
  });
});
