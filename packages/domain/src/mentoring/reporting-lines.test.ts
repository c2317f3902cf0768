import { reportingLines } from './reporting-lines.js';

describe('reportingLines', () => {
  // ceo → cto → lead → dev-1, dev-2; dev-1 → intern; ceo → cfo
  const lines = reportingLines([
    { personId: 'ceo', managerId: null },
    { personId: 'cto', managerId: 'ceo' },
    { personId: 'cfo', managerId: 'ceo' },
    { personId: 'lead', managerId: 'cto' },
    { personId: 'dev-2', managerId: 'lead' },
    { personId: 'dev-1', managerId: 'lead' },
    { personId: 'intern', managerId: 'dev-1' },
  ]);

  it('walks the manager chain up, nearest first', () => {
    expect(lines.chainUp('intern')).toEqual(['dev-1', 'lead', 'cto', 'ceo']);
    expect(lines.chainUp('ceo')).toEqual([]);
    expect(lines.chainUp('stranger')).toEqual([]);
  });

  it('finds every report down, layer by layer', () => {
    expect(lines.reportsDown('cto')).toEqual(['lead', 'dev-1', 'dev-2', 'intern']);
    expect(lines.reportsDown('intern')).toEqual([]);
  });

  it('says whether two people share a reporting line', () => {
    expect(lines.inLine('intern', 'ceo')).toBe(true);
    expect(lines.inLine('ceo', 'intern')).toBe(true);
    expect(lines.inLine('lead', 'lead')).toBe(true);
    expect(lines.inLine('dev-1', 'dev-2')).toBe(false); // peers
    expect(lines.inLine('cfo', 'intern')).toBe(false); // another branch
    expect(lines.inLine('stranger', 'ceo')).toBe(false);
  });

  it('survives a loop of managers in bad data', () => {
    const looped = reportingLines([
      { personId: 'a', managerId: 'b' },
      { personId: 'b', managerId: 'c' },
      { personId: 'c', managerId: 'a' },
      { personId: 'd', managerId: null },
    ]);
    expect(looped.chainUp('a')).toEqual(['b', 'c']);
    expect(looped.reportsDown('a')).toEqual(['c', 'b']);
    expect(looped.inLine('a', 'c')).toBe(true);
    expect(looped.inLine('a', 'd')).toBe(false);
  });

  it('keeps the first entry of a person listed twice', () => {
    const twice = reportingLines([
      { personId: 'a', managerId: 'b' },
      { personId: 'a', managerId: 'c' },
    ]);
    expect(twice.chainUp('a')).toEqual(['b']);
    expect(twice.reportsDown('c')).toEqual([]);
  });
});
