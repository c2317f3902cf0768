import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer, apiError } from '../../test/session';
import { FrameworkEditorQuery } from './FrameworkEditorPage';
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
  expectations: expectations.map((e) => ({ __typename: 'DraftExpectation' as const, ...e })),
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
    skillCategories: [{ __typename: 'DraftSkillCategory', key: 'delivery', name: 'Delivery', description: null }],
    skills: [
      {
        __typename: 'DraftSkill',
        key: 'planning',
        name: 'Planning',
        categoryKey: 'delivery',
        description: null,
        levels: [1, 2, 3].map((level) => ({ __typename: 'DraftSkillLevel', level, descriptor: `Plans ${level}` })),
      },
    ],
    tracks: [{ __typename: 'DraftTrack', key: 'pmo', name: 'PMO', kind: 'CORE', description: null }],
    roles,
    transitions: [],
    qualifications: [],
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
      levels: [1, 2, 3].map((level) => ({ __typename: 'DraftSkillLevel', level, descriptor: `Tells ${level}` })),
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
    for (const level of [1, 2, 3]) await user.type(within(dialog).getByRole('textbox', { name: new RegExp(`^Level ${level} · L${level}`) }), `Tells ${level}`);
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
