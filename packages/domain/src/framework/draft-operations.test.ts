import { summaryDescriptor } from './scales.js';
import {
  applyDraftOperation,
  applyDraftOperations,
  blankFrameworkDocument,
  describeOperation,
  ladderOf,
  operationTarget,
  parseDraftOperation,
  slugify,
  targetsOverlap,
  uniqueKey,
  type DraftOperation,
  type DraftOperationInput,
} from './draft-operations.js';
import type { FrameworkDocument } from './document.js';
import { pmoFramework } from './pmo-framework.js';
import { everyPartFramework, smallFramework } from './test-fixtures.js';
import { validateFramework } from './validate.js';

function op(input: DraftOperationInput): DraftOperation {
  const parsed = parseDraftOperation(input);
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.operation;
}

function applied(document: FrameworkDocument, input: DraftOperationInput) {
  const result = applyDraftOperation(document, op(input));
  if ('problems' in result) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result;
}

function problems(document: FrameworkDocument, input: DraftOperationInput) {
  const result = applyDraftOperation(document, op(input));
  if (!('problems' in result)) throw new Error('expected the operation to be refused');
  return result.problems;
}

/** Applies an operation, checks the result is still a valid framework, then undoes it and expects the original back. */
function roundTrip(document: FrameworkDocument, input: DraftOperationInput): FrameworkDocument {
  const result = applied(document, input);
  expect(validateFramework(result.document)).toEqual(expect.objectContaining({ ok: true }));
  const undone = applyDraftOperations(result.document, result.undo);
  if ('problems' in undone) throw new Error(`undo failed: ${JSON.stringify(undone.problems)}`);
  expect(undone.document).toStrictEqual(document);
  return result.document;
}

describe('keys', () => {
  it('slugifies names', () => {
    expect(slugify('Risk & issue management')).toBe('risk-issue-management');
    expect(slugify('  Café Society! ')).toBe('cafe-society');
    expect(slugify('***')).toBe('item');
  });

  it('makes a key unique with a numeric suffix', () => {
    expect(uniqueKey('Planning', ['planning', 'planning-2'])).toBe('planning-3');
    expect(uniqueKey('Planning', [])).toBe('planning');
  });
});

describe('parseDraftOperation', () => {
  it('fills in defaults', () => {
    expect(op({ kind: 'addSkill', name: 'Coaching', categoryKey: 'people' })).toEqual({
      kind: 'addSkill',
      name: 'Coaching',
      categoryKey: 'people',
      levels: {},
    });
  });

  it('reports every problem with its path', () => {
    const result = parseDraftOperation({ kind: 'addRole', title: ' ', trackKey: 'Not A Slug', summary: 'x', level: 0 }, 'operations[2]');
    expect('problems' in result && result.problems).toEqual(
      expect.arrayContaining([
        { path: 'operations[2].title', message: 'must not be empty' },
        { path: 'operations[2].trackKey', message: 'must be a lowercase slug such as "risk-management"' },
        expect.objectContaining({ path: 'operations[2].level' }),
      ]),
    );
  });

  it('names the kinds when the kind is unknown', () => {
    const result = parseDraftOperation({ kind: 'renameEverything' });
    expect('problems' in result && result.problems[0]).toEqual({
      path: 'operation.kind',
      message: expect.stringContaining('addTrack'),
    });
  });
});

describe('tracks', () => {
  it('adds a track with a key from its name, at the end or at a position', () => {
    const doc = smallFramework();
    const result = applied(doc, { kind: 'addTrack', name: 'Business Analysis', trackKind: 'lateral' });
    expect(result.document.tracks.at(-1)).toEqual({ key: 'business-analysis', name: 'Business Analysis', kind: 'lateral' });
    expect(result.target).toBe('track:business-analysis');
    expect(result.undo).toEqual([{ kind: 'removeTrack', key: 'business-analysis' }]);
    const first = applied(doc, { kind: 'addTrack', name: 'PMO', trackKind: 'core', position: 0 });
    expect(first.document.tracks.map((t) => t.key)).toEqual(['pmo-2', 'pmo', 'delivery']);
    roundTrip(doc, { kind: 'addTrack', name: 'Business Analysis', trackKind: 'lateral' });
  });

  it('refuses an explicit key that is taken', () => {
    expect(problems(smallFramework(), { kind: 'addTrack', key: 'pmo', name: 'Other', trackKind: 'core' })).toEqual([
      { path: 'tracks.key', message: 'there is already a track with key "pmo"' },
    ]);
  });

  it('renames a track, keeping its key, and undoes the rename', () => {
    const doc = smallFramework();
    const next = roundTrip(doc, { kind: 'updateTrack', key: 'pmo', name: 'Project office', description: 'The PMO.' });
    expect(next.tracks[0]).toEqual({ key: 'pmo', name: 'Project office', kind: 'core', description: 'The PMO.' });
  });

  it('clears an optional field with null', () => {
    const doc = smallFramework();
    doc.tracks[0]!.description = 'Old';
    const next = roundTrip(doc, { kind: 'updateTrack', key: 'pmo', description: null });
    expect(next.tracks[0]).not.toHaveProperty('description');
  });

  it('refuses to remove a track that still has roles, and removes an empty one with undo', () => {
    const doc = smallFramework();
    expect(problems(doc, { kind: 'removeTrack', key: 'delivery' })).toEqual([
      { path: 'key', message: 'track Delivery still has 1 role (Project Manager): move or remove them first' },
    ]);
    const withEmpty = applied(doc, { kind: 'addTrack', name: 'Empty', trackKind: 'specialist', position: 1 }).document;
    const removed = roundTrip(withEmpty, { kind: 'removeTrack', key: 'empty' });
    expect(removed.tracks.map((t) => t.key)).toEqual(['pmo', 'delivery']);
  });

  it('reorders tracks', () => {
    const next = roundTrip(smallFramework(), { kind: 'moveTrack', key: 'delivery', position: 0 });
    expect(next.tracks.map((t) => t.key)).toEqual(['delivery', 'pmo']);
  });

  it('reports an unknown track', () => {
    expect(problems(smallFramework(), { kind: 'updateTrack', key: 'nope', name: 'X' })).toEqual([{ path: 'key', message: 'unknown track "nope"' }]);
  });
});

