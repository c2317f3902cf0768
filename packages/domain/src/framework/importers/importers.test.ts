import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { canonicalFrameworkDocument } from '../canonical.js';
import { validateFramework } from '../validate.js';
import { skillScales } from '../scales.js';
import { NO_SUMMARY, detectImportFormat, importFramework, parseCsv, spreadsheetTemplate, toCsv, type ImportFile, type ImportFormat } from './index.js';

const fixture = (name: string): ImportFile => ({ name, text: readFileSync(join(__dirname, 'fixtures', name), 'utf8') });
const messages = (notes: Array<{ where: string; message: string }>) => notes.map((n) => `${n.where}: ${n.message}`);

function imported(format: ImportFormat, files: ImportFile[]) {
  const result = importFramework({ format, files });
  if (!result.document) throw new Error(`did not import: ${JSON.stringify(result.problems)}`);
  return { ...result, document: result.document };
}

describe('FT job-family YAML', () => {
  const result = imported('ft-yaml', [fixture('ft-engineering.yml')]);
  const doc = result.document;
  const role = (title: string) => doc.roles.find((r) => r.title === title)!;

  it('makes themes skills with their summaries, on FT\'s proficiency scale, with no invented descriptors', () => {
    expect(doc.name).toBe('Engineering');
    expect(doc.description).toBe('Competencies for engineers in the technology department.');
    expect(doc.skills.map((s) => [s.name, s.description ?? null, s.levels])).toEqual([
      ['Communication', 'Listens, understands and explains in a way that suits the audience.', {}],
      ['Technical', 'Builds secure, reliable software and shares what they know.', {}],
      ['Mentoring', null, {}],
    ]);
    expect(doc.proficiencyScale.map((l) => l.name)).toEqual(['Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert']);
    expect(doc.proficiencyScale.every((l) => l.summary === NO_SUMMARY)).toBe(true);
    expect(messages(result.warnings)).toContain(
      'The proficiency scale: the file describes no level in general: each of the 5 levels (Awareness, Foundational, Working knowledge, Practitioner, Expert) is named but its summary says "No summary in the imported file."',
    );
  });

  it('makes levels roles, competencies expectations with role statements, examples kept as a list', () => {
    expect(role('Junior Engineer').expectations).toEqual({ communication: 1, technical: 2 });
    expect(role('Junior Engineer').expectationDetails!.technical!.statement).toBe(
      "1. Writes tested code following the team's conventions.\n\n2. Uses source control and the build pipeline day to day.",
    );
    expect(role('Engineer').expectationDetails!.communication!.statement).toBe(
      'Leads technical discussions and writes down decisions.\n\nExamples:\n- Writes a decision record after a design meeting',
    );
    expect(role('Engineer').expectations).toEqual({ communication: 2, technical: 3 });
    expect(role('Technology Director').expectations).toEqual({ communication: 5 });
  });

  it('leaves a competency without a proficiency without an expectation, and says so', () => {
    expect(role('Senior Engineer 1').expectations).toEqual({ technical: 3 });
    expect(messages(result.warnings)).toContain(
      `Role 'Senior Engineer 1': competency 'Mentoring' has no level; left without an expectation (its statement is not imported: "Pairs with newer engineers.")`,
    );
  });

  it('splits the ladder into the IC and manager paths, the first rungs shared by both', () => {
    expect(doc.tracks.map((t) => t.name)).toEqual(['Engineering: Individual Contributor', 'Engineering: People Manager']);
    const [ic, pm] = doc.tracks.map((t) => t.key);
    expect(doc.roles.map((r) => [r.title, r.trackKey, r.level, r.sharedWithTrackKeys ?? []])).toEqual([
      ['Junior Engineer', ic, 1, [pm]],
      ['Engineer', ic, 2, [pm]],
      ['Senior Engineer 1', ic, 3, [pm]],
      ['Senior Engineer 2 (Individual Contributor)', ic, 4, []],
      ['Senior Engineer 2 (People Manager)', pm, 4, []],
      ['Technology Director', pm, 5, []],
    ]);
    expect(doc.transitions.map((t) => `${t.fromRoleKey}>${t.toRoleKey}`)).toEqual([
      'junior-engineer>engineer',
      'engineer>senior-engineer-1',
      'senior-engineer-1>senior-engineer-2-individual-contributor',
      'senior-engineer-1>senior-engineer-2-people-manager',
      'senior-engineer-2-people-manager>technology-director',
    ]);
    expect(messages(result.warnings)).toEqual(
      expect.arrayContaining([
        "Role 'Technology Director': its name names no path: placed on the People Manager track, after the level before it",
        'Moves: the file names no moves between roles: assumed 5 promotions from each rung to the next, in the order listed, with no typical time',
        'ft-engineering.yml: left out "googleSheetId" (a link to FT\'s own spreadsheet)',
      ]),
    );
  });

  it('reports YAML it cannot read with its line, and a file that is not a job family', () => {
    const broken = importFramework({ format: 'ft-yaml', files: [{ name: 'eng.yml', text: 'name: Eng\nlevels:\n  - id: a\n    name: [unclosed\nthemes: []\n' }] });
    expect(broken.readable).toBe(false);
    expect(broken.problems[0]!.where).toMatch(/^eng\.yml, line \d+$/);
    expect(broken.problems[0]!.message).toMatch(/^not valid YAML: /);
    const other = importFramework({ format: 'ft-yaml', files: [{ name: 'x.yml', text: 'name: X\nlevels: []\n' }] });
    expect(messages(other.problems)).toEqual(['x.yml: not a job family: it has no list of themes, competencies']);
  });

  it('puts a proficiency FT does not use after Expert, and says so', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'ft-engineering.yml'), 'utf8').replace('proficiency: Expert', 'proficiency: Visionary');
    const odd = imported('ft-yaml', [{ name: 'eng.yml', text }]);
    expect(odd.document.proficiencyScale.map((l) => l.name).at(-1)).toBe('Visionary');
    expect(odd.document.roles.find((r) => r.title === 'Technology Director')!.expectations).toEqual({ communication: 6 });
    expect(messages(odd.warnings).some((m) => m.includes('"Visionary" is not one of FT\'s'))).toBe(true);
  });

  it('merges FT\'s levels file into the roles\' summaries, by id or name, and says what it could not place', () => {
    const merged = imported('ft-yaml', [fixture('ft-levels.yml'), fixture('ft-engineering.yml')]);
    const summaries = Object.fromEntries(merged.document.roles.map((r) => [r.title, r.summary]));
    expect(summaries).toEqual({
      'Junior Engineer': "Junior engineers learn the team's systems with support, and own small, well-defined pieces of work.",
      Engineer: NO_SUMMARY,
      'Senior Engineer 1': 'Senior 1 engineers improve the performance of those around them and need little oversight beyond high level direction.',
      // Both paths' Senior Engineer 2 take the level's summary.
      'Senior Engineer 2 (Individual Contributor)': 'Senior 2 engineers lead well beyond themselves and see ill-defined projects through.',
      'Senior Engineer 2 (People Manager)': 'Senior 2 engineers lead well beyond themselves and see ill-defined projects through.',
      'Technology Director': NO_SUMMARY,
    });
    expect(messages(merged.warnings)).toEqual(
      expect.arrayContaining([
        "ft-levels.yml, levels[3]: the level 'Principal Engineer' has no summary in the levels file (\"TODO\")",
        "ft-levels.yml, levels[4]: the level 'Staff Engineer' (staff) is not a level of this job family: its summary is not imported",
        `Roles: the file gives no summary for 'Engineer', 'Technology Director': each says "${NO_SUMMARY}"`,
      ]),
    );
    // The job family's own summary wins over the levels file's, said once.
    const own = fixture('ft-engineering.yml').text.replace('    name: Junior Engineer\n', '    name: Junior Engineer\n    summary: Our own words.\n');
    const kept = imported('ft-yaml', [{ name: 'eng.yml', text: own }, fixture('ft-levels.yml')]);
    expect(kept.document.roles[0]!.summary).toBe('Our own words.');
    expect(messages(kept.warnings)).toContain("ft-levels.yml, levels[0]: the job family gives 'Junior Engineer' a summary of its own: kept that one, this one is not imported");
  });

  it('refuses two files unless one is the job family and the other a levels file', () => {
    const two = importFramework({ format: 'ft-yaml', files: [fixture('ft-engineering.yml'), { ...fixture('ft-engineering.yml'), name: 'again.yml' }] });
    expect(two.readable).toBe(false);
    expect(messages(two.problems)[0]).toMatch(/^The files: with two files, one must be the job family/);
  });
});

