import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer, apiError } from '../../test/session';
import { DiscardFrameworkDraftMutation, FrameworkEditorQuery } from './FrameworkEditorPage';
import { EditFrameworkDraftMutation } from './useDraftEditor';

const role = (key: string, title: string, level: number, expectations: { skillKey: string; level: number }[]) => ({
  __typename: 'DraftRole' as const,
  key,
  title,
  trackKey: 'pmo',
  level,
  band: null,
  summary: 's',
  responsibilities: [],
  expectations: expectations.map((e) => ({ __typename: 'DraftExpectation' as const, optional: false, weight: null, statement: null, ...e })),
  sharedWithTrackKeys: [],
});

function draft(revision: number, roles: ReturnType<typeof role>[]) {
  return {
    __typename: 'FrameworkDraft',
    frameworkId: 'fw-pmo',
    revision,
    updatedAt: '2026-11-25T14:02:00.000Z',
    updatedBy: { __typename: 'Person', id: 'p-ben', name: 'Ben Okafor' },
    key: 'pmo',
    name: 'PMO career framework',
    description: null,
    proficiencyScale: [1, 2, 3].map((level) => ({ __typename: 'ProficiencyLevel', level, name: `L${level}`, summary: 'x' })),
    scales: [],
    skillCategories: [{ __typename: 'DraftSkillCategory', key: 'delivery', name: 'Delivery', description: null, scaleKey: null }],
    skills: [
      {
        __typename: 'DraftSkill',
        key: 'planning',
        name: 'Planning',
        categoryKey: 'delivery',
        description: null,
        scaleKey: null,
        levels: [1, 2, 3].map((level) => ({ __typename: 'DraftSkillLevel', level, descriptor: `Plans ${level}`, criteria: [], examples: [] })),
      },
    ],
    trackGroups: [],
    tracks: [{ __typename: 'DraftTrack', key: 'pmo', name: 'PMO', kind: 'CORE', description: null, groupKey: null }],
    roles,
    transitions: [],
    qualifications: [],
    levelling: null,
  };
}

const analyst = role('analyst', 'Analyst', 1, [{ skillKey: 'planning', level: 1 }]);
const manager = role('manager', 'Manager', 2, []);

const load = (revision: number, roles: ReturnType<typeof role>[]) => ({
  request: { query: FrameworkEditorQuery, variables: { id: 'fw-pmo' } },
  result: {
    data: {
      framework: { __typename: 'Framework', id: 'fw-pmo', name: 'PMO career framework', currentVersion: { __typename: 'FrameworkVersion', id: 'fv-1', number: 1 }, draft: draft(revision, roles) },
    },
  },
});

const edit = (expectedRevision: number, operations: Record<string, unknown>[]) => ({
  query: EditFrameworkDraftMutation,
  variables: { frameworkId: 'fw-pmo', expectedRevision, operations },
});