describe('roles', () => {
  it('adds a role on the next rung of its track', () => {
    const doc = smallFramework();
    const result = applied(doc, { kind: 'addRole', title: 'Head of PMO', trackKey: 'pmo', summary: 'Leads the PMO.', band: 4 });
    expect(result.document.roles.at(-1)).toEqual({
      key: 'head-of-pmo',
      title: 'Head of PMO',
      trackKey: 'pmo',
      level: 4,
      band: 4,
      summary: 'Leads the PMO.',
      responsibilities: [],
      expectations: {},
    });
    roundTrip(doc, { kind: 'addRole', title: 'Head of PMO', trackKey: 'pmo', summary: 'Leads the PMO.' });
  });

  it('refuses a role on an unknown track', () => {
    expect(problems(smallFramework(), { kind: 'addRole', title: 'X', trackKey: 'nope', summary: 'x' })).toEqual([
      { path: 'trackKey', message: 'unknown track "nope"' },
    ]);
  });

  it('updates title, level, band, summary, responsibilities and track, keeping the key', () => {
    const doc = smallFramework();
    const next = roundTrip(doc, {
      kind: 'updateRole',
      key: 'pmo-analyst',
      title: 'Analyst',
      band: null,
      summary: 'Reports.',
      responsibilities: ['Report', 'Chase'],
      trackKey: 'delivery',
      level: 2,
    });
    expect(next.roles[0]).toEqual({
      key: 'pmo-analyst',
      title: 'Analyst',
      trackKey: 'delivery',
      level: 2,
      summary: 'Reports.',
      responsibilities: ['Report', 'Chase'],
      expectations: { planning: 1, 'risk-management': 1 },
    });
  });

  it('removes a role with its expectations, transitions and qualification links, and restores them all', () => {
    const doc = smallFramework();
    doc.qualifications[0]!.requiredForRoleKeys = ['senior-pmo-analyst'];
    const next = roundTrip(doc, { kind: 'removeRole', key: 'senior-pmo-analyst' });
    expect(next.roles.map((r) => r.key)).toEqual(['pmo-analyst', 'pmo-manager', 'project-manager']);
    expect(next.transitions).toEqual([]);
    expect(next.qualifications[0]!.requiredForRoleKeys).toEqual([]);
  });

  it('moves a role up its ladder and renumbers the rungs', () => {
    const doc = smallFramework();
    const next = roundTrip(doc, { kind: 'moveRole', key: 'pmo-manager', trackKey: 'pmo', position: 0 });
    expect(ladderOf(next, 'pmo').map((r) => [r.key, r.level])).toEqual([
      ['pmo-manager', 1],
      ['pmo-analyst', 2],
      ['senior-pmo-analyst', 3],
    ]);
  });

  it('moves a role to another track, closing the gap it leaves', () => {
    const doc = smallFramework();
    const result = applied(doc, { kind: 'moveRole', key: 'senior-pmo-analyst', trackKey: 'delivery', position: 1 });
    expect(ladderOf(result.document, 'delivery').map((r) => [r.key, r.level])).toEqual([
      ['project-manager', 1],
      ['senior-pmo-analyst', 2],
    ]);
    expect(ladderOf(result.document, 'pmo').map((r) => [r.key, r.level])).toEqual([
      ['pmo-analyst', 1],
      ['pmo-manager', 2],
    ]);
    roundTrip(doc, { kind: 'moveRole', key: 'senior-pmo-analyst', trackKey: 'delivery', position: 1 });
  });
});

