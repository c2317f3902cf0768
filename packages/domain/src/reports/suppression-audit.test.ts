import { determines, smallDeterminedGroup } from './suppression-audit.js';
import { seeded } from './test-fixtures.js';

describe('the exact check of a block', () => {
  it('finds a small group that only several figures together give away', () => {
    // Atoms: x (1 person), y (1), z (6), w (6). Shown: x+z, y+w, z+w. None alone is small, but
    // (x+z) + (y+w) − (z+w) = x + y: 2 people.
    const people = [1, 1, 6, 6];
    const rows = [
      [0, 2],
      [1, 3],
      [2, 3],
    ];
    expect(smallDeterminedGroup(people, rows, 3, seeded(1))?.sort()).toEqual([0, 1]);
    expect(determines(people, rows, [0, 1], seeded(2))).toBe(true);
    // Without z+w, x+y cannot be worked out.
    expect(smallDeterminedGroup(people, rows.slice(0, 2), 3, seeded(3))).toBeNull();
    expect(determines(people, rows.slice(0, 2), [0, 1], seeded(4))).toBe(false);
  });

  it('ignores groups of k or more, and atoms no figure tells apart', () => {
    // x and y always appear together: their sum (2 people) is never separable from z.
    const people = [1, 1, 6];
    expect(smallDeterminedGroup(people, [[0, 1, 2]], 3, seeded(5))).toBeNull();
    // A single atom of 1 shown on its own.
    expect(smallDeterminedGroup(people, [[0, 1, 2], [2]], 3, seeded(6))?.sort()).toEqual([0, 1]);
    expect(smallDeterminedGroup([5, 5], [[0], [1]], 3, seeded(7))).toBeNull();
    expect(smallDeterminedGroup([1, 2], [], 3, seeded(8))).toBeNull();
  });
});