describe('Monzo Markdown with YAML front matter', () => {
  const result = imported('monzo-markdown', [fixture('monzo-backend.md'), fixture('monzo-mobile.md')]);
  const doc = result.document;

  it('makes each file a track and a category, the Markdown body its description', () => {
    expect(doc.tracks.map((t) => [t.name, t.description])).toEqual([
      ['Backend Engineering', '### About this framework\nA compass, not a GPS: it helps engineers and managers plan careers.'],
      ['Mobile Engineering', 'Mobile engineers build the apps.'],
    ]);
    expect(doc.skillCategories.map((c) => c.name)).toEqual(['Backend Engineering', 'Mobile Engineering']);
    expect(messages(result.warnings)).toContain(`Track 'Backend Engineering': named from the title "🛠️ Backend Engineering Framework"`);
  });

  it('keeps criteria as lists and examples as examples, on a scale of the file\'s levels', () => {
    const communication = doc.skills.find((s) => s.name === 'Communication')!;
    expect(communication.levels).toEqual({
      '1': { criteria: ['Keeps their buddy up to date on progress', 'Writes pull request descriptions that give context'], examples: [] },
      '2': {
        criteria: ['Tells the team what they are working on and what help they need', 'Gives kind, actionable feedback in code reviews'],
        examples: ['Suggests an alternative and explains why'],
      },
      '3': { criteria: ['Explains technical trade-offs to people outside engineering'], examples: [] },
    });
    const scales = skillScales(doc);
    expect(scales.get(communication.key)!.levels.map((l) => l.name)).toEqual(['Level 1', 'Level 2', 'Level 3']);
    const mastery = doc.skills.find((s) => s.name === '🛠️ Mastery')!;
    expect(scales.get(mastery.key)!.levels.map((l) => l.name)).toEqual(['Level 1', 'Level 2']);
    expect(mastery.levels['2']).toEqual({
      criteria: ['Builds screens that follow the design system'],
      examples: ['A settings screen built from shared components', 'Dark mode support for a new screen'],
    });
  });

  it('leaves a level a topic says nothing about without a descriptor and without an expectation', () => {
    const leadership = doc.skills.find((s) => s.name === '👩‍💼 Leadership')!;
    expect(Object.keys(leadership.levels)).toEqual(['2', '3']);
    const level1 = doc.roles.find((r) => r.title === 'Backend Engineering, level 1')!;
    expect(level1.expectations).toEqual({ 'backend-engineering-communication': 1 });
    expect(doc.roles.find((r) => r.title === 'Backend Engineering, level 3')!.expectations).toEqual({
      'backend-engineering-communication': 3,
      'backend-engineering-leadership': 3,
    });
    expect(messages(result.warnings)).toContain(
      "Role 'Backend Engineering, level 1': topic '👩‍💼 Leadership' says nothing at level 1; left without an expectation",
    );
    expect(messages(result.warnings)).toContain(
      "Track 'Backend Engineering': examples are listed with their level's examples: which criterion each illustrates is not kept",
    );
  });

  it("keeps a sub-level's criteria at its level and says that sub-levels need a points rule", () => {
    const text = [
      '---',
      'title: "Data Framework"',
      'levels: 3',
      'subLevels: [A, B, C, D, E]',
      'topics:',
      '  - name: "impact"',
      '    content:',
      '      - level: 3',
      '        criteria: ["Owns a metric"]',
      '      - level: "3C"',
      '        criteria: ["Owns a team\'s metrics"]',
      '---',
    ].join('\n');
    const result = importFramework({ format: 'monzo-markdown', files: [{ name: 'data.md', text }] });
    expect(result.readable).toBe(true);
    const impact = result.document!.skills.find((s) => s.name === 'Impact')!;
    expect(impact.levels['3']!.criteria).toEqual(['Owns a metric', "Owns a team's metrics"]);
    expect(result.document!.levelling).toBeUndefined();
    const said = messages(result.warnings);
    expect(said).toContain(
      "data.md: left out the sub-levels A, B, C, D, E: Trellis works out a sub-level from a points levelling rule's thresholds, which a Monzo file does not give; add them in the editor's Levelling tab",
    );
    expect(said).toContain(
      `Skill 'Impact' (Data), level 3: criteria of sub-level "3C" are kept at level 3: Trellis describes levels, and places sub-levels in the points levelling rule`,
    );
    expect(said.filter((m) => m.includes('left out "subLevels"'))).toEqual([]);
  });

  it('reports a file without front matter, and front matter that is not YAML, with the line', () => {
    const result = importFramework({
      format: 'monzo-markdown',
      files: [
        { name: 'a.md', text: '# Just Markdown' },
        { name: 'b.md', text: '---\ntitle: B\ntopics:\n  - name: x\n   content: [\n---\n' },
      ],
    });
    expect(result.readable).toBe(false);
    expect(result.problems[0]).toMatchObject({ where: 'a.md, line 1', message: 'no YAML front matter: a Monzo framework file starts with a line "---"' });
    expect(result.problems[1]!.where).toMatch(/^b\.md, line [2-6]$/);
  });
});