describe('skill categories and skills', () => {
  it('adds, renames and removes a category', () => {
    const doc = smallFramework();
    const added = applied(doc, { kind: 'addSkillCategory', name: 'Commercial' });
    expect(added.document.skillCategories.at(-1)).toEqual({ key: 'commercial', name: 'Commercial' });
    roundTrip(doc, { kind: 'updateSkillCategory', key: 'people', name: 'People & teams' });
    roundTrip(added.document, { kind: 'removeSkillCategory', key: 'commercial' });
    expect(problems(doc, { kind: 'removeSkillCategory', key: 'people' })[0]!.message).toBe(
      'skill category People still has 1 skill (Mentoring): move or remove them first',
    );
    expect(roundTrip(doc, { kind: 'moveSkillCategory', key: 'people', position: 0 }).skillCategories[0]!.key).toBe('people');
  });

  it('adds a skill with a descriptor per level', () => {
    const doc = smallFramework();
    const levels = { '1': 'Knows it.', '2': 'Does it.', '3': 'Teaches it.' };
    const next = roundTrip(doc, { kind: 'addSkill', name: 'Stakeholder management', categoryKey: 'people', levels });
    const asRead = Object.fromEntries(Object.entries(levels).map(([level, summary]) => [level, summaryDescriptor(summary)]));
    expect(next.skills.at(-1)).toEqual({ key: 'stakeholder-management', name: 'Stakeholder management', categoryKey: 'people', levels: asRead });
  });

  it('refuses descriptors off the scale and unknown categories', () => {
    const doc = smallFramework();
    expect(problems(doc, { kind: 'addSkill', name: 'X', categoryKey: 'people', levels: { '4': 'Too high.' } })).toEqual([
      { path: 'levels.4', message: 'level 4 is not on the proficiency scale (1 to 3)' },
    ]);
    expect(problems(doc, { kind: 'updateSkill', key: 'planning', categoryKey: 'nope' })).toEqual([
      { path: 'categoryKey', message: 'unknown skill category "nope"' },
    ]);
  });

  it('updates a skill and its descriptors', () => {
    const next = roundTrip(smallFramework(), {
      kind: 'updateSkill',
      key: 'planning',
      name: 'Planning & scheduling',
      categoryKey: 'people',
      description: 'Plans.',
      levels: { '1': 'a', '2': 'b', '3': 'c' },
    });
    expect(next.skills[0]).toEqual({
      key: 'planning',
      name: 'Planning & scheduling',
      categoryKey: 'people',
      description: 'Plans.',
      levels: { '1': summaryDescriptor('a'), '2': summaryDescriptor('b'), '3': summaryDescriptor('c') },
    });
  });

  it('removes a skill with its expectations and qualification links, and restores them', () => {
    const doc = smallFramework();
    const next = roundTrip(doc, { kind: 'removeSkill', key: 'risk-management' });
    expect(next.roles.every((r) => !('risk-management' in r.expectations))).toBe(true);
    expect(next.qualifications[0]!.skillKeys).toEqual(['planning']);
    expect(roundTrip(doc, { kind: 'moveSkill', key: 'mentoring', position: 0 }).skills[0]!.key).toBe('mentoring');
  });

  it('merges a skill into another: the higher level wins and qualification links move', () => {
    const doc = smallFramework();
    // pmo-analyst: planning 1, risk 1; senior: planning 2, risk 2, mentoring 1; manager: 3/3/2; pm: planning 3, risk 2.
    doc.roles[1]!.expectations.mentoring = 3;
    doc.qualifications[0]!.skillKeys = ['mentoring'];
    const next = roundTrip(doc, { kind: 'mergeSkill', key: 'mentoring', intoKey: 'risk-management' });
    expect(next.skills.map((s) => s.key)).toEqual(['planning', 'risk-management']);
    expect(next.roles.map((r) => r.expectations['risk-management'])).toEqual([1, 3, 3, 2]);
    expect(next.qualifications[0]!.skillKeys).toEqual(['risk-management']);
  });

  it('merges without duplicating a link the survivor already has', () => {
    const doc = smallFramework();
    const next = roundTrip(doc, { kind: 'mergeSkill', key: 'planning', intoKey: 'risk-management' });
    expect(next.qualifications[0]!.skillKeys).toEqual(['risk-management']);
    expect(problems(doc, { kind: 'mergeSkill', key: 'planning', intoKey: 'planning' })).toEqual([
      { path: 'intoKey', message: 'a skill cannot be merged into itself' },
    ]);
  });
});

