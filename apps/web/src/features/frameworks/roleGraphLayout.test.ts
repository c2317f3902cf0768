import { layoutRoleGraph, ROLE_NODE_HEIGHT, ROLE_NODE_WIDTH } from './roleGraphLayout';

describe('layoutRoleGraph', () => {
  const roles = [
    { id: 'admin', title: 'PMO Administrator', level: 1, trackId: 'pmo' },
    { id: 'analyst', title: 'PMO Analyst', level: 2, trackId: 'pmo' },
    { id: 'senior', title: 'Senior PMO Analyst', level: 3, trackId: 'pmo' },
    { id: 'ba', title: 'Business Analyst', level: 1, trackId: 'business' },
    { id: 'alone', title: 'Isolated role', level: 1, trackId: 'other' },
  ];
  const moves = [
    { id: 'm1', kind: 'PROMOTION' as const, fromId: 'admin', toId: 'analyst' },
    { id: 'm2', kind: 'PROMOTION' as const, fromId: 'analyst', toId: 'senior' },
    { id: 'm3', kind: 'LATERAL' as const, fromId: 'analyst', toId: 'ba' },
    { id: 'm4', kind: 'LATERAL' as const, fromId: 'ba', toId: 'ghost' }, // unknown role: ignored
  ];

  it('places every role, promotions climbing upwards, without overlaps', () => {
    const placed = layoutRoleGraph(roles, moves);
    expect(placed.map((p) => p.id)).toEqual(roles.map((r) => r.id));
    const y = Object.fromEntries(placed.map((p) => [p.id, p.y]));
    expect(y['analyst']).toBeLessThan(y['admin']!);
    expect(y['senior']).toBeLessThan(y['analyst']!);

    for (const a of placed) {
      for (const b of placed) {
        if (a === b) continue;
        const overlap =
          Math.abs(a.x - b.x) < ROLE_NODE_WIDTH && Math.abs(a.y - b.y) < ROLE_NODE_HEIGHT;
        expect(overlap).toBe(false);
      }
    }
  });
});
