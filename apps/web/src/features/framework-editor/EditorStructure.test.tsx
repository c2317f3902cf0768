import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { FrameworkEditorQuery } from './FrameworkEditorPage';
import { EditFrameworkDraftMutation } from './useDraftEditor';

/** Named scales, category scales, shared roles and track groups in the editor: each sends the one operation it means. */

const role = (key: string, title: string, trackKey: string, level: number, sharedWithTrackKeys: string[] = []) => ({
  __typename: 'DraftRole' as const,
  key,
  title,
  trackKey,
  level,
  band: null,
  summary: 's',
  responsibilities: [],
  expectations: [{ __typename: 'DraftExpectation' as const, skillKey: 'planning', level: 1, optional: false, weight: null, statement: null }],
  sharedWithTrackKeys,
});
const track = (key: string, name: string, groupKey: string | null = null) => ({ __typename: 'DraftTrack', key, name, kind: 'CORE', description: null, groupKey });
const depth = { __typename: 'SkillScale', key: 'depth', name: 'Depth', levels: ['Aware', 'Leading'].map((name, i) => ({ __typename: 'ScaleLevel', level: i + 1, name, summary: null })) };

function draft(revision: number, changes: Record<string, unknown> = {}) {
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
        levels: [1].map((level) => ({ __typename: 'DraftSkillLevel', level, descriptor: `Plans ${level}`, criteria: [], examples: [] })),
      },
    ],
    trackGroups: [],
    tracks: [track('pmo', 'PMO'), track('delivery', 'Delivery')],
    roles: [role('analyst', 'Analyst', 'pmo', 1), role('pm', 'Project manager', 'delivery', 1)],
    transitions: [],
    qualifications: [],
    levelling: null,
    ...changes,
  };
}

const load = (revision: number, changes?: Record<string, unknown>) => ({
  request: { query: FrameworkEditorQuery, variables: { id: 'fw-pmo' } },
  result: {
    data: {
      framework: { __typename: 'Framework', id: 'fw-pmo', name: 'PMO career framework', currentVersion: { __typename: 'FrameworkVersion', id: 'fv-1', number: 1 }, draft: draft(revision, changes) },
    },
  },
});
const edit = (expectedRevision: number, operations: Record<string, unknown>[], answer: Record<string, unknown>) => ({
  request: { query: EditFrameworkDraftMutation, variables: { frameworkId: 'fw-pmo', expectedRevision, operations } },
  result: { data: { editFrameworkDraft: answer } },
});

describe('Framework editor: scales, shared roles and groups', () => {
  it('adds a named scale with its level names, and assigns it to a category', async () => {
    const { user } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [
        load(4),
        edit(4, [{ kind: 'SET_SCALES', scales: [{ key: 'depth', name: 'Depth', levels: [{ level: 1, name: 'Aware', summary: null }, { level: 2, name: 'Leading', summary: null }] }] }], draft(5, { scales: [depth] })),
        edit(5, [{ kind: 'UPDATE_SKILL_CATEGORY', key: 'delivery', scaleKey: 'depth' }], draft(6, { scales: [depth], skillCategories: [{ __typename: 'DraftSkillCategory', key: 'delivery', name: 'Delivery', description: null, scaleKey: 'depth' }] })),
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('tab', { name: 'Scales' }));
    await user.click(screen.getByRole('button', { name: 'Add scale' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a skill scale' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Depth');
    await user.type(within(dialog).getByRole('textbox', { name: 'Level names' }), 'Aware\nLeading');
    await user.click(within(dialog).getByRole('button', { name: 'Add scale' }));
    const scales = await screen.findByRole('table', { name: 'Skill scales' });
    expect(within(scales).getByRole('row', { name: /Depth/ })).toHaveTextContent('1 Aware, 2 Leading');
    expect(within(scales).getByRole('button', { name: 'Remove scale Depth' })).toBeEnabled();

    await user.click(screen.getByRole('tab', { name: 'Skills' }));
    await user.click(screen.getByRole('button', { name: 'Edit category Delivery' }));
    const category = screen.getByRole('dialog', { name: 'Edit category Delivery' });
    await user.click(within(category).getByRole('combobox', { name: 'Scale of its skills' }));
    await user.click(await screen.findByRole('option', { name: 'Depth (2 levels)' }));
    await user.click(within(category).getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('draft-status')).toHaveTextContent('Revision 6');
    // Now in use: it cannot be removed until the category measures on another scale.
    await user.click(screen.getByRole('tab', { name: 'Scales' }));
    expect(within(screen.getByRole('table', { name: 'Skill scales' })).getByRole('button', { name: 'Remove scale Depth' })).toBeDisabled();
    expect(within(screen.getByRole('table', { name: 'Skill scales' })).getByRole('row', { name: /Depth/ })).toHaveTextContent('category Delivery');
  });

  it('shares a role with another track, and shows it on that track', async () => {
    const { user } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [
        load(4),
        edit(4, [{ kind: 'UPDATE_ROLE', key: 'analyst', sharedWithTrackKeys: ['delivery'] }], draft(5, { roles: [role('analyst', 'Analyst', 'pmo', 1, ['delivery']), role('pm', 'Project manager', 'delivery', 1)] })),
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('button', { name: 'Edit role Analyst' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit role Analyst' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Also a rung of' }));
    await user.click(await screen.findByRole('option', { name: 'Delivery' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Shared from other tracks: Analyst (rung 1)')).toBeInTheDocument();
  });

  it('adds a track group, puts a track in it, and will not remove it while the track is in it', async () => {
    const office = { __typename: 'TrackGroup', key: 'office', name: 'Office', description: null };
    const { user } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [
        load(4),
        edit(4, [{ kind: 'SET_TRACK_GROUPS', trackGroups: [{ key: 'office', name: 'Office' }] }], draft(5, { trackGroups: [office] })),
        edit(5, [{ kind: 'UPDATE_TRACK', key: 'pmo', groupKey: 'office' }], draft(6, { trackGroups: [office], tracks: [track('pmo', 'PMO', 'office'), track('delivery', 'Delivery')] })),
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('button', { name: 'Add group' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a track group' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Office');
    await user.click(within(dialog).getByRole('button', { name: 'Add group' }));
    const groups = await screen.findByRole('list', { name: 'Track groups' });
    expect(groups).toHaveTextContent('Officeno tracks yet');

    await user.click(screen.getByRole('button', { name: 'Edit track PMO' }));
    const trackDialog = screen.getByRole('dialog', { name: 'Edit track PMO' });
    await user.click(within(trackDialog).getByRole('combobox', { name: 'Group' }));
    await user.click(await screen.findByRole('option', { name: 'Office' }));
    await user.click(within(trackDialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('draft-status')).toHaveTextContent('Revision 6');
    expect(screen.getByRole('list', { name: 'Track groups' })).toHaveTextContent('OfficePMO');
    expect(screen.getByRole('button', { name: 'Remove group Office' })).toBeDisabled();
  });
});