describe('expectations', () => {
  it('sets and clears a cell', () => {
    const doc = smallFramework();
    expect(roundTrip(doc, { kind: 'setExpectation', roleKey: 'pmo-analyst', skillKey: 'mentoring', level: 2 }).roles[0]!.expectations).toEqual({
      planning: 1,
      'risk-management': 1,
      mentoring: 2,
    });
    expect(roundTrip(doc, { kind: 'setExpectation', roleKey: 'pmo-analyst', skillKey: 'planning', level: null }).roles[0]!.expectations).toEqual({
      'risk-management': 1,
    });
  });

  it('refuses a level above the scale and an unknown skill', () => {
    const doc = smallFramework();
    expect(problems(doc, { kind: 'setExpectation', roleKey: 'pmo-analyst', skillKey: 'planning', level: 4 })).toEqual([
      { path: 'level', message: "level 4 is above the scale's maximum 3" },
    ]);
    expect(problems(doc, { kind: 'setExpectationsRow', roleKey: 'pmo-analyst', levels: { planning: 9, nope: 1 } })).toEqual([
      { path: 'levels.planning', message: "level 9 is above the scale's maximum 3" },
      { path: 'levels.nope', message: 'unknown skill "nope"' },
    ]);
  });

  it('sets a pasted row, leaving unlisted skills alone', () => {
    const doc = smallFramework();
    const next = roundTrip(doc, { kind: 'setExpectationsRow', roleKey: 'senior-pmo-analyst', levels: { planning: 3, mentoring: null } });
    expect(next.roles[1]!.expectations).toEqual({ planning: 3, 'risk-management': 2 });
  });
});

describe('proficiency scale', () => {
  it('grows the scale', () => {
    const doc = smallFramework();
    const levels = [...doc.proficiencyScale, { level: 4, name: 'Expert', summary: 'Leads.' }];
    const result = applied(doc, { kind: 'setProficiencyScale', levels });
    expect(result.document.proficiencyScale).toHaveLength(4);
    const undone = applyDraftOperations(result.document, result.undo);
    expect('document' in undone && undone.document).toStrictEqual(doc);
  });

  it('renames levels', () => {
    const doc = smallFramework();
    const levels = doc.proficiencyScale.map((s) => ({ ...s, name: `${s.name}!` }));
    expect(roundTrip(doc, { kind: 'setProficiencyScale', levels }).proficiencyScale[0]!.name).toBe('Aware!');
  });

  it('refuses to shrink below an expectation, naming each one', () => {
    const doc = smallFramework();
    const found = problems(doc, { kind: 'setProficiencyScale', levels: doc.proficiencyScale.slice(0, 2) });
    expect(found).toEqual([
      { path: 'roles.pmo-manager.expectations.planning', message: 'PMO Manager expects level 3 in Planning: lower it to 2 or less first' },
      { path: 'roles.pmo-manager.expectations.risk-management', message: 'PMO Manager expects level 3 in Risk management: lower it to 2 or less first' },
      { path: 'roles.project-manager.expectations.planning', message: 'Project Manager expects level 3 in Planning: lower it to 2 or less first' },
    ]);
  });

  it('shrinks when nothing expects the top level, dropping its descriptors (undo restores them)', () => {
    const doc = smallFramework();
    for (const role of doc.roles) for (const k of Object.keys(role.expectations)) role.expectations[k] = 1;
    const result = applied(doc, { kind: 'setProficiencyScale', levels: doc.proficiencyScale.slice(0, 2) });
    expect(result.document.skills[0]!.levels).toEqual({ '1': summaryDescriptor('Knows the basics of planning.'), '2': summaryDescriptor('Practises planning with support.') });
    expect(validateFramework(result.document).ok).toBe(true);
    const undone = applyDraftOperations(result.document, result.undo);
    expect('document' in undone && undone.document).toStrictEqual(doc);
  });

  it('refuses gaps', () => {
    expect(problems(smallFramework(), { kind: 'setProficiencyScale', levels: [{ level: 1, name: 'A', summary: 'a' }, { level: 3, name: 'C', summary: 'c' }] })).toEqual([
      { path: 'levels', message: 'levels must run from 1 to 2 without gaps or repeats' },
    ]);
  });
});

