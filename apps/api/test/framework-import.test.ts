import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, pmoFramework } from '@trellis/domain';
import writeExcelFile from 'write-excel-file/node';
import { DomainWorkerPool } from '../src/workers/domain-worker-pool.js';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/** Importing from the formats people keep (issue 12, point 8): preview without writing, then create or replace a draft. */
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/domain/src/framework/importers/fixtures');
const file = (name: string) => ({ name, text: readFileSync(path.join(fixtures, name), 'utf8') });

const PREVIEW = `query($input: FrameworkImportInput!) {
  frameworkImportPreview(input: $input) {
    format detectedFormat name categoryCount skillCount trackCount roleCount expectationCount canImport
    tracks { name roleCount }
    skills { name category levels { level name hasDescriptor } }
    warnings { where message }
    problems { where message }
  }
}`;
const CREATE = `mutation($input: FrameworkImportInput!) {
  createFrameworkFromImport(input: $input) { id key name importWarnings { where message }
    draft { revision roles { title trackKey level sharedWithTrackKeys expectations { skillKey level optional weight statement } } tracks { key name } } }
}`;
const REPLACE = `mutation($id: ID!, $revision: Int!, $input: FrameworkImportInput!) {
  importIntoFrameworkDraft(frameworkId: $id, expectedRevision: $revision, input: $input) { revision name importWarnings { where message } skills { name } }
}`;

interface Preview {
  format: string;
  detectedFormat: string | null;
  name: string;
  skillCount: number;
  trackCount: number;
  roleCount: number;
  expectationCount: number;
  canImport: boolean;
  tracks: { name: string; roleCount: number }[];
  skills: { name: string; category: string; levels: { level: number; name: string; hasDescriptor: boolean }[] }[];
  warnings: { where: string; message: string }[];
  problems: { where: string; message: string }[];
}

