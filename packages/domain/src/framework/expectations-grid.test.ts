import type { FrameworkDocument } from './document.js';
import { applyExpectationsGrid, expectationsGridRecords, spreadsheetColumn, type GridProblem } from './expectations-grid.js';
import { pmoFramework } from './pmo-framework.js';
import { smallFramework } from './test-fixtures.js';

function problemsOf(document: FrameworkDocument, records: string[][]): GridProblem[] {
  const result = applyExpectationsGrid(document, records);
  if (result.ok) throw new Error('expected the grid to be rejected');
  return result.problems;
}

describe('expectations grid', () => {
  it('writes a header and one row per role', () => {
    expect(expectationsGridRecords(smallFramework())).toEqual([
      ['role', 'title', 'planning', 'risk-management', 'mentoring'],
      ['pmo-analyst', 'PMO Analyst', '1', '1', ''],
      ['senior-pmo-analyst', 'Senior PMO Analyst', '2', '2', '1'],
      ['pmo-manager', 'PMO Manager', '3', '3', '2'],
      ['project-manager', 'Project Manager', '3', '2', ''],
    ]);
  });

  it('reads its own output back to the same framework (the PMO framework too)', () => {
    for (const document of [smallFramework(), structuredClone(pmoFramework)]) {
      const result = applyExpectationsGrid(document, expectationsGridRecords(document));
      expect(result).toEqual({ ok: true, document });
    }
  });

  it('guards titles a spreadsheet would run as formulas', () => {
    const doc = smallFramework();
    doc.roles[0]!.title = '=HYPERLINK("x")';
    expect(expectationsGridRecords(doc)[1]?.[1]).toBe('\'=HYPERLINK("x")');
  });

  it('changes only the listed roles and skill columns; empty cells remove, level names are understood', () => {
    const result = applyExpectationsGrid(smallFramework(), [
      ['role', 'mentoring', 'planning'],
      ['pmo-analyst', 'competent', ''],
      ['', '', ''],
      ['project-manager', ' 2 ', '1'],
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.document.roles.map((role) => [role.key, role.expectations])).toEqual([
      ['pmo-analyst', { 'risk-management': 1, mentoring: 3 }],
      ['senior-pmo-analyst', { planning: 2, 'risk-management': 2, mentoring: 1 }],
      ['pmo-manager', { planning: 3, 'risk-management': 3, mentoring: 2 }],
      ['project-manager', { planning: 1, 'risk-management': 2, mentoring: 2 }],
    ]);
  });

  it('reports every problem with its line and column, and returns no document', () => {
    expect(
      problemsOf(smallFramework(), [
        ['role', 'title', 'planning', 'budgeting', 'planning'],
        ['pmo-analyst', 'PMO Analyst', '7', '', ''],
        ['ghost', '', '1', '', ''],
        ['pmo-analyst', '', '1', '', ''],
        ['', 'Nobody', '1', '', ''],
        ['pmo-manager', '', 'lots', '', ''],
        ['project-manager', '', '0', '', ''],
      ]),
    ).toEqual([
      { line: 1, column: 'D', message: 'unknown skill "budgeting"' },
      { line: 1, column: 'E', message: 'column "planning" appears twice (also column C)' },
      { line: 2, column: 'C', message: "planning: level 7 is above the scale's maximum 3" },
      { line: 3, column: 'A', message: 'unknown role "ghost"' },
      { line: 4, column: 'A', message: 'role "pmo-analyst" appears twice (also line 2)' },
      { line: 5, column: 'A', message: 'the role key is empty' },
      { line: 6, column: 'C', message: 'planning: "lots" is not a level: use a number from 1 to 3 or a level name' },
      { line: 7, column: 'C', message: "planning: level 0 is below the scale's minimum 1" },
    ]);
  });

  it('needs a header with a role column', () => {
    expect(problemsOf(smallFramework(), [])).toEqual([
      { line: 1, column: null, message: 'the header row is missing: it needs a "role" column and one column per skill key' },
    ]);
    expect(problemsOf(smallFramework(), [['title', 'planning'], ['PMO Analyst', '1']])).toEqual([
      { line: 1, column: null, message: 'the header has no "role" column' },
    ]);
  });

  it('names spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(spreadsheetColumn)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