describe('transitions', () => {
  it('adds, updates and removes a move', () => {
    const doc = smallFramework();
    const added = roundTrip(doc, { kind: 'addTransition', fromRoleKey: 'pmo-analyst', toRoleKey: 'project-manager', transitionKind: 'lateral', typicalMonths: 18 });
    expect(added.transitions.at(-1)).toEqual({ fromRoleKey: 'pmo-analyst', toRoleKey: 'project-manager', kind: 'lateral', typicalMonths: 18 });
    const updated = roundTrip(doc, { kind: 'updateTransition', fromRoleKey: 'pmo-analyst', toRoleKey: 'senior-pmo-analyst', typicalMonths: null, guidance: 'Lead a cycle.' });
    expect(updated.transitions[0]).toEqual({ fromRoleKey: 'pmo-analyst', toRoleKey: 'senior-pmo-analyst', kind: 'promotion', guidance: 'Lead a cycle.' });
    expect(roundTrip(doc, { kind: 'removeTransition', fromRoleKey: 'senior-pmo-analyst', toRoleKey: 'pmo-manager' }).transitions).toHaveLength(3);
  });

  it('refuses duplicates, self moves, unknown roles and promotion cycles', () => {
    const doc = smallFramework();
    expect(problems(doc, { kind: 'addTransition', fromRoleKey: 'pmo-analyst', toRoleKey: 'senior-pmo-analyst', transitionKind: 'lateral' })).toEqual([
      { path: 'toRoleKey', message: 'there is already a move from PMO Analyst to Senior PMO Analyst' },
    ]);
    expect(problems(doc, { kind: 'addTransition', fromRoleKey: 'pmo-analyst', toRoleKey: 'pmo-analyst', transitionKind: 'lateral' })).toEqual([
      { path: 'toRoleKey', message: 'a role cannot transition to itself' },
    ]);
    expect(problems(doc, { kind: 'addTransition', fromRoleKey: 'nope', toRoleKey: 'pmo-analyst', transitionKind: 'lateral' })).toEqual([
      { path: 'fromRoleKey', message: 'unknown role "nope"' },
    ]);
    expect(problems(doc, { kind: 'addTransition', fromRoleKey: 'pmo-manager', toRoleKey: 'pmo-analyst', transitionKind: 'promotion' })).toEqual([
      { path: 'transitionKind', message: 'promotions would form a cycle: PMO Analyst → Senior PMO Analyst → PMO Manager → PMO Analyst' },
    ]);
    const oneWay = applied(doc, { kind: 'updateTransition', fromRoleKey: 'senior-pmo-analyst', toRoleKey: 'project-manager', transitionKind: 'promotion' }).document;
    expect(problems(oneWay, { kind: 'updateTransition', fromRoleKey: 'project-manager', toRoleKey: 'senior-pmo-analyst', transitionKind: 'promotion' })[0]!.message).toMatch(
      /^promotions would form a cycle/,
    );
  });
});

describe('qualifications', () => {
  it('adds, updates and removes a qualification with its links', () => {
    const doc = smallFramework();
    const added = roundTrip(doc, {
      kind: 'addQualification',
      name: 'PRINCE2 Foundation',
      provider: 'PeopleCert',
      url: 'https://www.peoplecert.org',
      validityMonths: 36,
      skillKeys: ['planning'],
      requiredForRoleKeys: ['pmo-manager'],
      recommendedForRoleKeys: ['pmo-analyst'],
    });
    expect(added.qualifications.at(-1)).toEqual({
      key: 'prince2-foundation',
      name: 'PRINCE2 Foundation',
      provider: 'PeopleCert',
      url: 'https://www.peoplecert.org',
      validityMonths: 36,
      skillKeys: ['planning'],
      requiredForRoleKeys: ['pmo-manager'],
      recommendedForRoleKeys: ['pmo-analyst'],
    });
    expect(roundTrip(doc, { kind: 'updateQualification', key: 'pmp', validityMonths: null, name: 'PMP' }).qualifications[0]).not.toHaveProperty('validityMonths');
    expect(roundTrip(doc, { kind: 'removeQualification', key: 'pmp' }).qualifications).toEqual([]);
  });

  it('refuses unknown links and a role both required and recommended', () => {
    expect(
      problems(smallFramework(), {
        kind: 'updateQualification',
        key: 'pmp',
        skillKeys: ['nope'],
        requiredForRoleKeys: ['pmo-analyst'],
        recommendedForRoleKeys: ['pmo-analyst', 'ghost'],
      }),
    ).toEqual([
      { path: 'skillKeys[0]', message: 'unknown skill "nope"' },
      { path: 'recommendedForRoleKeys[1]', message: 'unknown role "ghost"' },
      { path: 'recommendedForRoleKeys[0]', message: 'role "pmo-analyst" cannot be both required and recommended' },
    ]);
  });
});

describe('the framework itself', () => {
  it('renames the framework', () => {
    expect(roundTrip(smallFramework(), { kind: 'updateFramework', name: 'Our ladder', description: 'Ours.' }).name).toBe('Our ladder');
  });

  it('builds a blank document that validates', () => {
    expect(validateFramework(blankFrameworkDocument('New', 'new')).ok).toBe(true);
  });
});

