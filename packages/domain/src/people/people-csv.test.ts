import {
  PEOPLE_CSV_COLUMNS,
  guardSpreadsheetCell,
  peopleCsvColumnOf,
  peopleCsvRecords,
  unguardSpreadsheetCell,
} from './people-csv.js';
import type { ExistingPerson } from './people-import.js';

const people: ExistingPerson[] = [
  {
    id: '2',
    email: 'Zoe@Example.com',
    name: 'Zoe',
    jobTitle: null,
    teamPath: null,
    managerEmail: 'ANN@example.com',
    roleId: 'r1',
    active: true,
  },
  {
    id: '1',
    email: 'ann@example.com',
    name: 'Ann',
    jobTitle: 'PMO Lead',
    teamPath: 'Delivery/PMO',
    managerEmail: null,
    roleId: 'r-gone',
    active: true,
  },
  { id: '3', email: 'old@example.com', name: 'Old', jobTitle: null, teamPath: null, managerEmail: null, roleId: null, active: false },
];

describe('peopleCsvRecords', () => {
  it('writes the header, then active people by e-mail, with role keys and empty cells for absent values', () => {
    expect(peopleCsvRecords(people, [{ id: 'r1', key: 'pmo-analyst' }])).toEqual([
      ['email', 'name', 'team', 'manager_email', 'job_title', 'role'],
      ['ann@example.com', 'Ann', 'Delivery/PMO', '', 'PMO Lead', ''],
      ['zoe@example.com', 'Zoe', '', 'ann@example.com', '', 'pmo-analyst'],
    ]);
  });

  it('includes inactive people when asked', () => {
    expect(peopleCsvRecords(people, [], { includeInactive: true }).map((r) => r[0])).toEqual([
      'email',
      'ann@example.com',
      'old@example.com',
      'zoe@example.com',
    ]);
  });

  it('guards formula-like cells unless told not to', () => {
    const risky: ExistingPerson = { ...people[0]!, name: '=HYPERLINK("x")', jobTitle: '@lead', teamPath: '-Ops' };
    expect(peopleCsvRecords([risky], [])[1]).toEqual(['zoe@example.com', `'=HYPERLINK("x")`, "'-Ops", 'ann@example.com', "'@lead", '']);
    expect(peopleCsvRecords([risky], [], { guardFormulas: false })[1]?.[1]).toBe('=HYPERLINK("x")');
  });

  it('writes an empty file as just the header', () => {
    expect(peopleCsvRecords([], [])).toEqual([[...PEOPLE_CSV_COLUMNS]]);
  });
});

describe('spreadsheet cells and column names', () => {
  it('guards and unguards formula-like text', () => {
    for (const text of ['=1+1', '+44 20', '-x', '@me', '\tx']) {
      expect(guardSpreadsheetCell(text)).toBe(`'${text}`);
      expect(unguardSpreadsheetCell(guardSpreadsheetCell(text))).toBe(text);
    }
    expect(guardSpreadsheetCell('Ann')).toBe('Ann');
    expect(unguardSpreadsheetCell("'Ann")).toBe("'Ann");
  });

  it('reads header cells leniently', () => {
    expect(peopleCsvColumnOf(' Manager  Email ')).toBe('manager_email');
    expect(peopleCsvColumnOf('Job-Title')).toBe('job_title');
    expect(peopleCsvColumnOf('Department')).toBe('department');
  });
});