describe('framework import', () => {
  let t: TestApp;
  let admin: Client;
  let employee: Client;
  const frameworkCount = async () => (await admin.graphql<{ frameworks: unknown[] }>('{ frameworks { id } }')).data!.frameworks.length;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn(DEMO.admin);
    employee = await t.signIn(DEMO.employee);
  });
  afterAll(async () => {
    await t.close();
  });

  it('previews a set of Monzo files without writing anything: counts, each skill\'s scale, the warnings', async () => {
    const before = await frameworkCount();
    const result = await admin.graphql<{ frameworkImportPreview: Preview }>(PREVIEW, { input: { files: [file('monzo-backend.md'), file('monzo-mobile.md')] } });
    expectNoErrors(result);
    const preview = result.data!.frameworkImportPreview;
    expect(preview).toMatchObject({ format: 'MONZO_MARKDOWN', detectedFormat: 'MONZO_MARKDOWN', skillCount: 3, trackCount: 2, roleCount: 5, canImport: true, problems: [] });
    expect(preview.tracks).toEqual([
      { name: 'Backend Engineering', roleCount: 3 },
      { name: 'Mobile Engineering', roleCount: 2 },
    ]);
    expect(preview.skills.find((s) => s.name === '👩‍💼 Leadership')!.levels).toEqual([
      { level: 1, name: 'Level 1', hasDescriptor: false },
      { level: 2, name: 'Level 2', hasDescriptor: true },
      { level: 3, name: 'Level 3', hasDescriptor: true },
    ]);
    expect(preview.warnings).toContainEqual({
      where: "Role 'Backend Engineering, level 1'",
      message: "topic '👩‍💼 Leadership' says nothing at level 1; left without an expectation",
    });
    expect(await frameworkCount()).toBe(before);
  });

  it('lists what stops an import in the preview, and refuses to import it', async () => {
    const [first, ...rest] = pmoFramework.roles;
    const broken = { ...pmoFramework, roles: [{ ...first!, expectations: { ...first!.expectations, 'no-such-skill': 2 } }, ...rest] };
    const bad = [{ name: 'pmo.json', text: JSON.stringify(broken) }];
    const preview = await admin.graphql<{ frameworkImportPreview: Preview }>(PREVIEW, { input: { files: bad } });
    expectNoErrors(preview);
    expect(preview.data!.frameworkImportPreview.canImport).toBe(false);
    expect(preview.data!.frameworkImportPreview.format).toBe('JSON');
    expect(preview.data!.frameworkImportPreview.problems).toEqual([expect.objectContaining({ where: expect.stringContaining(first!.title) as string })]);
    const before = await frameworkCount();
    const refused = theError(await admin.graphql(CREATE, { input: { files: bad } }));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toMatch(/^The framework was not imported: .*no-such-skill/);
    expect(await frameworkCount()).toBe(before);
  });

  it('says where files cannot be read (file and line, sheet and cell), never INTERNAL', async () => {
    const yaml = theError(await admin.graphql(PREVIEW, { input: { format: 'FT_YAML', files: [{ name: 'eng.yml', text: 'name: Eng\nlevels:\n  - id: a\n    name: [oops\nthemes: []\n' }] } }));
    expect(yaml.code).toBe('BAD_USER_INPUT');
    expect(yaml.message).toMatch(/^The files could not be read as an FT job family \(YAML\): eng\.yml, line \d+: not valid YAML: /);
    const csv = theError(await admin.graphql(PREVIEW, { input: { format: 'SPREADSHEET', files: [{ name: 'Book.xlsx, sheet Skills', text: 'Skill,Level\n"Planning,1\n' }, file('roles.csv')] } }));
    expect(csv.message).toBe('The files could not be read as a spreadsheet: Book.xlsx, sheet Skills, line 2: not valid CSV: a quoted field is never closed (a " is missing).');
    const none = theError(await admin.graphql(PREVIEW, { input: { format: 'MONZO_MARKDOWN', files: [{ name: 'notes.md', text: '# Notes' }] } }));
    expect(none.message).toContain('notes.md, line 1: no YAML front matter');
  });

  /** The spreadsheet fixtures as a real .xlsx workbook (sheets Skills and Roles), as a person saves one from Excel. */
  const workbook = async () => {
    const sheet = (name: string) => {
      const parsed = parseCsv(file(name).text);
      if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
      return parsed.table.rows.map((row) => row.map((value) => ({ value })));
    };
    const bytes = await writeExcelFile([
      { data: sheet('skills.csv'), sheet: 'Skills' },
      { data: sheet('roles.csv'), sheet: 'Roles' },
    ]).toBuffer();
    return Buffer.from(bytes);
  };

  it('reads an .xlsx workbook sent in base64 in a worker thread, as it reads the same tables as CSV', async () => {
    const bytes = await workbook();
    const pool = t.app.get(DomainWorkerPool);
    const before = pool.stats().completed;
    const fromXlsx = await admin.graphql<{ frameworkImportPreview: Preview }>(PREVIEW, { input: { files: [], workbooks: [{ name: 'ladder.xlsx', base64: bytes.toString('base64') }] } });
    expectNoErrors(fromXlsx);
    expect(pool.stats().completed).toBeGreaterThan(before);
    const fromCsv = await admin.graphql<{ frameworkImportPreview: Preview }>(PREVIEW, { input: { files: [file('skills.csv'), file('roles.csv')] } });
    expectNoErrors(fromCsv);
    const xlsx = fromXlsx.data!.frameworkImportPreview;
    const csv = fromCsv.data!.frameworkImportPreview;
    expect(xlsx.format).toBe('SPREADSHEET');
    expect(xlsx.canImport).toBe(true);
    // The same framework, named after the workbook (CSV files give no name).
    expect(xlsx.name).toBe('ladder');
    expect({ ...xlsx, name: '', warnings: [] }).toEqual({ ...csv, name: '', warnings: [] });
    // Messages name the workbook's sheet where the CSV import names the file.
    expect(xlsx.warnings.map((w) => w.where.replace('ladder.xlsx, sheet Roles', 'roles.csv').replace('ladder.xlsx, sheet Skills', 'skills.csv'))).toEqual(csv.warnings.map((w) => w.where));
    expect(xlsx.warnings.some((w) => w.where.startsWith('ladder.xlsx, sheet Roles'))).toBe(true);

    const created = await admin.graphql<{ createFrameworkFromImport: { name: string; draft: { roles: unknown[] } } }>(CREATE, {
      input: { files: [], workbooks: [{ name: 'ladder.xlsx', base64: bytes.toString('base64') }], name: 'Ladder from Excel' },
    });
    expectNoErrors(created);
    expect(created.data!.createFrameworkFromImport.name).toBe('Ladder from Excel');
    expect(created.data!.createFrameworkFromImport.draft.roles.length).toBe(csv.roleCount);
  });

  it('refuses a workbook that is corrupt, not an .xlsx, not base64 or too large, saying which', async () => {
    const preview = (base64: string) => admin.graphql(PREVIEW, { input: { files: [], workbooks: [{ name: 'ladder.xlsx', base64 }] } });
    const bytes = await workbook();
    const notZip = theError(await preview(Buffer.from('Skill,Level\nPlanning,1\n').toString('base64')));
    expect(notZip.code).toBe('BAD_USER_INPUT');
    expect(notZip.message).toBe('ladder.xlsx could not be read as an Excel workbook: it is not an .xlsx workbook (not a zip file).');
    expect(notZip.extensions?.reason).toBe('NOT_XLSX');
    // An Excel 97 file starts with the compound document signature.
    const xls = theError(await preview(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]).toString('base64')));
    expect(xls.message).toBe('ladder.xlsx could not be read as an Excel workbook: it is an old Excel (.xls) file: save it as .xlsx.');
    // A zip whose entries are cut short (the central directory survives, the data does not).
    const corrupt = Buffer.from(bytes);
    corrupt.fill(0x41, 40, Math.min(corrupt.length - 400, 2000));
    const broken = theError(await preview(corrupt.toString('base64')));
    expect(broken.code).toBe('BAD_USER_INPUT');
    expect(broken.message).toMatch(/^ladder\.xlsx could not be read as an Excel workbook: it is not a readable \.xlsx workbook \(/);
    expect(fieldErrors(await preview('not base64!'))).toEqual({ 'workbooks[0].base64': 'Send the .xlsx file’s bytes in base64 (A–Z, a–z, 0–9, + and /, no line breaks).' });
    expect(fieldErrors(await preview('A'.repeat(6_666_672)))).toEqual({ 'workbooks[0].base64': 'The workbook is too large: at most 5 MB.' });
    expect(fieldErrors(await admin.graphql(PREVIEW, { input: { files: [] } }))).toEqual({ files: 'Choose a file to import.' });
  });

  it('enforces the size limits before reading', async () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ name: `f${i}.md`, text: '---\n---\n' }));
    expect(fieldErrors(await admin.graphql(PREVIEW, { input: { files: many } }))).toEqual({ files: 'Import at most 30 files at once.' });
    const big = Array.from({ length: 2 }, (_, i) => ({ name: `big${i}.csv`, text: 'x'.repeat(2_600_000) }));
    expect(fieldErrors(await admin.graphql(PREVIEW, { input: { files: big } }))).toEqual({ files: 'The files are too large: at most 5,000,000 characters in all.' });
  });

  it('creates a framework from an FT job family: shared first rungs, role statements, the warnings applied', async () => {
    const result = await admin.graphql<{
      createFrameworkFromImport: {
        id: string;
        key: string;
        name: string;
        importWarnings: { where: string; message: string }[];
        draft: { revision: number; tracks: { key: string; name: string }[]; roles: { title: string; trackKey: string; level: number; sharedWithTrackKeys: string[]; expectations: { skillKey: string; level: number; statement: string | null }[] }[] };
      };
    }>(CREATE, { input: { files: [file('ft-engineering.yml')] } });
    expectNoErrors(result);
    const created = result.data!.createFrameworkFromImport;
    expect(created.name).toBe('Engineering');
    expect(created.draft.revision).toBe(0);
    const junior = created.draft.roles.find((r) => r.title === 'Junior Engineer')!;
    expect(junior.sharedWithTrackKeys).toEqual(['engineering-people-manager']);
    expect(junior.expectations.find((e) => e.skillKey === 'communication')).toMatchObject({ level: 1, statement: 'Explains their own work clearly in team meetings.' });
    expect(created.importWarnings).toContainEqual({
      where: "Role 'Senior Engineer 1'",
      message: `competency 'Mentoring' has no level; left without an expectation (its statement is not imported: "Pairs with newer engineers.")`,
    });
    const audit = await admin.graphql<{ auditEvents: { summary: string }[] }>('{ auditEvents(limit: 5) { summary } }');
    expectNoErrors(audit);
    expect(audit.data!.auditEvents.map((e) => e.summary)).toContain('Created the framework Engineering from an FT job family (YAML) (ft-engineering.yml)');
  });

  it('replaces a draft with an import, refusing a stale revision', async () => {
    const list = await admin.graphql<{ frameworks: { id: string; key: string }[] }>('{ frameworks { id key } }');
    const pmoId = list.data!.frameworks.find((f) => f.key === pmoFramework.key)!.id;
    const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: pmoId });
    expectNoErrors(started);
    const revision = started.data!.startFrameworkDraft.revision;
    const files = [file('skills.csv'), file('roles.csv')];
    const done = await admin.graphql<{ importIntoFrameworkDraft: { revision: number; skills: { name: string }[]; importWarnings: { where: string; message: string }[] } }>(REPLACE, {
      id: pmoId,
      revision,
      input: { format: 'SPREADSHEET', files },
    });
    expectNoErrors(done);
    expect(done.data!.importIntoFrameworkDraft.revision).toBe(revision + 1);
    expect(done.data!.importIntoFrameworkDraft.skills.map((s) => s.name)).toEqual(['Planning', 'Mentoring']);
    expect(done.data!.importIntoFrameworkDraft.importWarnings).toContainEqual({ where: 'The framework', message: `kept the framework's key "${pmoFramework.key}" instead of "imported-framework"` });
    const stale = theError(await admin.graphql(REPLACE, { id: pmoId, revision, input: { format: 'SPREADSHEET', files } }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('is for admins only', async () => {
    expect(theError(await employee.graphql(PREVIEW, { input: { files: [file('ft-engineering.yml')] } })).code).toBe('FORBIDDEN');
    expect(theError(await employee.graphql(CREATE, { input: { files: [file('ft-engineering.yml')] } })).code).toBe('FORBIDDEN');
  });
});