describe('on the PMO framework', () => {
  it('removes every role and skill one by one and undoes it all back to the original', () => {
    let doc: FrameworkDocument = pmoFramework;
    const undo: DraftOperation[][] = [];
    for (const role of pmoFramework.roles) {
      const result = applied(doc, { kind: 'removeRole', key: role.key });
      doc = result.document;
      undo.unshift(result.undo);
    }
    for (const skill of pmoFramework.skills) {
      const result = applied(doc, { kind: 'removeSkill', key: skill.key });
      doc = result.document;
      undo.unshift(result.undo);
    }
    expect(doc.roles).toEqual([]);
    expect(doc.transitions).toEqual([]);
    expect(validateFramework(doc).ok).toBe(true);
    const restored = applyDraftOperations(doc, undo.flat());
    expect('document' in restored && restored.document).toStrictEqual(pmoFramework);
  });
});

describe('applyDraftOperations', () => {
  it('applies in order and reports the first failure at its index, leaving nothing applied', () => {
    const doc = smallFramework();
    const result = applyDraftOperations(doc, [
      op({ kind: 'updateTrack', key: 'pmo', name: 'Office' }),
      op({ kind: 'removeRole', key: 'ghost' }),
    ]);
    expect(result).toEqual({ problems: [{ path: 'operations[1].key', message: 'unknown role "ghost"' }] });
    expect(doc.tracks[0]!.name).toBe('PMO');
  });

  it('returns the targets touched and an undo for the whole batch', () => {
    const doc = smallFramework();
    const result = applyDraftOperations(doc, [
      op({ kind: 'addSkillCategory', name: 'Commercial' }),
      op({ kind: 'addSkill', name: 'Budgeting', categoryKey: 'commercial' }),
      op({ kind: 'setExpectation', roleKey: 'pmo-manager', skillKey: 'budgeting', level: 2 }),
    ]);
    if ('problems' in result) throw new Error('unexpected');
    expect(result.targets).toEqual(['skill-category:commercial', 'skill:budgeting', 'expectation:pmo-manager/budgeting']);
    const undone = applyDraftOperations(result.document, result.undo);
    expect('document' in undone && undone.document).toStrictEqual(doc);
  });
});

describe('targets', () => {
  it('names what an operation touches', () => {
    expect(operationTarget(op({ kind: 'updateRole', key: 'pmo-analyst', title: 'A' }))).toBe('role:pmo-analyst');
    expect(operationTarget(op({ kind: 'setExpectation', roleKey: 'pmo-analyst', skillKey: 'planning', level: 1 }))).toBe('expectation:pmo-analyst/planning');
    expect(operationTarget(op({ kind: 'addSkill', name: 'Risk Management', categoryKey: 'x' }))).toBe('skill:risk-management');
    expect(operationTarget(op({ kind: 'removeTransition', fromRoleKey: 'a', toRoleKey: 'b' }))).toBe('transition:a->b');
  });

  it('decides which targets collide', () => {
    expect(targetsOverlap('role:a', 'role:a')).toBe(true);
    expect(targetsOverlap('role:a', 'role:b')).toBe(false);
    expect(targetsOverlap('role:a', 'expectation:a/planning')).toBe(true);
    expect(targetsOverlap('skill:planning', 'expectation:a/planning')).toBe(true);
    expect(targetsOverlap('expectation:a/planning', 'expectation:a/mentoring')).toBe(false);
    expect(targetsOverlap('expectation:a/*', 'expectation:a/mentoring')).toBe(true);
    expect(targetsOverlap('expectation:b/*', 'expectation:a/mentoring')).toBe(false);
    expect(targetsOverlap('transition:a->b', 'role:b')).toBe(true);
    expect(targetsOverlap('transition:a->b', 'role:c')).toBe(false);
  });
});

