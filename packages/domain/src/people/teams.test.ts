import {
  buildTeamTree,
  formatTeamPath,
  parseTeamPath,
  teamNameProblem,
  teamPathOf,
  teamPaths,
  type TeamLike,
  type TeamTreeNode,
} from './teams.js';

const team = (id: string, name: string, parentId: string | null = null): TeamLike => ({ id, name, parentId });

/** A tree as nested [path, children] pairs, easy to compare. */
const shape = (nodes: TeamTreeNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.path, shape(n.children)] : n.path));

describe('parseTeamPath', () => {
  it('splits on "/" and trims each name', () => {
    expect(parseTeamPath(' Delivery / PMO ')).toEqual(['Delivery', 'PMO']);
    expect(parseTeamPath('Delivery')).toEqual(['Delivery']);
    expect(formatTeamPath(['Delivery', 'PMO'])).toBe('Delivery/PMO');
  });

  it('reports an empty path, an empty part and a name that is too long', () => {
    expect(parseTeamPath('  ')).toEqual({ problem: 'team path is empty' });
    expect(parseTeamPath('Delivery//PMO')).toEqual({ problem: 'team path "Delivery//PMO" has an empty part' });
    expect(parseTeamPath('/Delivery')).toEqual({ problem: 'team path "/Delivery" has an empty part' });
    expect(parseTeamPath('Delivery/ /PMO')).toEqual({ problem: 'team path "Delivery/ /PMO" has an empty part' });
    expect(parseTeamPath(`A/${'b'.repeat(101)}`)).toEqual({
      problem: `team path "A/${'b'.repeat(101)}" has a name longer than 100 characters`,
    });
    expect(parseTeamPath(`A/${'b'.repeat(100)}`)).toHaveLength(2);
  });
});

describe('teamNameProblem', () => {
  it('rejects empty names, names with "/" and long names', () => {
    expect(teamNameProblem('PMO')).toBeNull();
    expect(teamNameProblem(' ')).toBe('team name is empty');
    expect(teamNameProblem('PMO/Ops')).toBe('team name "PMO/Ops" must not contain "/"');
    expect(teamNameProblem('x'.repeat(101))).toBe('team name is longer than 100 characters');
  });
});

describe('teamPathOf and teamPaths', () => {
  const teams = [team('d', 'Delivery'), team('p', 'PMO', 'd'), team('r', 'Reporting', 'p'), team('t', 'Technology')];

  it('joins the names from the top', () => {
    expect(teamPathOf('r', teams)).toBe('Delivery/PMO/Reporting');
    expect(teamPathOf('t', teams)).toBe('Technology');
    expect(teamPaths(teams)).toEqual(
      new Map([
        ['d', 'Delivery'],
        ['p', 'Delivery/PMO'],
        ['r', 'Delivery/PMO/Reporting'],
        ['t', 'Technology'],
      ]),
    );
  });

  it('is null for an unknown team, a missing parent or a loop, without hanging', () => {
    expect(teamPathOf('x', teams)).toBeNull();
    expect(teamPathOf('o', [...teams, team('o', 'Orphan', 'gone')])).toBeNull();
    const loop = [team('a', 'A', 'b'), team('b', 'B', 'a'), team('c', 'C', 'a'), team('s', 'Self', 's')];
    expect(teamPathOf('c', loop)).toBeNull();
    expect(teamPathOf('s', loop)).toBeNull();
    expect(teamPaths([...loop, ...teams]).has('c')).toBe(false);
    expect(teamPaths([...loop, ...teams]).get('r')).toBe('Delivery/PMO/Reporting');
  });
});

describe('buildTeamTree', () => {
  it('nests teams under their parents, sorted by name at every level', () => {
    const tree = buildTeamTree([
      team('t', 'technology'),
      team('p', 'PMO', 'd'),
      team('c', 'Change', 'd'),
      team('d', 'Delivery'),
      team('r', 'Reporting', 'p'),
      team('a', 'Assurance', 'p'),
    ]);
    expect(tree.problems).toEqual([]);
    expect(shape(tree.roots)).toEqual([
      ['Delivery', ['Delivery/Change', ['Delivery/PMO', ['Delivery/PMO/Assurance', 'Delivery/PMO/Reporting']]]],
      'technology',
    ]);
    expect(tree.roots[0]?.children[1]?.children[0]).toMatchObject({ depth: 2, team: { id: 'a' } });
  });

  it('shows a team whose parent is missing at the top level', () => {
    const tree = buildTeamTree([team('o', 'Orphan', 'gone'), team('k', 'Kid', 'o')]);
    expect(shape(tree.roots)).toEqual([['Orphan', ['Orphan/Kid']]]);
    expect(tree.problems).toEqual([
      { kind: 'missing-parent', teamId: 'o', message: 'team "Orphan" has a parent that does not exist; it is shown at the top level' },
    ]);
  });

  it('breaks a loop of parents at the first name, keeping every team, without hanging', () => {
    const tree = buildTeamTree([team('b', 'Beta', 'c'), team('c', 'Gamma', 'a'), team('a', 'Alpha', 'b'), team('x', 'Leaf', 'c'), team('s', 'Self', 's')]);
    // Alpha's parent is Beta, Beta's is Gamma, Gamma's is Alpha: with Alpha at the top, Gamma is under it.
    expect(shape(tree.roots)).toEqual([['Alpha', [['Alpha/Gamma', ['Alpha/Gamma/Beta', 'Alpha/Gamma/Leaf']]]], 'Self']);
    expect(tree.problems).toEqual([
      {
        kind: 'loop',
        teamId: 'a',
        message: 'teams form a loop of parents (each followed by its parent): Alpha → Beta → Gamma → Alpha; "Alpha" is shown at the top level',
      },
      { kind: 'loop', teamId: 's', message: 'teams form a loop of parents (each followed by its parent): Self → Self; "Self" is shown at the top level' },
    ]);
  });

  it('reports two teams with the same name under one parent', () => {
    const tree = buildTeamTree([team('d', 'Delivery'), team('p1', 'PMO', 'd'), team('p2', 'pmo', 'd'), team('x', 'PMO')]);
    expect(tree.problems).toEqual([{ kind: 'duplicate-name', teamId: 'p2', message: 'two teams in "Delivery" are called "pmo"' }]);
    expect(shape(tree.roots)).toEqual([['Delivery', ['Delivery/PMO', 'Delivery/pmo']], 'PMO']);
  });

  it('keeps extra fields of the teams and handles no teams', () => {
    const tree = buildTeamTree([{ ...team('d', 'Delivery'), memberCount: 4 }]);
    expect(tree.roots[0]?.team.memberCount).toBe(4);
    expect(buildTeamTree([])).toEqual({ roots: [], problems: [] });
  });

  it('handles a long chain', () => {
    const chain = Array.from({ length: 2000 }, (_, i) => team(`t${i}`, `T${i}`, i === 0 ? null : `t${i - 1}`));
    let node = buildTeamTree(chain).roots[0];
    let depth = 0;
    while (node?.children[0]) {
      node = node.children[0];
      depth++;
    }
    expect(depth).toBe(1999);
    expect(teamPathOf('t1999', chain)?.split('/')).toHaveLength(2000);
  });
});
