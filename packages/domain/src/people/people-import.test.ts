import { peopleCsvRecords } from './people-csv.js';
import {
  planPeopleImport,
  type ExistingPerson,
  type ImportRole,
  type PeopleImportContext,
  type PeopleImportInput,
} from './people-import.js';

/** Records as csv-parse gives them with `columns: true`: the header is line 1, cells keyed by header cell. */
function csv(lines: string[][]): PeopleImportInput {
  const [header = [], ...rows] = lines;
  return {
    header,
    rows: rows.map((cells, i) => ({
      line: i + 2,
      values: Object.fromEntries(header.map((column, j) => [column, cells[j] ?? ''])),
    })),
  };
}

const HEADER = ['email', 'name', 'team', 'manager_email', 'job_title', 'role'];

const roles: ImportRole[] = [
  { id: 'r-analyst', key: 'pmo-analyst', title: 'PMO Analyst' },
  { id: 'r-senior', key: 'senior-pmo-analyst', title: 'Senior PMO Analyst' },
  { id: 'r-pm', key: 'project-manager', title: 'Project Manager' },
];

function person(overrides: Partial<ExistingPerson> & Pick<ExistingPerson, 'id' | 'email' | 'name'>): ExistingPerson {
  return { jobTitle: null, teamPath: null, managerEmail: null, roleId: null, active: true, ...overrides };
}

function context(overrides: Partial<PeopleImportContext> = {}): PeopleImportContext {
  return {
    existingPeople: [
      person({ id: 'p-ann', email: 'ann@example.com', name: 'Ann Archer', teamPath: 'Delivery/PMO', roleId: 'r-senior', jobTitle: 'PMO Lead' }),
      person({
        id: 'p-bob',
        email: 'Bob@Example.com',
        name: 'Bob Baker',
        teamPath: 'Delivery/PMO',
        managerEmail: 'ann@example.com',
        roleId: 'r-analyst',
        jobTitle: 'Analyst',
      }),
      person({ id: 'p-cat', email: 'cat@example.com', name: 'Cat Cole', active: false }),
    ],
    roles,
    existingTeamPaths: ['Delivery', 'Delivery/PMO', 'Technology'],
    ...overrides,
  };
}

const plan = (lines: string[][], ctx: PeopleImportContext = context()) => planPeopleImport(csv(lines), ctx);