describe('describeOperation', () => {
  const doc = smallFramework();
  it.each<[DraftOperationInput, string]>([
    [{ kind: 'updateRole', key: 'pmo-analyst', title: 'Analyst' }, 'renamed role PMO Analyst to "Analyst"'],
    [{ kind: 'updateRole', key: 'pmo-analyst', summary: 'New.' }, 'changed role PMO Analyst\'s summary to "New."'],
    [{ kind: 'updateRole', key: 'pmo-analyst', summary: 'New.', level: 2 }, "changed role PMO Analyst's level and summary"],
    [{ kind: 'updateRole', key: 'pmo-analyst', trackKey: 'delivery' }, 'changed role PMO Analyst\'s track to "Delivery"'],
    [{ kind: 'updateRole', key: 'pmo-analyst', band: null }, "cleared role PMO Analyst's band"],
    [{ kind: 'removeRole', key: 'pmo-manager' }, 'removed role PMO Manager'],
    [{ kind: 'setExpectation', roleKey: 'pmo-analyst', skillKey: 'planning', level: 3 }, "set PMO Analyst's expectation for Planning to 3 (Competent)"],
    [{ kind: 'setExpectation', roleKey: 'pmo-analyst', skillKey: 'planning', level: null }, "cleared PMO Analyst's expectation for Planning"],
    [{ kind: 'setExpectationsRow', roleKey: 'pmo-analyst', levels: { planning: 2, mentoring: 1 } }, 'set 2 expectations of PMO Analyst'],
    [{ kind: 'addSkill', name: 'Budgeting', categoryKey: 'delivery' }, 'added skill "Budgeting" to skill category Delivery'],
    [{ kind: 'mergeSkill', key: 'mentoring', intoKey: 'planning' }, 'merged skill Mentoring into Planning'],
    [{ kind: 'updateSkill', key: 'planning', levels: { '1': 'a' } }, "changed skill Planning's level descriptors"],
    [{ kind: 'moveRole', key: 'pmo-manager', trackKey: 'pmo', position: 0 }, 'moved role PMO Manager to rung 1 of track PMO'],
    [{ kind: 'addTransition', fromRoleKey: 'pmo-analyst', toRoleKey: 'project-manager', transitionKind: 'lateral' }, 'added a lateral from PMO Analyst to Project Manager'],
    [{ kind: 'updateTransition', fromRoleKey: 'pmo-analyst', toRoleKey: 'senior-pmo-analyst', typicalMonths: 12 }, 'changed the move from PMO Analyst to Senior PMO Analyst\'s typical months to "12"'],
    [{ kind: 'updateQualification', key: 'pmp', validityMonths: 60 }, 'changed qualification Project Management Professional (PMP)\'s validity to "60"'],
    [{ kind: 'setProficiencyScale', levels: [{ level: 1, name: 'Low', summary: 'l' }, { level: 2, name: 'High', summary: 'h' }] }, 'set the proficiency scale to 2 levels (Low, High)'],
    [{ kind: 'updateFramework', name: 'Ours' }, 'renamed the framework to "Ours"'],
  ])('%j → %s', (input, sentence) => {
    expect(describeOperation(op(input), doc)).toBe(sentence);
  });
});

describe('version 2 parts', () => {
  it('sets and clears an expectation’s terms (optional, weight, statement), undoable', () => {
    const doc = everyPartFramework();
    const next = roundTrip(doc, { kind: 'setExpectationDetail', roleKey: 'project-manager', skillKey: 'planning', optional: true, weight: 3, statement: 'Plans **several** projects.' });
    expect(next.roles[3]!.expectationDetails).toEqual({ planning: { optional: true, weight: 3, statement: 'Plans **several** projects.' } });
    const cleared = roundTrip(doc, { kind: 'setExpectationDetail', roleKey: 'senior-pmo-analyst', skillKey: 'mentoring', optional: false });
    expect(cleared.roles[1]!.expectationDetails).toEqual({ planning: doc.roles[1]!.expectationDetails!.planning });
    expect(problems(doc, { kind: 'setExpectationDetail', roleKey: 'project-manager', skillKey: 'mentoring', optional: true })).toEqual([
      { path: 'skillKey', message: 'Project Manager does not expect Mentoring: set a level first' },
    ]);
  });

  it('takes an expectation’s terms away with it when cleared, and puts them back on undo', () => {
    const doc = everyPartFramework();
    const next = roundTrip(doc, { kind: 'setExpectation', roleKey: 'senior-pmo-analyst', skillKey: 'mentoring', level: null });
    expect(next.roles[1]!.expectationDetails).toEqual({ planning: doc.roles[1]!.expectationDetails!.planning });
    roundTrip(doc, { kind: 'removeSkill', key: 'planning' });
  });

  it("checks levels against the skill's own scale", () => {
    const doc = everyPartFramework();
    roundTrip(doc, { kind: 'setExpectation', roleKey: 'pmo-analyst', skillKey: 'planning', level: 5 });
    expect(problems(doc, { kind: 'setExpectation', roleKey: 'pmo-analyst', skillKey: 'mentoring', level: 2 })).toEqual([
      { path: 'level', message: `level 2 is above scale "Single step"'s maximum 1` },
    ]);
    expect(problems(doc, { kind: 'updateSkill', key: 'mentoring', levels: { '2': 'Too high.' } })).toEqual([
      { path: 'levels.2', message: 'level 2 is not on scale "Single step" (1 to 1)' },
    ]);
  });

  it('edits descriptors with criteria and examples, and moves a skill to another scale', () => {
    const doc = everyPartFramework();
    const next = roundTrip(doc, {
      kind: 'updateSkill',
      key: 'mentoring',
      scaleKey: 'technical',
      levels: { '2': { summary: 'Mentors one person.', criteria: ['Meets monthly'], examples: ['Mentored a new analyst'] } },
    });
    expect(next.skills[2]).toMatchObject({ scaleKey: 'technical', levels: { '2': { summary: 'Mentors one person.', criteria: ['Meets monthly'], examples: ['Mentored a new analyst'] } } });
    expect(problems(next, { kind: 'updateSkill', key: 'planning', scaleKey: 'single' })[0]).toMatchObject({ path: 'levels.3' });
  });

  it('replaces the named scales, refusing to drop one in use', () => {
    const doc = everyPartFramework();
    const renamed = roundTrip(doc, { kind: 'setScales', scales: doc.scales!.map((s) => (s.key === 'single' ? { ...s, name: 'One step' } : s)) });
    expect(renamed.scales![1]!.name).toBe('One step');
    expect(problems(doc, { kind: 'setScales', scales: [doc.scales![0]!] })).toEqual([
      { path: 'scales', message: 'skill "Mentoring" uses scale "single": choose another scale for it first' },
    ]);
  });
});

