import pg from 'pg';
import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/** People and teams from CSV: preview, all-or-nothing import, idempotence, export and back. */

const PREVIEW = `mutation($csv: String!) {
  previewPeopleImport(csv: $csv) {
    ok creates updates unchanged teamsToCreate
    problems { line column message }
    rows { line email name teamPath action }
  }
}`;
const IMPORT = 'mutation($csv: String!) { importPeople(csv: $csv) { created updated unchanged teamsCreated } }';

interface Preview {
  ok: boolean;
  creates: number;
  updates: number;
  unchanged: number;
  teamsToCreate: string[];
  problems: { line: number; column: string | null; message: string }[];
  rows: { line: number; email: string; name: string; teamPath: string | null; action: string }[];
}

interface PersonView {
  email: string;
  name: string;
  jobTitle: string | null;
  active: boolean;
  version: number;
  team: { path: string } | null;
  manager: { email: string } | null;
  currentRole: { key: string } | null;
}

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

const GOOD_CSV = csv(
  'email,name,team,manager_email,job_title,role',
  // Mia's manager, Noah, is only defined on the next line.
  'mia.reporter@demo.example,Mia Reporter,Delivery/PMO/Reporting,noah.lead@demo.example,Reporting Analyst,pmo-analyst',
  'Noah.Lead@Demo.example,Noah Lead,Delivery/PMO/Reporting,asha.patel@demo.example,Reporting Lead,',
  'olga.payroll@demo.example,Olga Payroll,Operations/Finance/Payroll,,,',
  // An existing person: a new job title, everything else as it is.
  'dan.kowalski@demo.example,Dan Kowalski,Delivery/PMO,ben.okafor@demo.example,Senior PMO Analyst,',
);

