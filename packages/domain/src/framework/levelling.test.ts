import { frameworkDocumentSchema, type FrameworkDocument } from './document.js';
import { levelFromProfile } from './levelling.js';
import { validateFramework } from './validate.js';

/**
 * Medium's Snowflake (github.com/Medium/snowflake, src/constants.js), its published points rule:
 * 16 tracks with milestones 1-5 worth 1, 3, 6, 12 and 20 points (cumulative: milestone 3 earns 6, not
 * 1 + 3 + 6), totals mapped to levels 1.1 … 5.3 (`pointsToLevels`) and titles by point range
 * (`titles`, ranges overlapping for the individual contributor and the manager).
 */
const TRACKS = [
  'mobile', 'web-client', 'foundations', 'servers', 'project-management', 'communication', 'craft', 'initiative',
  'career-development', 'org-design', 'wellbeing', 'accomplishment', 'mentorship', 'evangelism', 'recruiting', 'community',
];

function snowflake(): FrameworkDocument {
  return frameworkDocumentSchema.parse({
    schemaVersion: '2',
    key: 'snowflake',
    name: 'Snowflake',
    proficiencyScale: [1, 2, 3, 4, 5].map((level) => ({ level, name: `Milestone ${level}`, summary: `Milestone ${level}.` })),
    skillCategories: [{ key: 'engineering', name: 'Engineering' }],
    skills: TRACKS.map((key) => ({ key, name: key, categoryKey: 'engineering', levels: {} })),
    tracks: [{ key: 'engineering', name: 'Engineering', kind: 'core' }],
    roles: [],
    transitions: [],
    qualifications: [],
    levelling: {
      kind: 'points',
      pointsByLevel: { '1': 1, '2': 3, '3': 6, '4': 12, '5': 20 },
      levels: [
        [0, '1.1'], [5, '1.2'], [11, '1.3'], [17, '2.1'], [23, '2.2'], [29, '2.3'], [36, '3.1'], [43, '3.2'],
        [50, '3.3'], [58, '4.1'], [66, '4.2'], [74, '4.3'], [90, '5.1'], [110, '5.2'], [135, '5.3'],
      ].map(([minPoints, name]) => ({ minPoints, name })),
      titles: [
        { title: 'Engineer I', minPoints: 0, maxPoints: 16 },
        { title: 'Engineer II', minPoints: 17, maxPoints: 35 },
        { title: 'Senior Engineer', minPoints: 36, maxPoints: 57 },
        { title: 'Group Lead', minPoints: 36, maxPoints: 57 },
        { title: 'Staff Engineer', minPoints: 58, maxPoints: 89 },
        { title: 'Senior Group Lead', minPoints: 58, maxPoints: 89 },
        { title: 'Principal Engineer', minPoints: 90 },
        { title: 'Director of Engineering', minPoints: 90 },
      ],
    },
  });
}

const every = (level: number) => Object.fromEntries(TRACKS.map((key) => [key, level]));
const some = (levels: number[], rest: number) => Object.fromEntries(TRACKS.map((key, i) => [key, levels[i] ?? rest]));

describe('points levelling (Snowflake)', () => {
  it('is a valid framework document', () => {
    expect(validateFramework(snowflake()).ok).toBe(true);
  });

  // Worked by hand from the rule above: points = Σ milestone points; the level is the last threshold
  // reached; titles are every range holding the total.
  it.each([
    ['nothing rated', {}, 0, '1.1', ['Engineer I'], { level: '1.2', pointsNeeded: 5 }],
    ['every track at 1', every(1), 16, '1.3', ['Engineer I'], { level: '2.1', pointsNeeded: 1 }],
    ['one track at 5, the rest at 0', some([5], 0), 20, '2.1', ['Engineer II'], { level: '2.2', pointsNeeded: 3 }],
    ['four tracks at 3, the rest at 1', some([3, 3, 3, 3], 1), 36, '3.1', ['Senior Engineer', 'Group Lead'], { level: '3.2', pointsNeeded: 7 }],
    ['every track at 2', every(2), 48, '3.2', ['Senior Engineer', 'Group Lead'], { level: '3.3', pointsNeeded: 2 }],
    ['four at 4, the rest at 2', some([4, 4, 4, 4], 2), 84, '4.3', ['Staff Engineer', 'Senior Group Lead'], { level: '5.1', pointsNeeded: 6 }],
    ['two at 5, two at 4, the rest at 2', some([5, 5, 4, 4], 2), 100, '5.1', ['Principal Engineer', 'Director of Engineering'], { level: '5.2', pointsNeeded: 10 }],
    ['every track at 5', every(5), 320, '5.3', ['Principal Engineer', 'Director of Engineering'], null],
  ])('%s: %i points, level %s', (_label, profile, points, level, titles, next) => {
    const result = levelFromProfile(snowflake(), profile as Record<string, number>);
    expect(result).toMatchObject({ points, level, titles, next });
  });

  it('counts an unrated track as 0 and says so, and a level above the scale as its top', () => {
    const result = levelFromProfile(snowflake(), { mobile: 7, servers: 2 })!;
    expect(result.points).toBe(23);
    expect(result.level).toBe('2.2');
    expect(result.unratedSkillKeys).toHaveLength(14);
    expect(result.skills).toEqual([
      { skillKey: 'mobile', level: 5, points: 20 },
      { skillKey: 'servers', level: 2, points: 3 },
    ]);
  });

  it('uses a skill’s own points table, and answers null for a framework without a rule', () => {
    const doc = snowflake();
    doc.levelling!.skillPoints = { mobile: { '1': 10 } };
    expect(levelFromProfile(doc, { mobile: 3 })!.points).toBe(10);
    const { levelling: _rule, ...without } = doc;
    expect(levelFromProfile(without, { mobile: 3 })).toBeNull();
  });

  it('refuses levels that do not start at 0 or do not rise, and skill tables for unknown skills', () => {
    const doc = snowflake();
    doc.levelling!.levels = [{ minPoints: 5, name: 'a' }, { minPoints: 5, name: 'b' }];
    doc.levelling!.skillPoints = { nope: { '1': 1 } };
    const result = validateFramework(doc);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'levelling.skillPoints.nope', message: 'unknown skill "nope"' },
      { path: 'levelling.levels[0].minPoints', message: 'the first level must start at 0 points, so every profile has a level' },
      { path: 'levelling.levels[1].minPoints', message: "must be more than the previous level's 5" },
    ]);
  });
});
