import { canonicalFrameworkDocument } from './canonical.js';
import type { FrameworkDocument, PointsLevelling } from './document.js';
import { diffFrameworks } from './diff.js';
import { applyDraftOperation, parseDraftOperation, type DraftOperationInput } from './draft-operations.js';
import { levelFromProfile } from './levelling.js';
import { nameFrameworkProblems } from './problem-labels.js';
import { everyPartFramework, smallFramework } from './test-fixtures.js';
import { validateFramework } from './validate.js';

/**
 * Monzo-style sub-levels A–E within a level, on a points rule over the small framework's three skills
 * (scale 1–3): a skill at 1, 2, 3 earns 2, 5, 10 points.
 */
const rule = (): PointsLevelling => ({
  kind: 'points',
  pointsByLevel: { '1': 2, '2': 5, '3': 10 },
  levels: [
    { minPoints: 0, name: 'Level 1', subLevels: [{ name: 'A', minPoints: 0 }, { name: 'B', minPoints: 3 }] },
    {
      minPoints: 8,
      name: 'Level 2',
      subLevels: ['A', 'B', 'C', 'D', 'E'].map((name, i) => ({ name, minPoints: 8 + 2 * i })),
    },
    { minPoints: 18, name: 'Level 3', subLevels: [{ name: 'A', minPoints: 18 }, { name: 'B', minPoints: 22 }, { name: 'C', minPoints: 26 }] },
  ],
  titles: [],
});

function withRule(levelling: PointsLevelling = rule()): FrameworkDocument {
  return { ...smallFramework(), levelling };
}