describe('importing people from CSV', () => {
  let t: TestApp;
  let admin: Client;

  const counts = async () => {
    const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ people: number; teams: number; versions: number }>(
        `SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM teams) AS teams,
                (SELECT sum(version)::int FROM people) AS versions`,
      );
      return rows[0]!;
    } finally {
      await client.end();
    }
  };
  const everyone = async (): Promise<PersonView[]> => {
    const result = await admin.graphql<{ people: PersonView[] }>(
      '{ people(includeLeft: true) { email name jobTitle active version team { path } manager { email } currentRole { key } } }',
    );
    expectNoErrors(result);
    return result.data!.people;
  };
  const teams = async () => {
    const result = await admin.graphql<{ teams: { id: string; name: string; path: string; parent: { id: string; path: string } | null }[] }>(
      '{ teams { id name path parent { id path } } }',
    );
    expectNoErrors(result);
    return result.data!.teams;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn(DEMO.admin);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every problem of a bad file with its line and column, and imports none of it', async () => {
    const bad = csv(
      'email,name,team,manager_email,job_title,role,shoe_size',
      'not-an-email,Bad Email,,,,,42',
      'twice@demo.example,Twice First,,,,,',
      'twice@demo.example,Twice Second,,,,,',
      'lonely@demo.example,Lonely,,nobody@nowhere.example,,,',
      'wizard@demo.example,Wizard,,,,grand-wizard,',
      // A good line in a bad file: its new team must not be created either.
      'fine@demo.example,Fine Person,Brand New Team/Sub Team,,,,',
    );
    const preview = await admin.graphql<{ previewPeopleImport: Preview }>(PREVIEW, { csv: bad });
    expectNoErrors(preview);
    const plan = preview.data!.previewPeopleImport;
    expect(plan.ok).toBe(false);
    const located = plan.problems.map(({ line, column }) => ({ line, column }));
    expect(located).toEqual(
      expect.arrayContaining([
        { line: 1, column: 'shoe_size' },
        { line: 2, column: 'email' },
        { line: 3, column: 'email' },
        { line: 5, column: 'manager_email' },
        { line: 6, column: 'role' },
      ]),
    );
    const messageAt = (line: number, column: string) => plan.problems.find((p) => p.line === line && p.column === column)!.message;
    expect(messageAt(1, 'shoe_size')).toMatch(/unknown column "shoe_size"/);
    expect(messageAt(2, 'email')).toMatch(/"not-an-email" is not an e-mail address/);
    expect(messageAt(3, 'email')).toMatch(/twice@demo.example appears again on line 4/);
    expect(messageAt(5, 'manager_email')).toMatch(/nobody@nowhere.example is neither in this file nor in the organisation/);
    expect(messageAt(6, 'role')).toMatch(/grand-wizard/);
    expect(plan.problems).toHaveLength(5);
    for (const problem of plan.problems) expect(problem.message.length).toBeGreaterThan(10);

    const before = await counts();
    const imported = await admin.graphql(IMPORT, { csv: bad });
    const error = theError(imported);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/5 problem\(s\); nothing was imported/);
    expect(error.extensions.problems).toEqual(plan.problems);
    expect(imported.data ?? null).toBeNull();
    expect(await counts()).toEqual(before);
    expect((await everyone()).map((p) => p.email)).not.toContain('fine@demo.example');
  });

  it('creates people and nested teams, sets managers defined later in the file, and keeps everyone else', async () => {
    const peopleBefore = await everyone();
    const teamsBefore = await teams();

    const preview = await admin.graphql<{ previewPeopleImport: Preview }>(PREVIEW, { csv: GOOD_CSV });
    expectNoErrors(preview);
    expect(preview.data!.previewPeopleImport).toMatchObject({
      ok: true,
      problems: [],
      creates: 3,
      updates: 1,
      unchanged: 0,
      teamsToCreate: ['Delivery/PMO/Reporting', 'Operations', 'Operations/Finance', 'Operations/Finance/Payroll'],
    });
    // A preview writes nothing.
    expect(await everyone()).toEqual(peopleBefore);

    const imported = await admin.graphql<{ importPeople: unknown }>(IMPORT, { csv: GOOD_CSV });
    expectNoErrors(imported);
    expect(imported.data!.importPeople).toEqual({ created: 3, updated: 1, unchanged: 0, teamsCreated: 4 });

    const people = await everyone();
    const person = (email: string) => people.find((p) => p.email === email)!;
    expect(person('mia.reporter@demo.example')).toMatchObject({
      name: 'Mia Reporter',
      jobTitle: 'Reporting Analyst',
      active: true,
      team: { path: 'Delivery/PMO/Reporting' },
      manager: { email: 'noah.lead@demo.example' },
      currentRole: { key: 'pmo-analyst' },
    });
    expect(person('noah.lead@demo.example')).toMatchObject({ name: 'Noah Lead', team: { path: 'Delivery/PMO/Reporting' }, manager: { email: DEMO.admin }, currentRole: null });
    expect(person('olga.payroll@demo.example')).toMatchObject({ team: { path: 'Operations/Finance/Payroll' }, manager: null, jobTitle: null });
    const dan = peopleBefore.find((p) => p.email === DEMO.employee)!;
    expect(person(DEMO.employee)).toEqual({ ...dan, jobTitle: 'Senior PMO Analyst', version: dan.version + 1 });

    // Nobody absent from the file was removed or changed.
    for (const before of peopleBefore.filter((p) => p.email !== DEMO.employee)) expect(person(before.email)).toEqual(before);
    expect(people).toHaveLength(peopleBefore.length + 3);

    // New teams hang under the existing ones: no second Delivery or Delivery/PMO.
    const teamsAfter = await teams();
    expect(teamsAfter).toHaveLength(teamsBefore.length + 4);
    const byPath = new Map(teamsAfter.map((team) => [team.path, team]));
    expect(teamsAfter.filter((team) => team.name === 'Delivery')).toHaveLength(1);
    expect(byPath.get('Delivery/PMO/Reporting')!.parent).toEqual({ id: teamsBefore.find((team) => team.path === 'Delivery/PMO')!.id, path: 'Delivery/PMO' });
    expect(byPath.get('Operations/Finance/Payroll')!.parent!.path).toBe('Operations/Finance');
    expect(byPath.get('Operations/Finance')!.parent!.path).toBe('Operations');
    expect(byPath.get('Operations')!.parent).toBeNull();
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts();
    const people = await everyone();
    const preview = await admin.graphql<{ previewPeopleImport: Preview }>(PREVIEW, { csv: GOOD_CSV });
    expect(preview.data!.previewPeopleImport).toMatchObject({ ok: true, creates: 0, updates: 0, unchanged: 4, teamsToCreate: [] });
    expect(preview.data!.previewPeopleImport.rows.map((row) => row.action)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED']);

    const again = await admin.graphql<{ importPeople: unknown }>(IMPORT, { csv: GOOD_CSV });
    expectNoErrors(again);
    expect(again.data!.importPeople).toEqual({ created: 0, updated: 0, unchanged: 4, teamsCreated: 0 });
    expect(await counts()).toEqual(before);
    expect(await everyone()).toEqual(people);
  });

  it('reads back its own export as all unchanged', async () => {
    const exported = await admin.graphql<{ peopleCsv: string }>('{ peopleCsv }');
    expectNoErrors(exported);
    const file = exported.data!.peopleCsv;
    expect(file.split('\n')[0]).toBe('email,name,team,manager_email,job_title,role');
    const active = (await everyone()).filter((p) => p.active);
    expect(file.trim().split('\n')).toHaveLength(active.length + 1);
    expect(file).toContain('mia.reporter@demo.example,Mia Reporter,Delivery/PMO/Reporting,noah.lead@demo.example,Reporting Analyst,pmo-analyst');

    const before = await counts();
    const people = await everyone();
    const imported = await admin.graphql<{ importPeople: unknown }>(IMPORT, { csv: file });
    expectNoErrors(imported);
    expect(imported.data!.importPeople).toEqual({ created: 0, updated: 0, unchanged: active.length, teamsCreated: 0 });
    expect(await counts()).toEqual(before);
    expect(await everyone()).toEqual(people);
  });

  it('records each import in the audit log, by whom', async () => {
    const events = await admin.graphql<{ auditEvents: { action: string; summary: string; actor: { email: string } }[] }>(
      '{ auditEvents(limit: 50) { action summary actor { email } } }',
    );
    const imports = events.data!.auditEvents.filter((event) => event.action === 'people.imported');
    // The good file twice and the export once; the refused file left no trace.
    expect(imports).toHaveLength(3);
    expect(imports.every((event) => event.actor.email === DEMO.admin)).toBe(true);
    expect(imports.at(-1)!.summary).toMatch(/3 created, 1 updated, 0 unchanged, 4 teams created/);
  });

  describe('the file as spreadsheets write it', () => {
    it('reads semicolons and tabs, and names the separator when it is the problem', async () => {
      const semicolons = csv('Email;Name;Job title', 'semi.colon@demo.example;Semi Colon;"Analyst; reporting"');
      const preview = await admin.graphql<{ previewPeopleImport: Preview }>(PREVIEW, { csv: semicolons });
      expectNoErrors(preview);
      expect(preview.data!.previewPeopleImport).toMatchObject({ ok: true, creates: 1 });

      const tabs = csv('email\tname', 'tab.person@demo.example\tTab Person');
      expect((await admin.graphql<{ previewPeopleImport: Preview }>(PREVIEW, { csv: tabs })).data!.previewPeopleImport).toMatchObject({ ok: true, creates: 1 });

      const bars = csv('email|name', 'bar.person@demo.example|Bar Person');
      const refused = (await admin.graphql<{ previewPeopleImport: Preview }>(PREVIEW, { csv: bars })).data!.previewPeopleImport;
      expect(refused.ok).toBe(false);
      expect(refused.problems).toEqual([{ line: 1, column: null, message: expect.stringMatching(/separated by vertical bars/) as unknown }]);
    });

    it('offers a template naming the teams and role titles, which imports as it is (its notes skipped)', async () => {
      const template = await admin.graphql<{ peopleCsvTemplate: string }>('{ peopleCsvTemplate }');
      expectNoErrors(template);
      const file = template.data!.peopleCsvTemplate;
      expect(file.split('\n')[0]).toBe('email,name,team,manager_email,job_title,role');
      expect(file).toContain('Delivery/PMO/Reporting');
      expect(file).toMatch(/# role: one of these role titles: .*PMO Analyst/);
      expect(file).toContain(`${DEMO.admin},Asha Patel`);
      const preview = await admin.graphql<{ previewPeopleImport: Preview }>(PREVIEW, { csv: file });
      expectNoErrors(preview);
      expect(preview.data!.previewPeopleImport).toMatchObject({ ok: true, creates: 0, problems: [] });
      expect(preview.data!.previewPeopleImport.rows.map((row) => row.email)).toEqual([DEMO.admin]);
    });

    it('suggests a role by its title', async () => {
      const typo = csv('email,name,role', 'typo.role@demo.example,Typo Role,pmo-analist');
      const preview = (await admin.graphql<{ previewPeopleImport: Preview }>(PREVIEW, { csv: typo })).data!.previewPeopleImport;
      expect(preview.problems[0]!.message).toMatch(/did you mean "PMO Analyst"\?/);
    });
  });
});