describe('the spreadsheet layout (CSV)', () => {
  const result = imported('spreadsheet', [fixture('skills.csv'), fixture('roles.csv')]);
  const doc = result.document;

  it('reads each skill\'s scale from its level names, criteria and examples one per line', () => {
    const planning = doc.skills.find((s) => s.name === 'Planning')!;
    expect(skillScales(doc).get(planning.key)!.levels.map((l) => l.name)).toEqual(['Awareness', 'Practitioner', 'Expert']);
    expect(planning.description).toBe('Breaks work down and plans it.');
    expect(planning.levels).toEqual({
      '1': { summary: 'Plans own tasks.', criteria: ['Estimates own tasks', 'Asks for help early'], examples: ['Splits a story into tasks'] },
      '2': { criteria: ['Breaks down large plans', 'Tracks dependencies'], examples: [] },
    });
    const mentoring = doc.skills.find((s) => s.name === 'Mentoring')!;
    expect(skillScales(doc).get(mentoring.key)!.levels.map((l) => l.name)).toEqual(['Level 1', 'Level 2']);
    expect(doc.skillCategories.map((c) => c.name)).toEqual(['Delivery', 'People']);
  });

  it('reads roles, rungs, optional and weighted expectations and statements; names the cell of what it leaves out', () => {
    expect(doc.roles.map((r) => [r.title, r.level, r.summary, r.responsibilities, r.expectations, r.expectationDetails ?? null])).toEqual([
      ['Engineer', 1, 'Delivers well-defined work.', ['Delivers features', 'Reviews code'], { planning: 1, mentoring: 1 }, { mentoring: { optional: true } }],
      ['Senior Engineer 1', 2, 'Leads the delivery of projects.', [], { planning: 2 }, { planning: { weight: 2, statement: 'Plans projects across **two** teams.' } }],
      ['Staff Engineer', 3, NO_SUMMARY, [], { planning: 3 }, null],
    ]);
    expect(messages(result.warnings)).toEqual(
      expect.arrayContaining([
        "roles.csv, cell G5: role 'Senior Engineer 1': competency 'Mentoring' has no level; left without an expectation",
        "Role 'Staff Engineer': no rung given: put at rung 3 of its track, in the order listed",
      ]),
    );
  });

  it('tells which table is missing and where CSV is broken', () => {
    expect(messages(importFramework({ format: 'spreadsheet', files: [fixture('skills.csv')] }).problems)).toEqual([
      'The files: no table of roles: its header row needs the columns Track, Role, Skill and Expected level (see the template)',
    ]);
    const broken = importFramework({ format: 'spreadsheet', files: [{ name: 's.csv', text: 'Skill,Level\n"Planning,1\n' }, fixture('roles.csv')] });
    expect(messages(broken.problems)).toEqual(['s.csv, line 2: not valid CSV: a quoted field is never closed (a " is missing)']);
  });

  it('reads its own template back into a valid framework', () => {
    const template = spreadsheetTemplate();
    const back = imported('spreadsheet', [
      { name: 'Template.xlsx, sheet Skills', text: toCsv(template.skills) },
      { name: 'Template.xlsx, sheet Roles', text: toCsv(template.roles) },
    ]);
    expect(back.document.name).toBe('Template');
    expect(back.document.roles.map((r) => r.title)).toEqual(['Engineer', 'Senior Engineer']);
    expect(back.document.skills.find((s) => s.name === 'Planning')!.levels['3']).toBeUndefined();
  });
});