function apply(document: FrameworkDocument, input: DraftOperationInput): FrameworkDocument {
  const parsed = parseDraftOperation(input);
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  const result = applyDraftOperation(document, parsed.operation);
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

describe('sub-levels within a level', () => {
  it('is a valid framework document', () => {
    expect(validateFramework(withRule())).toEqual(expect.objectContaining({ ok: true }));
  });

  // Worked by hand: points = Σ per skill (2, 5, 10 for levels 1–3; above the scale counts as 3); the
  // level is the last whose start the total reaches, the sub-level the last of that level reached.
  it.each([
    ['nothing rated', {}, 0, 'Level 1', 'A', { name: 'B', pointsNeeded: 3 }, { level: 'Level 2', pointsNeeded: 8 }],
    ['planning at 1', { planning: 1 }, 2, 'Level 1', 'A', { name: 'B', pointsNeeded: 1 }, { level: 'Level 2', pointsNeeded: 6 }],
    ['two skills at 1', { planning: 1, 'risk-management': 1 }, 4, 'Level 1', 'B', null, { level: 'Level 2', pointsNeeded: 4 }],
    ['2, 1, 1', { planning: 2, 'risk-management': 1, mentoring: 1 }, 9, 'Level 2', 'A', { name: 'B', pointsNeeded: 1 }, { level: 'Level 3', pointsNeeded: 9 }],
    ['2, 2, 1', { planning: 2, 'risk-management': 2, mentoring: 1 }, 12, 'Level 2', 'C', { name: 'D', pointsNeeded: 2 }, { level: 'Level 3', pointsNeeded: 6 }],
    ['above the scale counts as its top', { planning: 5, 'risk-management': 2 }, 15, 'Level 2', 'D', { name: 'E', pointsNeeded: 1 }, { level: 'Level 3', pointsNeeded: 3 }],
    ['3, 2, 1', { planning: 3, 'risk-management': 2, mentoring: 1 }, 17, 'Level 2', 'E', null, { level: 'Level 3', pointsNeeded: 1 }],
    ['3, 3, 1', { planning: 3, 'risk-management': 3, mentoring: 1 }, 22, 'Level 3', 'B', { name: 'C', pointsNeeded: 4 }, null],
    ['every skill at 3', { planning: 3, 'risk-management': 3, mentoring: 3 }, 30, 'Level 3', 'C', null, null],
  ])('%s', (_label, profile, points, level, subLevel, nextSubLevel, next) => {
    expect(levelFromProfile(withRule(), profile as Record<string, number>)).toMatchObject({ points, level, subLevel, nextSubLevel, next });
  });

  it('answers no sub-level for a level that has none', () => {
    const levelling = rule();
    delete levelling.levels[1]!.subLevels;
    expect(levelFromProfile(withRule(levelling), { planning: 2, 'risk-management': 2 })).toMatchObject({ level: 'Level 2', subLevel: null, nextSubLevel: null });
  });

  it('refuses sub-levels that do not start with their level, do not rise, reach the next level or repeat a name', () => {
    const levelling = rule();
    levelling.levels[0]!.subLevels = [{ name: 'A', minPoints: 1 }, { name: 'A', minPoints: 1 }];
    levelling.levels[1]!.subLevels = [{ name: 'A', minPoints: 8 }, { name: 'B', minPoints: 18 }];
    const document = withRule(levelling);
    const result = validateFramework(document);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      { path: 'levelling.levels[0].subLevels[0].minPoints', message: `the first sub-level must start at level "Level 1"'s 0 points` },
      { path: 'levelling.levels[0].subLevels[1].minPoints', message: "must be more than the previous sub-level's 1" },
      { path: 'levelling.levels[0].subLevels[1].name', message: 'level "Level 1" already has a sub-level named "A"' },
      { path: 'levelling.levels[1].subLevels[1].minPoints', message: "must be below the next level's 18 points" },
    ]);
    expect(nameFrameworkProblems(document, problems).map((p) => p.where)).toEqual([
      `Points levelling, level "Level 1"'s sub-levels`,
      `Points levelling, level "Level 1"'s sub-levels`,
      `Points levelling, level "Level 1"'s sub-levels`,
      `Points levelling, level "Level 2"'s sub-levels`,
    ]);
    // The setLevelling operation refuses the same rule, so a draft never holds it.
    const parsed = parseDraftOperation({ kind: 'setLevelling', levelling });
    if ('problems' in parsed) throw new Error('expected a well-formed operation');
    const applied = applyDraftOperation(smallFramework(), parsed.operation);
    expect('problems' in applied && applied.problems.map((p) => p.path)).toEqual(problems.map((p) => p.path));
  });

  it('sets sub-levels with setLevelling and undoes them exactly', () => {
    const start = withRule();
    const changed = rule();
    changed.levels[1]!.subLevels![2] = { name: 'C+', minPoints: 13 };
    const parsed = parseDraftOperation({ kind: 'setLevelling', levelling: changed });
    if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
    const result = applyDraftOperation(start, parsed.operation);
    if ('problems' in result) throw new Error(JSON.stringify(result.problems));
    expect(levelFromProfile(result.document, { planning: 2, 'risk-management': 2, mentoring: 1 })).toMatchObject({ subLevel: 'B', nextSubLevel: { name: 'C+', pointsNeeded: 1 } });
    const undone = result.undo.reduce((doc, op) => {
      const r = applyDraftOperation(doc, op);
      if ('problems' in r) throw new Error(JSON.stringify(r.problems));
      return r.document;
    }, result.document);
    expect(undone).toStrictEqual(start);
  });

  it('round-trips through the canonical form unchanged, and the diff names the level whose sub-levels changed', () => {
    const before = withRule();
    const exported = JSON.parse(JSON.stringify(canonicalFrameworkDocument(before))) as FrameworkDocument;
    expect(canonicalFrameworkDocument(exported)).toStrictEqual(canonicalFrameworkDocument(before));
    expect(diffFrameworks(before, exported).changeCount).toBe(0);

    const after = withRule();
    after.levelling!.levels[1]!.subLevels![1] = { name: 'B', minPoints: 11 };
    after.levelling!.levels[2]!.subLevels!.pop();
    const section = diffFrameworks(before, after).sections.find((s) => s.kind === 'levelling')!;
    expect(section.changed).toEqual([
      expect.objectContaining({
        label: 'Points levelling',
        fields: [
          { field: 'subLevels.Level 2', label: 'Sub-levels of Level 2', before: 'A from 8; B from 10; C from 12; D from 14; E from 16', after: 'A from 8; B from 11; C from 12; D from 14; E from 16' },
          { field: 'subLevels.Level 3', label: 'Sub-levels of Level 3', before: 'A from 18; B from 22; C from 26', after: 'A from 18; B from 22' },
        ],
      }),
    ]);
  });
});

describe("a skill's scale changes under the points rule", () => {
  it('names the per-skill points the new scale no longer has, until they are removed', () => {
    // Mentoring has its own points for levels 1–3, then moves to a 1-level scale.
    const start = everyPartFramework();
    start.skills[2]!.scaleKey = undefined;
    delete start.skills[2]!.scaleKey;
    start.levelling!.skillPoints = { mentoring: { '1': 5, '2': 7, '3': 9 } };
    expect(validateFramework(start)).toEqual(expect.objectContaining({ ok: true }));

    const moved = apply(start, { kind: 'updateSkill', key: 'mentoring', scaleKey: 'single' });
    const result = validateFramework(moved);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      { path: 'levelling.skillPoints.mentoring.2', message: `level 2 is above scale "Single step"'s maximum 1: the skill's scale has changed; remove its points for level 2` },
      { path: 'levelling.skillPoints.mentoring.3', message: `level 3 is above scale "Single step"'s maximum 1: the skill's scale has changed; remove its points for level 3` },
    ]);
    expect(nameFrameworkProblems(moved, problems).map((p) => [p.where, p.section])).toEqual([
      ['Points levelling, points for "Mentoring" at level 2', 'levelling'],
      ['Points levelling, points for "Mentoring" at level 3', 'levelling'],
    ]);

    const fixed = apply(moved, { kind: 'setLevelling', levelling: { ...moved.levelling!, skillPoints: { mentoring: { '1': 5 } } } });
    expect(validateFramework(fixed)).toEqual(expect.objectContaining({ ok: true }));
  });
});
