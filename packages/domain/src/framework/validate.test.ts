import { z } from 'zod';
import { describeIssue, formatProblemPath, validateFramework, type FrameworkProblem } from './validate.js';
import { smallFramework } from './test-fixtures.js';

/** The fixture as loose JSON, as an import would arrive. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function doc(): Json {
  return smallFramework() as Json;
}

function problemsOf(input: unknown): FrameworkProblem[] {
  const result = validateFramework(input);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.problems;
}

describe('validateFramework', () => {
  describe('a valid document', () => {
    it('is accepted and returned with defaults applied', () => {
      const input = doc();
      delete input.qualifications[0].requiredForRoleKeys;
      const result = validateFramework(input);
      expect(result).toEqual({ ok: true, document: expect.objectContaining({ key: 'test-framework' }) });
      if (result.ok) expect(result.document.qualifications[0]?.requiredForRoleKeys).toEqual([]);
    });

    it('allows lateral moves that form a cycle', () => {
      const input = doc();
      // The fixture already has senior-pmo-analyst ⇄ project-manager; make it a three-role loop.
      input.transitions.push({ fromRoleKey: 'project-manager', toRoleKey: 'pmo-analyst', kind: 'lateral' });
      input.transitions.push({ fromRoleKey: 'pmo-manager', toRoleKey: 'project-manager', kind: 'lateral' });
      expect(validateFramework(input).ok).toBe(true);
    });
  });

  describe('structural problems (schema)', () => {
    it('reports a missing field as required', () => {
      const input = doc();
      delete input.name;
      expect(problemsOf(input)).toEqual([{ path: 'name', message: 'is required' }]);
    });

    it('reports a key that is not a slug', () => {
      const input = doc();
      input.tracks[1].key = 'Project Delivery';
      input.roles[3].trackKey = 'Project Delivery';
      expect(problemsOf(input)).toEqual([
        { path: 'tracks[1].key', message: 'must be a lowercase slug such as "risk-management"' },
        { path: 'roles[3].trackKey', message: 'must be a lowercase slug such as "risk-management"' },
      ]);
    });

    it('reports a value of the wrong type', () => {
      const input = doc();
      input.roles[2].level = '3';
      expect(problemsOf(input)).toEqual([{ path: 'roles[2].level', message: 'expected a number, received "3"' }]);
    });

    it('reports a fractional number where a whole number is needed', () => {
      const input = doc();
      input.roles[1].expectations.planning = 2.5;
      expect(problemsOf(input)).toEqual([
        { path: 'roles[1].expectations.planning', message: 'must be a whole number, received 2.5' },
      ]);
    });

    it('reports a value outside an enumeration', () => {
      const input = doc();
      input.tracks[0].kind = 'sideways';
      input.transitions[0].kind = 'jump';
      expect(problemsOf(input)).toEqual([
        { path: 'tracks[0].kind', message: 'must be one of "core", "specialist", "lateral", received "sideways"' },
        { path: 'transitions[0].kind', message: 'must be one of "promotion", "lateral", received "jump"' },
      ]);
    });

    it('reports a missing enumeration value as required', () => {
      const input = doc();
      delete input.transitions[2].kind;
      expect(problemsOf(input)).toEqual([{ path: 'transitions[2].kind', message: 'is required' }]);
    });

    it('reports a record that is not an object', () => {
      const input = doc();
      input.roles[0].expectations = ['planning'];
      expect(problemsOf(input)).toEqual([{ path: 'roles[0].expectations', message: 'expected an object, received a list' }]);
    });

    it('reports an unsupported schema version', () => {
      const input = doc();
      input.schemaVersion = '3';
      expect(problemsOf(input)).toEqual([{ path: 'schemaVersion', message: 'must be one of "1", "2", received "3"' }]);
    });

    it('reports empty text, once', () => {
      const input = doc();
      input.skills[0].levels['2'] = '   ';
      expect(problemsOf(input)).toEqual([{ path: 'skills[0].levels.2', message: 'must not be empty' }]);
    });

    it('reports an invalid URL', () => {
      const input = doc();
      input.qualifications[0].url = 'pmi dot org';
      expect(problemsOf(input)).toEqual([
        { path: 'qualifications[0].url', message: 'must be a valid URL such as "https://example.org"' },
      ]);
    });

    it('reports numbers below a minimum', () => {
      const input = doc();
      input.transitions[1].typicalMonths = -6;
      expect(problemsOf(input)).toEqual([{ path: 'transitions[1].typicalMonths', message: 'must be at least 0' }]);
    });

    it('reports an empty proficiency scale', () => {
      const input = doc();
      input.proficiencyScale = [];
      const problems = problemsOf(input);
      expect(problems[0]).toEqual({ path: 'proficiencyScale', message: 'needs at least one level' });
      // With no scale, descriptors and expectation levels cannot be checked against it.
      expect(problems).toHaveLength(1);
    });

    it('words every kind of issue the schemas can raise, or leaves zod its own words', () => {
      const step = z.number().multipleOf(5);
      expect(step.safeParse(7, { error: describeIssue }).error?.issues[0]?.message).toBe('must be a multiple of 5, received 7');
      const refined = z.string().refine((value) => value.startsWith('x'), 'must start with x');
      expect(refined.safeParse('y', { error: describeIssue }).error?.issues[0]?.message).toBe('must start with x');
    });

    it('reports input that is not an object at the root', () => {
      expect(problemsOf([1, 2])).toEqual([{ path: '', message: 'expected an object, received a list' }]);
      expect(problemsOf(null)).toEqual([{ path: '', message: 'expected an object, received null' }]);
    });
  });

  describe('proficiency scale', () => {
    it('reports a duplicate level', () => {
      const input = doc();
      input.proficiencyScale.push({ level: 3, name: 'Expert', summary: 'Leads the practice.' });
      expect(problemsOf(input)).toEqual([
        { path: 'proficiencyScale[3].level', message: 'duplicate level 3 (also proficiencyScale[2])' },
      ]);
    });

    it('reports a gap in the levels', () => {
      const input = doc();
      input.proficiencyScale[2].level = 4;
      for (const skill of input.skills) {
        skill.levels['4'] = skill.levels['3'];
        delete skill.levels['3'];
      }
      for (const role of input.roles) {
        for (const [skill, level] of Object.entries(role.expectations)) if (level === 3) role.expectations[skill] = 4;
      }
      expect(problemsOf(input)).toEqual([
        { path: 'proficiencyScale', message: 'level 3 is missing: levels must run from 1 to 4 without gaps' },
      ]);
    });
  });

  describe('duplicate keys', () => {
    it.each([
      ['skillCategories', 1, 'skill category', 'delivery', 0],
      ['skills', 2, 'skill', 'planning', 0],
      ['tracks', 1, 'track', 'pmo', 0],
      ['roles', 3, 'role', 'pmo-analyst', 0],
    ])('reports a duplicate key in %s', (section, index, label, key, first) => {
      const input = doc();
      input[section][index].key = key;
      const problems = problemsOf(input);
      expect(problems.filter((p) => p.message.startsWith('duplicate'))).toEqual([
        { path: `${section}[${index}].key`, message: `duplicate ${label} key "${key}" (also ${section}[${first}])` },
      ]);
    });

    it('reports a duplicate qualification key', () => {
      const input = doc();
      input.qualifications.push({ ...input.qualifications[0], name: 'PMP again' });
      expect(problemsOf(input)).toEqual([
        { path: 'qualifications[1].key', message: 'duplicate qualification key "pmp" (also qualifications[0])' },
      ]);
    });

    it('reports a duplicate transition (same from and to), whatever its kind', () => {
      const input = doc();
      input.transitions.push({ fromRoleKey: 'pmo-analyst', toRoleKey: 'senior-pmo-analyst', kind: 'lateral' });
      expect(problemsOf(input)).toEqual([
        {
          path: 'transitions[4]',
          message: 'duplicate transition from "pmo-analyst" to "senior-pmo-analyst" (also transitions[0])',
        },
      ]);
    });
  });

  describe('skills', () => {
    it('reports an unknown skill category', () => {
      const input = doc();
      input.skills[2].categoryKey = 'leadership';
      expect(problemsOf(input)).toEqual([{ path: 'skills[2].categoryKey', message: 'unknown skill category "leadership"' }]);
    });

    it('allows a level without a descriptor (shown as "No descriptor", never invented)', () => {
      const input = doc();
      delete input.skills[1].levels['2'];
      expect(validateFramework(input).ok).toBe(true);
    });

    it('reports a descriptor for a level that is not on the scale', () => {
      const input = doc();
      input.skills[2].levels['6'] = 'Writes the book on mentoring.';
      expect(problemsOf(input)).toEqual([
        { path: 'skills[2].levels.6', message: 'level 6 is not on the proficiency scale (1 to 3)' },
      ]);
    });

    it('reports a descriptor keyed by something that is not a level', () => {
      const input = doc();
      input.skills[0].levels.expert = 'Plans anything.';
      input.skills[0].levels['02'] = 'Plans with support.';
      expect(problemsOf(input)).toEqual([
        { path: 'skills[0].levels.expert', message: '"expert" is not on the proficiency scale (1 to 3)' },
        { path: 'skills[0].levels.02', message: 'level 02 is not on the proficiency scale (1 to 3)' },
      ]);
    });
  });

  describe('roles', () => {
    it('reports an unknown track', () => {
      const input = doc();
      input.roles[3].trackKey = 'delivery-track';
      expect(problemsOf(input)).toEqual([{ path: 'roles[3].trackKey', message: 'unknown track "delivery-track"' }]);
    });

    it('reports an expectation naming an unknown skill', () => {
      const input = doc();
      input.roles[1].expectations['risk-mgmt'] = 2;
      expect(problemsOf(input)).toEqual([{ path: 'roles[1].expectations.risk-mgmt', message: 'unknown skill "risk-mgmt"' }]);
    });

    it('reports an expectation above the scale', () => {
      const input = doc();
      input.roles[2].expectations['risk-management'] = 7;
      expect(problemsOf(input)).toEqual([
        { path: 'roles[2].expectations.risk-management', message: "level 7 is above the scale's maximum 3" },
      ]);
    });

    it('reports an expectation below 1', () => {
      const input = doc();
      input.roles[0].expectations.mentoring = 0;
      input.roles[1].expectations.mentoring = -1;
      expect(problemsOf(input)).toEqual([
        { path: 'roles[0].expectations.mentoring', message: "level 0 is below the scale's minimum 1" },
        { path: 'roles[1].expectations.mentoring', message: "level -1 is below the scale's minimum 1" },
      ]);
    });
  });

  describe('transitions', () => {
    it('reports unknown roles at either end', () => {
      const input = doc();
      input.transitions[0].fromRoleKey = 'pmo-intern';
      input.transitions[2].toRoleKey = 'scrum-master';
      expect(problemsOf(input)).toEqual([
        { path: 'transitions[0].fromRoleKey', message: 'unknown role "pmo-intern"' },
        { path: 'transitions[2].toRoleKey', message: 'unknown role "scrum-master"' },
      ]);
    });

    it('reports a transition from a role to itself', () => {
      const input = doc();
      input.transitions.push({ fromRoleKey: 'pmo-manager', toRoleKey: 'pmo-manager', kind: 'lateral' });
      expect(problemsOf(input)).toEqual([
        { path: 'transitions[4].toRoleKey', message: 'role "pmo-manager" cannot transition to itself' },
      ]);
    });

    it('reports a cycle of promotions with its roles in order', () => {
      const input = doc();
      input.transitions.push({ fromRoleKey: 'pmo-manager', toRoleKey: 'pmo-analyst', kind: 'promotion' });
      expect(problemsOf(input)).toEqual([
        {
          path: 'transitions[4]',
          message: 'promotions form a cycle: pmo-analyst → senior-pmo-analyst → pmo-manager → pmo-analyst',
        },
      ]);
    });

    it('reports each separate promotion cycle', () => {
      const input = doc();
      input.transitions[2].kind = 'promotion'; // senior-pmo-analyst → project-manager
      input.transitions[3].kind = 'promotion'; // project-manager → senior-pmo-analyst
      input.transitions.push({ fromRoleKey: 'pmo-manager', toRoleKey: 'pmo-analyst', kind: 'promotion' });
      expect(problemsOf(input)).toEqual([
        {
          path: 'transitions[4]',
          message: 'promotions form a cycle: pmo-analyst → senior-pmo-analyst → pmo-manager → pmo-analyst',
        },
        { path: 'transitions[3]', message: 'promotions form a cycle: senior-pmo-analyst → project-manager → senior-pmo-analyst' },
      ]);
    });

    it('does not count a cycle that mixes promotions and lateral moves', () => {
      const input = doc();
      input.transitions.push({ fromRoleKey: 'pmo-manager', toRoleKey: 'pmo-analyst', kind: 'lateral' });
      expect(validateFramework(input).ok).toBe(true);
    });
  });

  describe('qualifications', () => {
    it('reports unknown skills and roles', () => {
      const input = doc();
      input.qualifications[0].skillKeys = ['planning', 'scheduling'];
      input.qualifications[0].requiredForRoleKeys = ['programme-manager'];
      input.qualifications[0].recommendedForRoleKeys = ['project-manager', 'project-lead'];
      expect(problemsOf(input)).toEqual([
        { path: 'qualifications[0].skillKeys[1]', message: 'unknown skill "scheduling"' },
        { path: 'qualifications[0].requiredForRoleKeys[0]', message: 'unknown role "programme-manager"' },
        { path: 'qualifications[0].recommendedForRoleKeys[1]', message: 'unknown role "project-lead"' },
      ]);
    });
  });

  describe('several problems', () => {
    it('reports every problem together: structural first, then semantic', () => {
      const input = doc();
      delete input.roles[0].title;
      input.roles[1].trackKey = 'consulting';
      input.roles[2].expectations.planning = 7;
      input.skills[1].levels['9'] = 'Beyond expert.';
      input.transitions[1].toRoleKey = 'head-of-pmo';
      input.qualifications[0].skillKeys.push('budgeting');
      input.tracks[0].kind = 'ladder';
      expect(problemsOf(input)).toEqual([
        { path: 'tracks[0].kind', message: 'must be one of "core", "specialist", "lateral", received "ladder"' },
        { path: 'roles[0].title', message: 'is required' },
        { path: 'skills[1].levels.9', message: 'level 9 is not on the proficiency scale (1 to 3)' },
        { path: 'roles[1].trackKey', message: 'unknown track "consulting"' },
        { path: 'roles[2].expectations.planning', message: "level 7 is above the scale's maximum 3" },
        { path: 'transitions[1].toRoleKey', message: 'unknown role "head-of-pmo"' },
        { path: 'qualifications[0].skillKeys[2]', message: 'unknown skill "budgeting"' },
      ]);
    });

    it('runs what it can on structurally broken input without crashing', () => {
      const input = {
        schemaVersion: '1',
        key: 'broken',
        name: 'Broken',
        proficiencyScale: [{ level: 1, name: 'Aware', summary: 'Knows.' }, 'oops', { level: 'two' }],
        skillCategories: 'none',
        skills: [null, 5, { key: 'planning', name: 'Planning', categoryKey: 'delivery', levels: 'many' }],
        tracks: [{ key: 'pmo' }],
        roles: [
          { key: 'a', trackKey: 'pmo', expectations: 'lots' },
          { key: 'b', trackKey: 'nowhere', expectations: { planning: 4, typing: 1 } },
          7,
        ],
        transitions: [{}, { fromRoleKey: 'a', toRoleKey: 'b', kind: 'promotion' }, { fromRoleKey: 'b', toRoleKey: 'a', kind: 'promotion' }],
        qualifications: { pmp: true },
      };
      const problems = problemsOf(input);
      // Semantic checks still ran on what could be read ...
      expect(problems).toEqual(
        expect.arrayContaining([
          { path: 'roles[1].trackKey', message: 'unknown track "nowhere"' },
          { path: 'roles[1].expectations.planning', message: "level 4 is above the scale's maximum 1" },
          { path: 'roles[1].expectations.typing', message: 'unknown skill "typing"' },
          { path: 'transitions[2]', message: 'promotions form a cycle: a → b → a' },
          { path: 'skillCategories', message: 'expected an array, received "none"' },
          { path: 'qualifications', message: 'expected an array, received an object' },
        ]),
      );
      // ... but an unreadable section (skillCategories) does not make every reference to it "unknown".
      expect(problems.filter((p) => p.message.startsWith('unknown skill category'))).toEqual([]);
    });
  });
});

describe('formatProblemPath', () => {
  it('uses dots for names, brackets for indexes and quotes odd names', () => {
    expect(formatProblemPath(['roles', 3, 'expectations', 'risk-management'])).toBe('roles[3].expectations.risk-management');
    expect(formatProblemPath(['roles', 0, 'expectations', 'risk management'])).toBe('roles[0].expectations["risk management"]');
    expect(formatProblemPath([])).toBe('');
  });
});

