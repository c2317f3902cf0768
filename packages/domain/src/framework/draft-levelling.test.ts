import {
  applyDraftOperation,
  applyDraftOperations,
  describeOperation,
  operationTarget,
  parseDraftOperation,
  targetsOverlap,
  type DraftOperation,
  type DraftOperationInput,
} from './draft-operations.js';
import type { FrameworkDocument, PointsLevelling } from './document.js';
import { levelFromProfile } from './levelling.js';
import { everyPartFramework, smallFramework } from './test-fixtures.js';
import { validateFramework } from './validate.js';

function op(input: DraftOperationInput): DraftOperation {
  const parsed = parseDraftOperation(input);
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.operation;
}

function problems(document: FrameworkDocument, input: DraftOperationInput) {
  const result = applyDraftOperation(document, op(input));
  if (!('problems' in result)) throw new Error('expected the operation to be refused');
  return result.problems;
}

/** Applies, checks the document still validates, undoes, and expects the original back. */
function roundTrip(document: FrameworkDocument, input: DraftOperationInput): FrameworkDocument {
  const result = applyDraftOperation(document, op(input));
  if ('problems' in result) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  expect(validateFramework(result.document)).toEqual(expect.objectContaining({ ok: true }));
  const undone = applyDraftOperations(result.document, result.undo);
  if ('problems' in undone) throw new Error(`undo failed: ${JSON.stringify(undone.problems)}`);
  expect(undone.document).toStrictEqual(document);
  return result.document;
}

const rule = (over: Partial<PointsLevelling> = {}): PointsLevelling => ({
  kind: 'points',
  pointsByLevel: { '1': 1, '2': 3, '3': 6 },
  levels: [
    { minPoints: 0, name: 'Associate' },
    { minPoints: 6, name: 'Practitioner' },
    { minPoints: 12, name: 'Lead' },
  ],
  titles: [
    { title: 'Analyst', minPoints: 0, maxPoints: 5 },
    { title: 'Senior Analyst', minPoints: 6 },
  ],
  ...over,
});

describe('setLevelling', () => {
  it('adds a points rule to a framework without one, that "What level am I?" then answers by, and undoes to none', () => {
    const doc = smallFramework();
    expect(doc.levelling).toBeUndefined();
    const next = roundTrip(doc, { kind: 'setLevelling', levelling: rule({ skillPoints: { mentoring: { '1': 2, '2': 4, '3': 8 } } }) });
    // planning 3 → 6, risk 2 → 3, mentoring 2 → its own 4: 13 points.
    expect(levelFromProfile(next, { planning: 3, 'risk-management': 2, mentoring: 2 })).toMatchObject({ points: 13, level: 'Lead', titles: ['Senior Analyst'], next: null });
    expect(levelFromProfile(next, { planning: 1 })).toMatchObject({ points: 1, level: 'Associate', next: { level: 'Practitioner', pointsNeeded: 5 } });
  });

  it('replaces a rule and removes it with null, each undone exactly', () => {
    const doc = everyPartFramework();
    const replaced = roundTrip(doc, { kind: 'setLevelling', levelling: rule() });
    expect(replaced.levelling).toEqual(rule());
    const removed = roundTrip(doc, { kind: 'setLevelling', levelling: null });
    expect(removed).not.toHaveProperty('levelling');
  });

  it('refuses a first level above 0, levels out of order, repeated names and a title ending before it starts', () => {
    const doc = smallFramework();
    expect(
      problems(doc, {
        kind: 'setLevelling',
        levelling: rule({
          levels: [
            { minPoints: 2, name: 'A' },
            { minPoints: 8, name: 'B' },
            { minPoints: 8, name: 'B' },
          ],
          titles: [{ title: 'Odd', minPoints: 10, maxPoints: 4 }],
        }),
      }),
    ).toEqual([
      { path: 'levelling.levels[0].minPoints', message: 'the first level must start at 0 points, so every profile has a level' },
      { path: 'levelling.levels[2].minPoints', message: "must be more than the previous level's 8" },
      { path: 'levelling.levels[2].name', message: 'there is already a level named "B"' },
      { path: 'levelling.titles[0].maxPoints', message: 'must be at least minPoints (10)' },
    ]);
  });

  it('refuses points that fall as the level rises, levels off every scale, and unknown skills', () => {
    const doc = everyPartFramework();
    expect(
      problems(doc, {
        kind: 'setLevelling',
        levelling: rule({ pointsByLevel: { '1': 4, '2': 3, '9': 40 }, skillPoints: { mentoring: { '2': 5 }, nobody: { '1': 1 } } }),
      }),
    ).toEqual([
      { path: 'levelling.pointsByLevel.9', message: "level 9 is above every scale's maximum 5" },
      { path: 'levelling.pointsByLevel.2', message: "must be at least level 1's 4 points" },
      // Mentoring is on the one-level "Single step" scale.
      { path: 'levelling.skillPoints.mentoring.2', message: 'level 2 is above scale "Single step"\'s maximum 1' },
      { path: 'levelling.skillPoints.nobody', message: 'unknown skill "nobody"' },
    ]);
    expect(problems(doc, { kind: 'setLevelling', levelling: rule({ pointsByLevel: {} }) })).toEqual([
      { path: 'levelling.pointsByLevel', message: 'needs the points of at least one level' },
    ]);
  });

  it('reports a malformed rule by its path when parsed', () => {
    const parsed = parseDraftOperation({ kind: 'setLevelling', levelling: { kind: 'points', pointsByLevel: { '1': -1 }, levels: [], titles: [] } });
    expect('problems' in parsed && parsed.problems.map((p) => p.path)).toEqual(['operation.levelling.pointsByLevel.1', 'operation.levelling.levels']);
    expect('problems' in parseDraftOperation({ kind: 'setLevelling' })).toBe(true);
  });

  it('is described in words and targets the rule alone', () => {
    const doc = smallFramework();
    const set = op({ kind: 'setLevelling', levelling: rule({ skillPoints: { mentoring: { '1': 2 } } }) });
    expect(describeOperation(set, doc)).toBe('set the points levelling rule (3 levels, 2 titles, own points for 1 skill)');
    expect(describeOperation(op({ kind: 'setLevelling', levelling: null }), doc)).toBe('removed the points levelling rule');
    expect(operationTarget(set)).toBe('levelling');
    expect(targetsOverlap('levelling', 'skill:mentoring')).toBe(false);
  });

  it("drops a removed skill's own points, and its undo puts them back", () => {
    const doc = everyPartFramework();
    const removed = roundTrip(doc, { kind: 'removeSkill', key: 'mentoring' });
    expect(removed.levelling).not.toHaveProperty('skillPoints');
    expect(removed.levelling?.pointsByLevel).toEqual(doc.levelling!.pointsByLevel);
    // A merge removes the merged skill the same way.
    expect(roundTrip(doc, { kind: 'mergeSkill', key: 'mentoring', intoKey: 'planning' }).levelling).not.toHaveProperty('skillPoints');
  });
});