describe('Framework editor', () => {
  it('shows the server message when someone else changed the same role first, reloads the draft and keeps what was typed', async () => {
    const message = 'Ben Okafor renamed role Analyst to "Senior analyst" at 14:02 UTC: reload to see it. Your change was not saved.';
    const { user } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [
        load(4, [analyst, manager]),
        { request: edit(4, [{ kind: 'UPDATE_ROLE', key: 'analyst', title: 'Lead analyst' }]), result: apiError(message, 'CONFLICT') },
        load(5, [{ ...analyst, title: 'Senior analyst' }, manager]),
      ],
      { viewer: adminViewer },
    );

    await user.click(await screen.findByRole('button', { name: 'Edit role Analyst' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit role Analyst' });
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Lead analyst');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this first');
    expect(alert).toHaveTextContent(message);
    // The draft is reloaded with their change…
    expect(await screen.findByRole('button', { name: 'Edit role Senior analyst' })).toBeInTheDocument();
    expect(screen.getByTestId('draft-status')).toHaveTextContent('Revision 5');
    // …and what was typed is still in the open form, to save again or drop.
    expect(within(screen.getByRole('dialog')).getByRole('textbox', { name: 'Title' })).toHaveValue('Lead analyst');
  });

  it('deletes a role and undoes it, restoring the role with its expectations', async () => {
    const { user } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [
        load(4, [analyst, manager]),
        { request: edit(4, [{ kind: 'REMOVE_ROLE', key: 'analyst' }]), result: { data: { editFrameworkDraft: draft(5, [manager]) } } },
        {
          request: edit(5, [
            { kind: 'ADD_ROLE', key: 'analyst', title: 'Analyst', trackKey: 'pmo', level: 1, summary: 's', responsibilities: [], position: 0 },
            { kind: 'SET_EXPECTATIONS_ROW', roleKey: 'analyst', expectations: [{ skillKey: 'planning', level: 1 }] },
          ]),
          result: { data: { editFrameworkDraft: draft(7, [analyst, manager]) } },
        },
      ],
      { viewer: adminViewer },
    );

    await user.click(await screen.findByRole('button', { name: 'Delete role Analyst' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Edit role Analyst' })).not.toBeInTheDocument());
    const toast = within(screen.getByRole('region', { name: 'Notifications' }));
    expect(toast.getByText('Deleted the role Analyst.')).toBeInTheDocument();

    await user.click(toast.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Edit role Analyst' })).toBeInTheDocument();
    expect(screen.getByTestId('draft-status')).toHaveTextContent('Revision 7');
  });

  it('adds a skill with a descriptor for each level of the scale', async () => {
    const storytelling = {
      __typename: 'DraftSkill',
      key: 'storytelling',
      name: 'Storytelling',
      categoryKey: 'delivery',
      description: null,
      scaleKey: null,
      levels: [1, 2, 3].map((level) => ({ __typename: 'DraftSkillLevel', level, descriptor: `Tells ${level}`, criteria: [], examples: [] })),
    };
    const after = draft(5, [analyst, manager]);
    after.skills = [...after.skills, storytelling];
    const { user } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [
        load(4, [analyst, manager]),
        {
          request: edit(4, [
            {
              kind: 'ADD_SKILL',
              name: 'Storytelling',
              categoryKey: 'delivery',
              levels: [1, 2, 3].map((level) => ({ level, descriptor: `Tells ${level}` })),
            },
          ]),
          result: { data: { editFrameworkDraft: after } },
        },
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('tab', { name: 'Skills' }));
    await user.click(screen.getByRole('button', { name: 'Add a skill to Delivery' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a skill to Delivery' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Storytelling');
    for (const level of [1, 2, 3]) await user.type(within(dialog).getByRole('textbox', { name: new RegExp(`^Level ${level} · L${level}: summary`) }), `Tells ${level}`);
    await user.click(within(dialog).getByRole('button', { name: 'Add skill' }));
    expect(await screen.findByRole('button', { name: 'Edit skill Storytelling' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('offers to start editing when there is no draft yet', async () => {
    const noDraft = load(0, []);
    noDraft.result.data.framework.draft = null as never;
    renderRoute('/frameworks/fw-pmo/edit', [noDraft], { viewer: adminViewer });
    expect(await screen.findByRole('button', { name: 'Start editing' })).toBeInTheDocument();
    expect(screen.getByText(/copy of version 1/)).toBeInTheDocument();
  });

  it('is for admins only', async () => {
    renderRoute('/frameworks/fw-pmo/edit', []);
    expect(await screen.findByText(/Only admins edit frameworks/)).toBeInTheDocument();
  });
});

describe('Framework editor: problems and discarding', () => {
  it('names each problem of the draft as it happens and links to where it is fixed', async () => {
    const broken = draft(4, [role('analyst', 'Analyst', 1, [{ skillKey: 'planning', level: 7 }]), manager]);
    const { user } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [{ request: { query: FrameworkEditorQuery, variables: { id: 'fw-pmo' } }, result: { data: { framework: { __typename: 'Framework', id: 'fw-pmo', name: 'PMO career framework', currentVersion: { __typename: 'FrameworkVersion', id: 'fv-1', number: 1 }, draft: broken } } } }],
      { viewer: adminViewer },
    );
    const problems = await screen.findByRole('list', { name: 'Problems to fix before publishing' });
    expect(problems).toHaveTextContent('Role "Analyst", expectation of "Planning": level 7 is above the scale\'s maximum 3');
    expect(problems).not.toHaveTextContent('roles[0]');
    await user.click(within(problems).getByRole('button', { name: /^Role "Analyst", expectation of "Planning"/ }));
    expect(screen.getByRole('tab', { name: 'Roles' })).toHaveAttribute('aria-selected', 'true');
  });

  it('says when the draft has no problems, and discards it only after a confirmation', async () => {
    const { user, router } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [
        load(4, [analyst, manager]),
        { request: { query: DiscardFrameworkDraftMutation, variables: { frameworkId: 'fw-pmo', expectedRevision: 4 } }, result: { data: { discardFrameworkDraft: true } } },
      ],
      { viewer: adminViewer },
    );
    expect(await screen.findByText('No problems: this draft can be published.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard this draft?' });
    expect(dialog).toHaveTextContent('This cannot be undone.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep the draft' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard this draft?' })).not.toBeInTheDocument());
    expect(router.state.location.pathname).toBe('/frameworks/fw-pmo/edit');
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard this draft?' })).getByRole('button', { name: 'Discard for good' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/frameworks/fw-pmo'));
  });
});