describe('CSV', () => {
  it('reads quotes, separators and line breaks in fields, and writes what it reads', () => {
    const rows = [['a', 'b, c', 'say "hi"'], ['line\nbreak', '', ' padded ']];
    const parsed = parseCsv(toCsv(rows));
    expect(parsed).toEqual({ ok: true, table: { rows, lines: [1, 2] } });
    expect(parseCsv('x;y\n1;2')).toEqual({ ok: true, table: { rows: [['x', 'y'], ['1', '2']], lines: [1, 2] } });
  });
  it('round-trips any table', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = parseCsv(toCsv(rows));
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.table.rows).toEqual(rows);
      }),
    );
  });
});

describe('detecting the format', () => {
  it('reads it from the names, else from the text', () => {
    expect(detectImportFormat([fixture('ft-engineering.yml')])).toBe('ft-yaml');
    expect(detectImportFormat([fixture('monzo-backend.md'), fixture('monzo-mobile.md')])).toBe('monzo-markdown');
    expect(detectImportFormat([fixture('skills.csv'), fixture('roles.csv')])).toBe('spreadsheet');
    expect(detectImportFormat([{ name: 'Book.xlsx, sheet Skills', text: '' }])).toBe('spreadsheet');
    expect(detectImportFormat([{ name: 'framework', text: ' {"key": 1}' }])).toBe('json');
    expect(detectImportFormat([fixture('skills.csv'), fixture('monzo-mobile.md')])).toBeNull();
  });
});