describe('shared roles, track groups and category scales', () => {
  it('shares a role with other tracks (its own track and repeats left out), and clears the sharing', () => {
    const doc = smallFramework();
    const shared = roundTrip(doc, { kind: 'updateRole', key: 'pmo-analyst', sharedWithTrackKeys: ['delivery', 'pmo', 'delivery'] });
    expect(shared.roles[0]!.sharedWithTrackKeys).toEqual(['delivery']);
    const cleared = applied(shared, { kind: 'updateRole', key: 'pmo-analyst', sharedWithTrackKeys: [] }).document;
    expect(cleared.roles[0]).not.toHaveProperty('sharedWithTrackKeys');
    expect(problems(doc, { kind: 'updateRole', key: 'pmo-analyst', sharedWithTrackKeys: ['nowhere'] })).toEqual([
      { path: 'sharedWithTrackKeys[0]', message: 'unknown track "nowhere"' },
    ]);
    // A track that shares a role cannot go while it does (once its own roles are gone).
    const withoutOwnRoles = applied(shared, { kind: 'removeRole', key: 'project-manager' }).document;
    expect(problems(withoutOwnRoles, { kind: 'removeTrack', key: 'delivery' })[0]!.message).toMatch(/shares a role of other tracks \(PMO Analyst\)/);
  });

  it('sets track groups, puts a track in one, and refuses to drop a group a track is in', () => {
    const doc = smallFramework();
    const grouped = roundTrip(doc, { kind: 'setTrackGroups', trackGroups: [{ key: 'office', name: 'Office' }] });
    expect(grouped.trackGroups).toEqual([{ key: 'office', name: 'Office' }]);
    const inGroup = roundTrip(grouped, { kind: 'updateTrack', key: 'pmo', groupKey: 'office' });
    expect(inGroup.tracks[0]!.groupKey).toBe('office');
    expect(problems(inGroup, { kind: 'setTrackGroups', trackGroups: [] })).toEqual([{ path: 'trackGroups', message: 'track "PMO" is in group "office": move it out first' }]);
    expect(problems(grouped, { kind: 'updateTrack', key: 'pmo', groupKey: 'elsewhere' })).toEqual([{ path: 'groupKey', message: 'unknown track group "elsewhere"' }]);
    expect(problems(grouped, { kind: 'setTrackGroups', trackGroups: [{ key: 'a', name: 'A' }, { key: 'a', name: 'B' }] })[0]!.path).toBe('trackGroups[1].key');
  });

  it('assigns a named scale to a category when its skills fit it, and back to the proficiency scale', () => {
    const doc = everyPartFramework();
    // People's one skill has a scale of its own, so the category's scale does not move it.
    const people = roundTrip(doc, { kind: 'updateSkillCategory', key: 'people', scaleKey: 'technical' });
    expect(people.skillCategories[1]!.scaleKey).toBe('technical');
    // Delivery's planning is described up to level 5: neither the 3-level proficiency scale nor a one-level scale holds it.
    expect(problems(doc, { kind: 'updateSkillCategory', key: 'delivery', scaleKey: null })).toEqual([
      { path: 'scaleKey.5', message: 'level 5 is not on the proficiency scale (1 to 3)' },
    ]);
    expect(problems(doc, { kind: 'updateSkillCategory', key: 'delivery', scaleKey: 'single' })[0]!.message).toMatch(/scale "Single step"/);
    const withoutTop = applied(doc, { kind: 'updateSkill', key: 'planning', levels: { '1': 'Knows the basics.' } }).document;
    const expectedLow = applied(withoutTop, { kind: 'setExpectationsRow', roleKey: 'senior-pmo-analyst', levels: { planning: 3 } }).document;
    const lower = applied(applied(expectedLow, { kind: 'setExpectation', roleKey: 'pmo-manager', skillKey: 'planning', level: 3 }).document, { kind: 'setExpectation', roleKey: 'project-manager', skillKey: 'planning', level: 3 }).document;
    expect(roundTrip(lower, { kind: 'updateSkillCategory', key: 'delivery', scaleKey: null }).skillCategories[0]).not.toHaveProperty('scaleKey');
    expect(problems(doc, { kind: 'updateSkillCategory', key: 'delivery', scaleKey: 'nope' })).toEqual([{ path: 'scaleKey', message: 'unknown scale "nope"' }]);
  });
});
