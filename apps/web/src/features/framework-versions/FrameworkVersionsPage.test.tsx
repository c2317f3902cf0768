import { configure, screen, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { renderRoute } from '../../test/render';
import { adminViewer, apiError } from '../../test/session';
import { ImportExpectationsCsvMutation, ImportFrameworkDocumentMutation, StartFrameworkDraftMutation } from './DraftTools';
import { FrameworkDocumentExportQuery } from './ExportButtons';
import { FrameworkVersionDiffQuery, FrameworkVersionsQuery } from './FrameworkVersionsPage';
import { FrameworkPublishPreviewQuery, PublishFrameworkDraftMutation } from './PublishPanel';

const FRAMEWORK = 'fw-pmo';

const item = (key: string, label: string, fields: Array<[string, string, string | null, string | null]> = [], previousLabel: string | null = null) => ({
  __typename: 'DiffItem' as const,
  key,
  label,
  previousLabel,
  fields: fields.map(([field, fieldLabel, before, after]) => ({ __typename: 'FieldChange' as const, field, label: fieldLabel, before, after })),
});

const KINDS = [
  ['FRAMEWORK', 'Framework'],
  ['PROFICIENCY_LEVEL', 'Proficiency scale'],
  ['SKILL_CATEGORY', 'Skill categories'],
  ['SKILL', 'Skills'],
  ['TRACK', 'Tracks'],
  ['ROLE', 'Roles'],
  ['EXPECTATION', 'Expectations'],
  ['TRANSITION', 'Transitions'],
  ['QUALIFICATION', 'Qualifications'],
] as const;

type Item = ReturnType<typeof item>;
type Changes = Partial<Record<(typeof KINDS)[number][0], Partial<Record<'added' | 'removed' | 'renamed' | 'changed', Item[]>>>>;

function diff(fromLabel: string, toLabel: string, changes: Changes) {
  const sections = KINDS.map(([kind, title]) => ({
    __typename: 'DiffSection' as const,
    kind,
    title,
    added: changes[kind]?.added ?? [],
    removed: changes[kind]?.removed ?? [],
    renamed: changes[kind]?.renamed ?? [],
    changed: changes[kind]?.changed ?? [],
  }));
  const changeCount = sections.reduce((sum, s) => sum + s.added.length + s.removed.length + s.renamed.length + s.changed.length, 0);
  return { __typename: 'FrameworkDiff' as const, fromLabel, toLabel, changeCount, sections };
}

const draftDiff = diff('Version 1', 'Draft', {
  ROLE: { renamed: [item('pmo-analyst', 'Reporting Analyst', [], 'PMO Analyst')], removed: [item('business-analyst', 'Business Analyst')] },
  EXPECTATION: { changed: [item('pmo-analyst/planning', 'Reporting Analyst: Planning', [['level', 'Expected level', '2', '3']])] },
});

const version = (number: number, status: 'PUBLISHED' | 'ARCHIVED', publishedBy: string | null) => ({
  __typename: 'FrameworkVersion' as const,
  id: `fv-${number}`,
  number,
  status,
  publishedAt: '2026-03-14T10:00:00Z',
  publishedBy: publishedBy ? { __typename: 'Person' as const, id: 'p-asha', name: publishedBy } : null,
});

const draft = (revision: number | null) =>
  revision === null
    ? null
    : { __typename: 'FrameworkDraft' as const, frameworkId: FRAMEWORK, revision, updatedAt: '2026-03-15T09:30:00Z', updatedBy: { __typename: 'Person' as const, id: 'p-asha', name: 'Asha Patel' } };

/** The page's one query: the framework with its versions and its draft (revision null: none). */
const framework = (versions: ReturnType<typeof version>[], revision: number | null): MockLink.MockedResponse => ({
  request: { query: FrameworkVersionsQuery, variables: { id: FRAMEWORK } },
  result: {
    data: { framework: { __typename: 'Framework', id: FRAMEWORK, key: 'pmo-career-framework', name: 'PMO career framework', versions, draft: draft(revision) } },
  },
});

const preview = {
  __typename: 'PublishPreview' as const,
  draftRevision: 7,
  publishedVersionNumber: 1,
  nextVersionNumber: 2,
  shortfallsCounted: false,
  problems: [],
  diff: draftDiff,
  questions: [
    {
      __typename: 'MigrationQuestion' as const,
      kind: 'ROLE' as const,
      fromKey: 'business-analyst',
      fromLabel: 'Business Analyst',
      suggestedToKey: null,
      reason: 'no role of the new version looks like it',
      options: [
        { __typename: 'MigrationOption' as const, key: 'pmo-analyst', label: 'Reporting Analyst' },
        { __typename: 'MigrationOption' as const, key: 'project-manager', label: 'Project Manager' },
      ],
    },
  ],
  impact: [
    {
      __typename: 'RoleImpact' as const,
      roleKey: 'pmo-analyst',
      title: 'Reporting Analyst',
      status: 'KEPT' as const,
      carriedToKey: null,
      people: 2,
      aiming: 1,
      assessed: 0,
      shortfallsToday: 0,
      partlyKnownToday: 0,
      shortfallsUnderDraft: 0,
      partlyKnownUnderDraft: 0,
      changedExpectations: [{ __typename: 'ExpectationChange' as const, skillKey: 'planning', skillName: 'Planning', before: 2, after: 3 }],
    },
    {
      __typename: 'RoleImpact' as const,
      roleKey: 'business-analyst',
      title: 'Business Analyst',
      status: 'REMOVED' as const,
      carriedToKey: null,
      people: 1,
      aiming: 0,
      assessed: 0,
      shortfallsToday: 0,
      partlyKnownToday: 0,
      shortfallsUnderDraft: null,
      partlyKnownUnderDraft: null,
      changedExpectations: [],
    },
  ],
};

function pageMocks(): MockLink.MockedResponse[] {
  return [
    framework([version(1, 'PUBLISHED', null)], 7),
    { request: { query: FrameworkVersionDiffQuery, variables: { frameworkId: FRAMEWORK, from: 1, to: null } }, result: { data: { frameworkVersionDiff: draftDiff } } },
  ];
}

// These tests render the whole route tree with Mantine and walk through several answers: generous waits,
// so that a busy machine slows them down without failing them.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5000 });

describe('Framework versions page', () => {
  beforeAll(() => {
    // jsdom's Blob has no text(); browsers do. Read it the old way.
    Blob.prototype.text ??= function text(this: Blob) {
      return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(this);
      });
    };
  });

  it('shows the history and the diff between the newest version and the draft, with old and new values', async () => {
    renderRoute(`/frameworks/${FRAMEWORK}/versions`, pageMocks(), { viewer: adminViewer });

    expect(await screen.findByRole('heading', { level: 1, name: 'Versions of PMO career framework' })).toBeInTheDocument();
    const history = screen.getByRole('table', { name: 'Version history' });
    expect(within(history).getByRole('row', { name: /Version 1 Published/ })).toBeInTheDocument();
    expect(screen.getByText(/Revision 7, last changed .* by Asha Patel\./)).toBeInTheDocument();

    const changes = await screen.findByRole('region', { name: 'Changes from Version 1 to Draft' });
    expect(within(changes).getByText('3 changes from Version 1 to Draft.')).toBeInTheDocument();
    expect(within(changes).getByRole('list', { name: 'Roles: renamed' })).toHaveTextContent('PMO Analyst → Reporting Analyst');
    expect(within(changes).getByRole('list', { name: 'Roles: removed' })).toHaveTextContent('Business Analyst');
    const expectation = within(changes).getByRole('table', { name: 'Changes to Reporting Analyst: Planning' });
    expect(within(expectation).getByRole('row', { name: 'Expected level 2 3' })).toBeInTheDocument();
    // Sections without changes are left out.
    expect(within(changes).queryByRole('heading', { name: 'Qualifications' })).not.toBeInTheDocument();
  });

  it('previews the impact, asks about the removed role, publishes with the chosen answer and reports what moved', async () => {
    const choices = [{ kind: 'ROLE', fromKey: 'business-analyst', toKey: 'project-manager' }];
    const { user } = renderRoute(
      `/frameworks/${FRAMEWORK}/versions`,
      [
        ...pageMocks(),
        { request: { query: FrameworkPublishPreviewQuery, variables: { frameworkId: FRAMEWORK } }, result: { data: { frameworkPublishPreview: preview } } },
        {
          request: { query: PublishFrameworkDraftMutation, variables: { frameworkId: FRAMEWORK, expectedRevision: 7, choices } },
          result: {
            data: {
              publishFrameworkDraft: {
                __typename: 'PublishReport',
                version: { __typename: 'FrameworkVersion', id: 'fv-2', number: 2 },
                followers: [{ __typename: 'FollowerReport', name: 'people.currentRole', describe: "people's current roles", moved: 11, cleared: 0 }],
              },
            },
          },
        },
        // After publishing, the history reloads: a new version, and the draft is gone.
        framework([version(2, 'PUBLISHED', 'Asha Patel'), version(1, 'ARCHIVED', null)], null),
        { request: { query: FrameworkVersionDiffQuery, variables: { frameworkId: FRAMEWORK, from: 1, to: 2 } }, result: { data: { frameworkVersionDiff: diff('Version 1', 'Version 2', {}) } } },
      ],
      { viewer: adminViewer },
    );

    await user.click(await screen.findByRole('button', { name: 'Review and publish…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the draft' });
    const impact = await within(dialog).findByRole('table', { name: 'Impact on people per role' });
    const analyst = within(impact).getByRole('row', { name: /Reporting Analyst/ });
    expect(analyst).toHaveTextContent('Reporting Analyst21not assessed yetnot assessed yetPlanning: 2 → 3');
    expect(within(impact).getByRole('row', { name: /Business Analyst/ })).toHaveTextContent('removed');
    expect(within(dialog).getByText(/Nobody has been assessed yet/)).toBeInTheDocument();

    const question = within(dialog).getByRole('combobox', { name: 'Role “Business Analyst” is gone: carry its data to' });
    expect(question).toHaveValue('Nothing: remove the role and clear what points at it');
    await user.click(question);
    await user.click(await screen.findByRole('option', { name: 'Project Manager' }));
    expect(question).toHaveValue('Project Manager');

    await user.click(within(dialog).getByRole('button', { name: 'Publish version 2' }));
    expect(await within(dialog).findByText('Version 2 is published')).toBeInTheDocument();
    // A publish ends with where to go next.
    expect(within(dialog).getByRole('link', { name: 'import your people' })).toHaveAttribute('href', '/admin/import');
    expect(within(dialog).getByRole('list', { name: 'What moved' })).toHaveTextContent("people's current roles: 11 moved to version 2, 0 cleared");
    // Behind the dialog, the history and the comparison now show the new version.
    const history = screen.getByRole('table', { name: 'Version history', hidden: true });
    expect(await within(history).findByRole('row', { name: /Version 2 Published .* Asha Patel/, hidden: true })).toBeInTheDocument();
    expect(await screen.findByText('Version 2 is the same as Version 1.', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('lists the problems that stop a draft from being published', async () => {
    const { user } = renderRoute(
      `/frameworks/${FRAMEWORK}/versions`,
      [
        ...pageMocks(),
        {
          request: { query: FrameworkPublishPreviewQuery, variables: { frameworkId: FRAMEWORK } },
          result: {
            data: {
              frameworkPublishPreview: {
                ...preview,
                diff: null,
                questions: [],
                impact: [],
                problems: [{ __typename: 'DocumentProblem', path: 'roles[3].expectations.risk-management', message: "level 7 is above the scale's maximum 5" }],
              },
            },
          },
        },
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('button', { name: 'Review and publish…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The draft cannot be published yet');
    expect(within(alert).getByRole('list', { name: 'Problems' })).toHaveTextContent("roles[3].expectations.risk-management level 7 is above the scale's maximum 5");
    expect(screen.queryByRole('button', { name: /Publish version/ })).not.toBeInTheDocument();
  });

  it('lists every problem of a refused CSV import, and changes nothing', async () => {
    const csv = 'role,planning\nghost,9\n';
    const problems = [
      { path: 'line 2, column A', message: 'unknown role "ghost"' },
      { path: 'line 2, column B', message: "planning: level 9 is above the scale's maximum 5" },
    ];
    const { user } = renderRoute(
      `/frameworks/${FRAMEWORK}/versions`,
      [
        ...pageMocks(),
        {
          request: { query: ImportExpectationsCsvMutation, variables: { frameworkId: FRAMEWORK, expectedRevision: 7, csv } },
          result: apiError('Nothing was imported: …', 'BAD_USER_INPUT', { problems }),
        },
        // What Undo would need: the draft as it was.
        {
          request: { query: FrameworkDocumentExportQuery, variables: { frameworkId: FRAMEWORK, version: null } },
          result: { data: { frameworkDocument: '{}' } },
        },
      ],
      { viewer: adminViewer },
    );
    await screen.findByText(/Revision 7/);
    const input = document.querySelector<HTMLInputElement>('input[type="file"][accept="text/csv,.csv"]')!;
    await user.upload(input, new File([csv], 'grid.csv', { type: 'text/csv' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('grid.csv was not imported');
    expect(alert).toHaveTextContent('2 problems; nothing was changed.');
    const list = within(alert).getByRole('list', { name: 'Problems' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'line 2, column A unknown role "ghost"',
      "line 2, column B planning: level 9 is above the scale's maximum 5",
    ]);
    expect(screen.getByText(/Revision 7/)).toBeInTheDocument();
  });

  it('imports a JSON document into the draft and undoes it by putting the previous draft back', async () => {
    const json = '{"schemaVersion":"1"}';
    const importing = (document: string, expectedRevision: number, revision: number): MockLink.MockedResponse => ({
      request: { query: ImportFrameworkDocumentMutation, variables: { frameworkId: FRAMEWORK, expectedRevision, json: document } },
      result: { data: { replaceFrameworkDraft: { __typename: 'FrameworkDraft', frameworkId: FRAMEWORK, revision, updatedAt: '2026-03-15T10:00:00Z' } } },
    });
    const { user } = renderRoute(
      `/frameworks/${FRAMEWORK}/versions`,
      [
        ...pageMocks(),
        { request: { query: FrameworkDocumentExportQuery, variables: { frameworkId: FRAMEWORK, version: null } }, result: { data: { frameworkDocument: 'THE DRAFT BEFORE' } } },
        importing(json, 7, 8),
        framework([version(1, 'PUBLISHED', null)], 8),
        importing('THE DRAFT BEFORE', 8, 9),
        framework([version(1, 'PUBLISHED', null)], 9),
      ],
      { viewer: adminViewer },
    );
    await screen.findByText(/Revision 7/);
    const input = document.querySelector<HTMLInputElement>('input[type="file"][accept="application/json,.json"]')!;
    await user.upload(input, new File([json], 'framework.json', { type: 'application/json' }));

    expect(await screen.findByText('Imported framework.json into the draft.')).toBeInTheDocument();
    expect(await screen.findByText(/Revision 8/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText(/Revision 9/)).toBeInTheDocument();
    expect(screen.queryByText('Imported framework.json into the draft.')).not.toBeInTheDocument();
  });

  it('tells people who are not admins that versions need admin rights, without asking the API', async () => {
    renderRoute(`/frameworks/${FRAMEWORK}/versions`, []);
    expect(await screen.findByRole('heading', { name: 'You need admin rights' })).toBeInTheDocument();
  });

  it('starts a draft when there is none, so that it can be imported into and published', async () => {
    const { user } = renderRoute(
      `/frameworks/${FRAMEWORK}/versions`,
      [
        framework([version(1, 'PUBLISHED', null)], null),
        { request: { query: FrameworkVersionDiffQuery, variables: { frameworkId: FRAMEWORK, from: 1, to: 1 } }, result: { data: { frameworkVersionDiff: diff('Version 1', 'Version 1', {}) } } },
        {
          request: { query: StartFrameworkDraftMutation, variables: { frameworkId: FRAMEWORK } },
          result: { data: { startFrameworkDraft: { __typename: 'FrameworkDraft', frameworkId: FRAMEWORK, revision: 1 } } },
        },
        framework([version(1, 'PUBLISHED', null)], 1),
        { request: { query: FrameworkVersionDiffQuery, variables: { frameworkId: FRAMEWORK, from: 1, to: null } }, result: { data: { frameworkVersionDiff: diff('Version 1', 'Draft', {}) } } },
      ],
      { viewer: adminViewer },
    );
    expect(await screen.findByText('Version 1 is the same as Version 1.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start a draft' }));
    expect(await screen.findByText(/Revision 1, last changed/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Review and publish…' })).toBeInTheDocument();
    expect(await screen.findByText('Draft is the same as Version 1.')).toBeInTheDocument();
  });
});