describe('the lossless JSON', () => {
  it('imports a document as it is, with its warnings located', () => {
    const text = JSON.stringify({ ...validateFrameworkFixture(), extra: 1 });
    const result = importFramework({ format: 'json', files: [{ name: 'f.json', text }] });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([{ path: '', where: 'The framework', message: 'dropped unknown field "extra"' }]);
  });
});

/** A converted framework exports and re-imports as JSON with no difference. */
describe('round trip through the lossless JSON', () => {
  it.each([
    ['ft-yaml', ['ft-engineering.yml']],
    ['monzo-markdown', ['monzo-backend.md', 'monzo-mobile.md']],
    ['spreadsheet', ['skills.csv', 'roles.csv']],
  ] as const)('%s', (format, names) => {
    const { document } = imported(format, names.map(fixture));
    const exported = JSON.stringify(canonicalFrameworkDocument(document));
    const again = importFramework({ format: 'json', files: [{ name: 'x.json', text: exported }] });
    expect(again.document).not.toBeNull();
    expect(canonicalFrameworkDocument(again.document!)).toEqual(canonicalFrameworkDocument(document));
  });
});

describe('on any input', () => {
  const formats: ImportFormat[] = ['json', 'ft-yaml', 'monzo-markdown', 'spreadsheet'];
  it('never throws, and says why whenever it imports nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.array(fc.record({ name: fc.string({ maxLength: 20 }), text: fc.oneof(fc.string(), fc.constantFrom(...fixtureTexts()).chain((t) => fc.nat(t.length).map((n) => t.slice(0, n)))) }), {
          minLength: 1,
          maxLength: 3,
        }),
        (format, files) => {
          const result = importFramework({ format, files });
          if (result.document === null) expect(result.problems.length).toBeGreaterThan(0);
          else expect(validateFramework(result.document).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

function fixtureTexts(): string[] {
  return ['ft-engineering.yml', 'monzo-backend.md', 'skills.csv', 'roles.csv'].map((name) => fixture(name).text);
}

function validateFrameworkFixture() {
  const { document } = imported('spreadsheet', [fixture('skills.csv'), fixture('roles.csv')]);
  return document;
}