describe('planPeopleImport: the header', () => {
  it('reads column names case-insensitively, trimmed, with spaces or hyphens for "_", in any order', () => {
    const result = plan([
      [' Role', 'NAME ', 'Email', 'Manager Email', 'job-title', 'Team'],
      ['pmo-analyst', 'Dan Dale', 'dan@example.com', 'ann@example.com', 'Analyst', 'Delivery'],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        email: 'dan@example.com',
        name: 'Dan Dale',
        jobTitle: 'Analyst',
        teamPath: 'Delivery',
        managerEmail: 'ann@example.com',
        roleId: 'r-analyst',
        action: 'create',
        existingPersonId: null,
      },
    ]);
  });

  it('reports an unknown column on line 1, in that column, and still checks the rows', () => {
    const result = plan([
      ['email', 'name', 'Department'],
      ['dan@example', 'Dan', 'Finance'],
    ]);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { line: 1, column: 'Department', message: 'unknown column "Department" (the columns are email, name, team, manager_email, job_title, role)' },
      { line: 2, column: 'email', message: '"dan@example" is not an e-mail address' },
    ]);
  });

  it('reports each missing required column on line 1 and checks no rows', () => {
    const result = plan([['Team', 'role'], ['Delivery', 'pmo-analyst']]);
    expect(result.problems).toEqual([
      { line: 1, column: 'email', message: 'the required column "email" is missing' },
      { line: 1, column: 'name', message: 'the required column "name" is missing' },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('reports a column that appears twice', () => {
    const result = plan([['email', 'name', 'E-mail', 'Name'], ['dan@example.com', 'Dan', '', '']]);
    expect(result.problems).toEqual([
      // "E-mail" reads as "e_mail", which is not a column.
      { line: 1, column: 'E-mail', message: 'unknown column "E-mail" (the columns are email, name, team, manager_email, job_title, role)' },
      { line: 1, column: 'Name', message: 'column "name" appears more than once' },
    ]);
    const other = plan([['email', 'name', 'EMAIL'], ['dan@example.com', 'Dan', 'x']]);
    expect(other.problems).toEqual([{ line: 1, column: 'EMAIL', message: 'column "email" appears more than once' }]);
  });

  it('ignores a column without a name unless it holds values', () => {
    expect(plan([['email', 'name', ''], ['dan@example.com', 'Dan', ' ']]).ok).toBe(true);
    expect(plan([['email', 'name', ''], ['dan@example.com', 'Dan', 'x']]).problems).toEqual([
      { line: 1, column: null, message: 'column 3 has values but no name in the header' },
    ]);
  });

  it('reports an empty file and a file with no people', () => {
    expect(plan([])).toMatchObject({
      ok: false,
      problems: [{ line: 1, column: null, message: 'the file is empty: it needs a header row naming the columns' }],
      rows: [],
    });
    const onlyHeader = plan([HEADER]);
    expect(onlyHeader.ok).toBe(false);
    expect(onlyHeader.problems).toEqual([{ line: 1, column: null, message: 'the file has no people in it, only a header row' }]);
    // Blank rows (as spreadsheets leave them) do not count as people.
    expect(plan([HEADER, ['', '', '', '', '', ''], [' ', '', '', '', '', '']]).problems).toEqual(onlyHeader.problems);
  });

  it('skips blank rows and keeps the line numbers of the others', () => {
    const result = plan([['email', 'name'], ['', ''], ['dan@example.com', 'Dan']]);
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });
});

describe('planPeopleImport: problems in a row', () => {
  const one = (cells: Partial<Record<(typeof HEADER)[number], string>>, ctx?: PeopleImportContext) =>
    plan([HEADER, HEADER.map((column) => cells[column] ?? '')], ctx);

  it('reports an empty e-mail and one that is not an e-mail address', () => {
    expect(one({ name: 'Jo' }).problems).toEqual([{ line: 2, column: 'email', message: 'email is empty' }]);
    expect(one({ email: ' jo@example ', name: 'Jo' }).problems).toEqual([
      { line: 2, column: 'email', message: '"jo@example" is not an e-mail address' },
    ]);
  });

  it('reports a repeated e-mail (case-insensitively) on its first line, and plans neither row', () => {
    const result = plan([
      ['email', 'name'],
      ['jo@example.com', 'Jo'],
      ['dan@example.com', 'Dan'],
      ['JO@example.com ', 'Joanna'],
      ['jo@example.com', 'Jo again'],
    ]);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { line: 2, column: 'email', message: 'jo@example.com appears again on line 4' },
      { line: 2, column: 'email', message: 'jo@example.com appears again on line 5' },
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });

  it('reports an empty name and a name longer than 200 characters', () => {
    expect(one({ email: 'jo@example.com', name: '  ' }).problems).toEqual([{ line: 2, column: 'name', message: 'name is empty' }]);
    expect(one({ email: 'jo@example.com', name: 'x'.repeat(201) }).problems).toEqual([
      { line: 2, column: 'name', message: 'name is longer than 200 characters' },
    ]);
    expect(one({ email: 'jo@example.com', name: 'x'.repeat(200) }).ok).toBe(true);
  });

  it('reports a team path with an empty part', () => {
    expect(one({ email: 'jo@example.com', name: 'Jo', team: 'Delivery//PMO' }).problems).toEqual([
      { line: 2, column: 'team', message: 'team path "Delivery//PMO" has an empty part' },
    ]);
    expect(one({ email: 'jo@example.com', name: 'Jo', team: 'Delivery/' }).problems[0]?.message).toBe(
      'team path "Delivery/" has an empty part',
    );
  });

  it('reports a manager e-mail that is not an e-mail address', () => {
    expect(one({ email: 'jo@example.com', name: 'Jo', manager_email: 'ann' }).problems).toEqual([
      { line: 2, column: 'manager_email', message: '"ann" is not an e-mail address' },
    ]);
  });

  it('reports a person who would manage themselves', () => {
    expect(one({ email: 'jo@example.com', name: 'Jo', manager_email: 'JO@example.com' }).problems).toEqual([
      { line: 2, column: 'manager_email', message: 'a person cannot manage themselves' },
    ]);
  });

  it('reports a manager who is neither in the file nor in the organisation', () => {
    expect(one({ email: 'jo@example.com', name: 'Jo', manager_email: 'zed@example.com' }).problems).toEqual([
      { line: 2, column: 'manager_email', message: 'manager zed@example.com is neither in this file nor in the organisation' },
    ]);
  });

  it('accepts a manager found only later in the file, or only in the organisation (any case)', () => {
    const result = plan([
      ['email', 'name', 'manager_email'],
      ['jo@example.com', 'Jo', 'dan@example.com'],
      ['dan@example.com', 'Dan', 'BOB@example.com'],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.managerEmail)).toEqual(['dan@example.com', 'bob@example.com']);
  });

  it('does not let someone who is no longer active become a manager, but lets them stay one', () => {
    expect(one({ email: 'jo@example.com', name: 'Jo', manager_email: 'cat@example.com' }).problems).toEqual([
      { line: 2, column: 'manager_email', message: 'manager cat@example.com is no longer active in the organisation' },
    ]);
    const ctx = context();
    const bob = ctx.existingPeople.find((p) => p.id === 'p-bob')!;
    bob.managerEmail = 'Cat@example.com';
    expect(
      one({ email: 'bob@example.com', name: 'Bob Baker', manager_email: 'cat@example.com' }, ctx).rows[0]?.action,
    ).toBe('unchanged');
  });

  it('reports a job title longer than 200 characters', () => {
    expect(one({ email: 'jo@example.com', name: 'Jo', job_title: 'y'.repeat(201) }).problems).toEqual([
      { line: 2, column: 'job_title', message: 'job title is longer than 200 characters' },
    ]);
  });

  it('matches a role by key or by title, case-insensitively', () => {
    const roleOf = (role: string) => one({ email: 'jo@example.com', name: 'Jo', role }).rows[0]?.roleId;
    expect(roleOf('pmo-analyst')).toBe('r-analyst');
    expect(roleOf('PMO-ANALYST')).toBe('r-analyst');
    expect(roleOf('senior pmo analyst')).toBe('r-senior');
    expect(roleOf('  Project   Manager ')).toBe('r-pm');
  });

  it('reports an unknown role, suggesting the closest one', () => {
    expect(one({ email: 'jo@example.com', name: 'Jo', role: 'PMO Analyts' }).problems).toEqual([
      { line: 2, column: 'role', message: 'no role "PMO Analyts" in the framework (did you mean "PMO Analyst"?)' },
    ]);
    expect(one({ email: 'jo@example.com', name: 'Jo', role: 'project-manger' }).problems[0]?.message).toBe(
      'no role "project-manger" in the framework (did you mean "Project Manager"?)',
    );
    expect(one({ email: 'jo@example.com', name: 'Jo', role: 'Chief Executive' }).problems).toEqual([
      { line: 2, column: 'role', message: 'no role "Chief Executive" in the framework' },
    ]);
    expect(one({ email: 'jo@example.com', name: 'Jo', role: 'pmo-analyst' }, context({ roles: [] })).problems[0]?.message).toBe(
      'no role "pmo-analyst" in the framework',
    );
  });

  it('names the renamed role by its title, not its key, when the old title is typed', () => {
    const renamed = context({ roles: [{ id: 'r-analyst', key: 'pmo-analyst', title: 'Delivery Analyst' }, ...roles.slice(1)] });
    expect(one({ email: 'jo@example.com', name: 'Jo', role: 'PMO Analyst' }, renamed).problems[0]?.message).toBe(
      'no role "PMO Analyst" in the framework (did you mean "Delivery Analyst"?)',
    );
  });

  it('reports a title shared by several roles, unless it is also a key', () => {
    const ctx = context({
      roles: [
        { id: 'a', key: 'delivery-lead', title: 'Lead' },
        { id: 'b', key: 'pmo-lead', title: 'Lead' },
        { id: 'c', key: 'lead', title: 'Team Lead' },
      ],
    });
    expect(one({ email: 'jo@example.com', name: 'Jo', role: 'Lead' }, ctx).rows[0]?.roleId).toBe('c');
    ctx.roles = ctx.roles.slice(0, 2);
    expect(one({ email: 'jo@example.com', name: 'Jo', role: 'lead' }, ctx).problems).toEqual([
      { line: 2, column: 'role', message: 'role "lead" could be any of delivery-lead, pmo-lead; use the role key' },
    ]);
  });

  it('removes the apostrophe that guards a formula-like cell', () => {
    const result = one({ email: 'jo@example.com', name: "'=Jo", job_title: "'-Analyst", team: "'+Ops" });
    expect(result.rows[0]).toMatchObject({ name: '=Jo', jobTitle: '-Analyst', teamPath: '+Ops' });
    expect(one({ email: 'jo@example.com', name: "'Jo'" }).rows[0]?.name).toBe("'Jo'");
  });
});

describe('planPeopleImport: loops of managers', () => {
  it('reports a loop within the file once, on the first line of the loop', () => {
    const result = plan([
      ['email', 'name', 'manager_email'],
      ['x@example.com', 'X', ''],
      ['a@x.com', 'A', 'b@x.com'],
      ['b@x.com', 'B', 'a@x.com'],
    ]);
    expect(result.problems).toEqual([{ line: 3, column: 'manager_email', message: 'managers form a loop: a@x.com → b@x.com → a@x.com' }]);
    expect(result.rows.map((r) => r.line)).toEqual([2]);
  });

  it('finds a loop through existing people, using their current managers unless the file replaces them', () => {
    // Bob is managed by Ann today; making Ann report to Bob closes a loop.
    const result = plan([['email', 'name', 'manager_email'], ['ann@example.com', 'Ann Archer', 'bob@example.com']]);
    expect(result.problems).toEqual([
      { line: 2, column: 'manager_email', message: 'managers form a loop: ann@example.com → bob@example.com → ann@example.com' },
    ]);
    // ...unless the same file gives Bob another manager.
    const fixed = plan([
      ['email', 'name', 'manager_email'],
      ['ann@example.com', 'Ann Archer', 'bob@example.com'],
      ['bob@example.com', 'Bob Baker', 'dan@example.com'],
      ['dan@example.com', 'Dan', ''],
    ]);
    expect(fixed.problems).toEqual([]);
  });

  it('finds a loop closed by a row whose manager cell is empty (the current manager stays)', () => {
    const result = plan([
      ['email', 'name', 'manager_email'],
      ['dan@example.com', 'Dan', 'bob@example.com'],
      ['ann@example.com', 'Ann Archer', 'dan@example.com'],
      ['bob@example.com', 'Bob Baker', ''],
    ]);
    expect(result.problems).toEqual([
      {
        line: 2,
        column: 'manager_email',
        message: 'managers form a loop: dan@example.com → bob@example.com → ann@example.com → dan@example.com',
      },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('does not report a loop among existing people that the file does not touch', () => {
    const ctx = context({
      existingPeople: [
        person({ id: '1', email: 'p@x.com', name: 'P', managerEmail: 'q@x.com' }),
        person({ id: '2', email: 'q@x.com', name: 'Q', managerEmail: 'p@x.com' }),
      ],
    });
    expect(plan([['email', 'name', 'manager_email'], ['r@x.com', 'R', 'p@x.com']], ctx).problems).toEqual([]);
  });
});

describe('planPeopleImport: the upsert', () => {
  it('creates, updates or leaves people unchanged, matching existing people by e-mail in any case', () => {
    const result = plan([
      HEADER,
      ['ANN@example.com', 'Ann Archer', 'Delivery/PMO', '', 'PMO Lead', 'senior-pmo-analyst'],
      ['bob@example.com', 'Robert Baker', '', '', '', ''],
      ['dan@example.com', 'Dan Dale', '', '', '', ''],
    ]);
    expect(result).toMatchObject({ ok: true, creates: 1, updates: 1, unchanged: 1 });
    expect(result.rows.map((r) => [r.email, r.action, r.existingPersonId])).toEqual([
      ['ann@example.com', 'unchanged', 'p-ann'],
      ['bob@example.com', 'update', 'p-bob'],
      ['dan@example.com', 'create', null],
    ]);
  });

  it('leaves an existing person\'s values as they are where the cell is empty, and uses null for a new person', () => {
    const result = plan([
      HEADER,
      ['bob@example.com', 'Bob Baker', '', '', '', 'project-manager'],
      ['dan@example.com', 'Dan Dale', '', '', '', ''],
    ]);
    expect(result.rows).toEqual([
      {
        line: 2,
        email: 'bob@example.com',
        name: 'Bob Baker',
        jobTitle: 'Analyst',
        teamPath: 'Delivery/PMO',
        managerEmail: 'ann@example.com',
        roleId: 'r-pm',
        action: 'update',
        existingPersonId: 'p-bob',
      },
      {
        line: 3,
        email: 'dan@example.com',
        name: 'Dan Dale',
        jobTitle: null,
        teamPath: null,
        managerEmail: null,
        roleId: null,
        action: 'create',
        existingPersonId: null,
      },
    ]);
  });

  it('is an update when any single value changes', () => {
    const bob = (cells: string[]) => plan([HEADER, ['bob@example.com', ...cells]]).rows[0]?.action;
    expect(bob(['Bob Baker', '', '', '', ''])).toBe('unchanged');
    expect(bob(['Bob Baker', 'Delivery/PMO', 'ann@example.com', 'Analyst', 'PMO Analyst'])).toBe('unchanged');
    expect(bob(['Bob B.', '', '', '', ''])).toBe('update');
    expect(bob(['Bob Baker', 'Technology', '', '', ''])).toBe('update');
    expect(bob(['Bob Baker', '', 'dan@example.com', '', ''])).toBeUndefined(); // unknown manager
    expect(bob(['Bob Baker', '', 'cat@example.com', '', ''])).toBeUndefined(); // inactive manager
    expect(plan([HEADER, ['bob@example.com', 'Bob Baker', '', 'zed@example.com', '', ''], ['zed@example.com', 'Zed', '', '', '', '']]).rows[0]?.action).toBe('update');
    expect(bob(['Bob Baker', '', '', 'Senior analyst', ''])).toBe('update');
    expect(bob(['Bob Baker', '', '', '', 'senior-pmo-analyst'])).toBe('update');
  });

  it('never lists people who are not in the file', () => {
    const result = plan([['email', 'name'], ['dan@example.com', 'Dan']]);
    expect(result.rows.map((r) => r.email)).toEqual(['dan@example.com']);
    expect(result).toMatchObject({ creates: 1, updates: 0, unchanged: 0 });
  });

  it('matches teams case-insensitively, keeping the existing spelling, and lists new teams with their parents', () => {
    const result = plan([
      ['email', 'name', 'team'],
      ['a@x.com', 'A', ' delivery / pmo '],
      ['b@x.com', 'B', 'Technology/Platform/Data'],
      ['c@x.com', 'C', 'technology/platform'],
      ['d@x.com', 'D', 'Finance'],
      ['e@x.com', 'E', 'Delivery/Change'],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.teamPath)).toEqual([
      'Delivery/PMO',
      'Technology/Platform/Data',
      'Technology/Platform',
      'Finance',
      'Delivery/Change',
    ]);
    expect(result.teamsToCreate).toEqual(['Delivery/Change', 'Finance', 'Technology/Platform', 'Technology/Platform/Data']);
  });

  it('lists every missing parent of a new team', () => {
    expect(plan([['email', 'name', 'team'], ['a@x.com', 'A', 'Ops/Support/Level 1']], context({ existingTeamPaths: [] })).teamsToCreate).toEqual([
      'Ops',
      'Ops/Support',
      'Ops/Support/Level 1',
    ]);
    // An existing path implies its parents.
    expect(plan([['email', 'name', 'team'], ['a@x.com', 'A', 'Ops']], context({ existingTeamPaths: ['Ops/Support'] })).teamsToCreate).toEqual([]);
  });

  it('is not ok, and sorts problems by line then column, whenever anything is wrong', () => {
    const result = plan([
      HEADER,
      ['dan@example.com', 'Dan', '', '', '', 'nope'],
      ['bad', '', 'A//B', '', '', ''],
      ['eve@example.com', 'Eve', '', '', '', ''],
    ]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'role'],
      [3, 'email'],
      [3, 'name'],
      [3, 'team'],
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([4]);
    expect(result).toMatchObject({ creates: 1, updates: 0, unchanged: 0 });
  });
});

describe('export then import', () => {
  it('plans every exported person as unchanged', () => {
    const base = context();
    const ctx = context({
      existingPeople: [
        ...base.existingPeople,
        // Formula-like text and CSV punctuation, an inactive manager, and a role not in the framework.
        person({ id: 'p-eve', email: 'eve@example.com', name: '=Eve "Quoted", Esq.', jobTitle: '+1 analyst', teamPath: 'Technology', managerEmail: 'Cat@Example.com' }),
        person({ id: 'p-fay', email: 'fay@example.com', name: 'Fay', roleId: 'r-retired' }),
      ],
    });
    const records = peopleCsvRecords(ctx.existingPeople, ctx.roles);
    const result = planPeopleImport(csv(records), ctx);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.email, r.action])).toEqual([
      ['ann@example.com', 'unchanged'],
      ['bob@example.com', 'unchanged'],
      ['eve@example.com', 'unchanged'],
      ['fay@example.com', 'unchanged'],
    ]);
    expect(result).toMatchObject({ ok: true, creates: 0, updates: 0, unchanged: 4, teamsToCreate: [] });

    const withInactive = planPeopleImport(csv(peopleCsvRecords(ctx.existingPeople, ctx.roles, { includeInactive: true })), ctx);
    expect(withInactive).toMatchObject({ ok: true, unchanged: 5 });
  });
});
