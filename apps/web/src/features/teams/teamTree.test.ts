import { buildTeamTree, teamIds } from './teamTree';

const team = (id: string, name: string, parentId: string | null = null) => ({ id, name, parentId });

describe('buildTeamTree', () => {
  it('nests teams under their parents, sorted by name at every level', () => {
    const tree = buildTeamTree([
      team('pmo', 'PMO', 'delivery'),
      team('ops', 'Operations'),
      team('delivery', 'Delivery'),
      team('change', 'Change control', 'pmo'),
      team('assurance', 'Assurance', 'pmo'),
    ]);
    expect(tree.map((n) => n.team.name)).toEqual(['Delivery', 'Operations']);
    const pmo = tree[0]!.children[0]!;
    expect(pmo.team.name).toBe('PMO');
    expect(pmo.depth).toBe(1);
    expect(pmo.children.map((n) => [n.team.name, n.depth])).toEqual([
      ['Assurance', 2],
      ['Change control', 2],
    ]);
    expect(teamIds(tree)).toEqual(['delivery', 'pmo', 'assurance', 'change', 'ops']);
  });

  it('shows a team with an unknown parent, and a loop of parents, at the top level, each team once', () => {
    const tree = buildTeamTree([team('orphan', 'Orphan', 'gone'), team('a', 'A', 'b'), team('b', 'B', 'a')]);
    const ids = teamIds(tree);
    expect(ids.sort()).toEqual(['a', 'b', 'orphan']);
    expect(tree.map((n) => n.team.name)).toContain('Orphan');
  });
});
