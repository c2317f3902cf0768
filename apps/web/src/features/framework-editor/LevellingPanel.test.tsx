import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { FrameworkEditorQuery } from './FrameworkEditorPage';
import { EditFrameworkDraftMutation } from './useDraftEditor';

/** The points levelling rule in the editor: edited in tables, checked before saving, sent as one SET_LEVELLING. */

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

const savedRule = {
  __typename: 'PointsLevellingRule',
  pointsByLevel: [1, 2, 3].map((level) => ({ __typename: 'ScaleLevelPoints', level, points: [1, 3, 6][level - 1] })),
  skillPoints: [{ __typename: 'SkillLevelPoints', skillKey: 'planning', points: [{ __typename: 'ScaleLevelPoints', level: 1, points: 2 }] }],
  levels: [
    { __typename: 'PointsLevel', minPoints: 0, name: 'Associate', subLevels: [] },
    { __typename: 'PointsLevel', minPoints: 5, name: 'Lead', subLevels: [] },
  ],
  titles: [{ __typename: 'PointsTitle', title: 'Analyst', minPoints: 0, maxPoints: 4 }],
};

describe('Framework editor: points levelling', () => {
  it('adds a rule in its tables by keyboard, refusing a level out of order until fixed, and saves it as one operation', async () => {
    const { user } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [
        load(4),
        edit(
          4,
          [
            {
              kind: 'SET_LEVELLING',
              levelling: {
                pointsByLevel: [
                  { level: 1, points: 1 },
                  { level: 2, points: 3 },
                  { level: 3, points: 6 },
                ],
                skillPoints: [{ skillKey: 'planning', points: [{ level: 1, points: 2 }, { level: 2, points: 3 }, { level: 3, points: 6 }] }],
                levels: [
                  { minPoints: 0, name: 'Associate', subLevels: [] },
                  { minPoints: 5, name: 'Lead', subLevels: [] },
                ],
                titles: [{ title: 'Analyst', minPoints: 0, maxPoints: 4 }],
              },
            },
          ],
          draft(5, { levelling: { ...savedRule, skillPoints: [{ ...savedRule.skillPoints[0], points: [1, 2, 3].map((level) => ({ __typename: 'ScaleLevelPoints', level, points: [2, 3, 6][level - 1] })) }] } }),
        ),
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('tab', { name: 'Levelling' }));
    expect(screen.getByText(/No points rule/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a points rule' }));
    const perLevel = screen.getByRole('table', { name: 'Points per skill level' });
    for (const [level, points] of [[1, '1'], [2, '3'], [3, '6']] as const) {
      const input = within(perLevel).getByRole('textbox', { name: `Points for level ${level}` });
      await user.clear(input);
      await user.type(input, points);
    }
    const levels = screen.getByRole('table', { name: 'Levels by points' });
    expect(within(levels).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Level', 'From points', 'Actions']);
    // The one level cannot be removed.
    expect(within(levels).getByRole('button', { name: 'Remove level 1' })).toBeDisabled();
    await user.clear(within(levels).getByRole('textbox', { name: 'Name of level 1' }));
    await user.type(within(levels).getByRole('textbox', { name: 'Name of level 1' }), 'Associate');
    await user.click(screen.getByRole('button', { name: 'Add level' }));
    await user.clear(within(levels).getByRole('textbox', { name: 'Name of level 2' }));
    await user.type(within(levels).getByRole('textbox', { name: 'Name of level 2' }), 'Lead');
    // A second level from 0 points is out of order: said by row, and Save waits.
    await user.clear(within(levels).getByRole('textbox', { name: 'Minimum points of level 2' }));
    await user.type(within(levels).getByRole('textbox', { name: 'Minimum points of level 2' }), '0');
    expect(screen.getByRole('status', { name: 'Problems with the points rule' })).toHaveTextContent("Level 2 minimum points: must be more than the previous level's 0");
    expect(within(levels).getByRole('textbox', { name: 'Minimum points of level 2' })).toHaveAccessibleDescription("must be more than the previous level's 0");
    expect(screen.getByRole('button', { name: 'Save the points rule' })).toBeDisabled();
    await user.clear(within(levels).getByRole('textbox', { name: 'Minimum points of level 2' }));
    await user.type(within(levels).getByRole('textbox', { name: 'Minimum points of level 2' }), '5');
    expect(screen.queryByRole('status', { name: 'Problems with the points rule' })).not.toBeInTheDocument();
    // A level is removed at once, with no undo of its own (Cancel drops the whole working copy).
    await user.click(screen.getByRole('button', { name: 'Add level' }));
    await user.click(within(levels).getByRole('button', { name: 'Remove level 3' }));
    expect(within(levels).queryByRole('textbox', { name: 'Name of level 3' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(within(levels).getByRole('button', { name: 'Remove level 1' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Add title' }));
    const titles = screen.getByRole('table', { name: 'Titles by points' });
    await user.type(within(titles).getByRole('textbox', { name: 'Title 1' }), 'Analyst');
    await user.type(within(titles).getByRole('textbox', { name: 'Title 1 to points' }), '4');

    // Planning gets points of its own, starting from the common ones; level 1 earns 2.
    await user.click(screen.getByRole('combobox', { name: 'Give a skill its own points' }));
    await user.click(await screen.findByRole('option', { name: 'Planning' }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const own = screen.getByRole('table', { name: 'Points for Planning' });
    await user.clear(within(own).getByRole('textbox', { name: 'Points for Planning at level 1' }));
    await user.type(within(own).getByRole('textbox', { name: 'Points for Planning at level 1' }), '2');

    await user.click(screen.getByRole('button', { name: 'Save the points rule' }));
    const summary = await screen.findByRole('list', { name: 'Points rule' });
    expect(screen.getByTestId('draft-status')).toHaveTextContent('Revision 5');
    expect(summary).toHaveTextContent('Levels: Associate from 0; Lead from 5');
    expect(summary).toHaveTextContent('Own points: Planning');
  });

  it('removes the rule with an undo that puts it back', async () => {
    const rule = {
      pointsByLevel: [1, 2, 3].map((level) => ({ level, points: [1, 3, 6][level - 1] })),
      skillPoints: [{ skillKey: 'planning', points: [{ level: 1, points: 2 }] }],
      levels: [
        { minPoints: 0, name: 'Associate', subLevels: [] },
        { minPoints: 5, name: 'Lead', subLevels: [] },
      ],
      titles: [{ title: 'Analyst', minPoints: 0, maxPoints: 4 }],
    };
    const { user } = renderRoute(
      '/frameworks/fw-pmo/edit',
      [load(4, { levelling: savedRule }), edit(4, [{ kind: 'SET_LEVELLING', levelling: null }], draft(5)), edit(5, [{ kind: 'SET_LEVELLING', levelling: rule }], draft(6, { levelling: savedRule }))],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('tab', { name: 'Levelling' }));
    expect(screen.getByRole('list', { name: 'Points rule' })).toHaveTextContent('Points per skill level: level 1: 1, level 2: 3, level 3: 6');
    await user.click(screen.getByRole('button', { name: 'Remove the points rule' }));
    expect(await screen.findByText(/No points rule/)).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('list', { name: 'Points rule' })).toHaveTextContent('Levels: Associate from 0; Lead from 5');
    expect(screen.getByTestId('draft-status')).toHaveTextContent('Revision 6');
  });

  it('edits a level’s sub-levels: rename, thresholds, add, a problem on its row, remove with undo, saved in the rule', async () => {
    const withSubLevels = {
      ...savedRule,
      levels: [
        savedRule.levels[0],
        {
          __typename: 'PointsLevel',
          minPoints: 5,
          name: 'Lead',
          subLevels: [
            { __typename: 'PointsSubLevel', name: 'A', minPoints: 5 },
            { __typename: 'PointsSubLevel', name: 'B', minPoints: 8 },
          ],
        },
      ],
    };
    const sent = {
      pointsByLevel: [1, 2, 3].map((level) => ({ level, points: [1, 3, 6][level - 1] })),
      skillPoints: [{ skillKey: 'planning', points: [{ level: 1, points: 2 }] }],
      levels: [
        { minPoints: 0, name: 'Associate', subLevels: [] },
        {
          minPoints: 5,
          name: 'Lead',
          subLevels: [
            { name: 'A', minPoints: 5 },
            { name: 'Bee', minPoints: 9 },
            { name: 'C', minPoints: 12 },
          ],
        },
      ],
      titles: [{ title: 'Analyst', minPoints: 0, maxPoints: 4 }],
    };
    const answer = {
      ...withSubLevels,
      levels: [savedRule.levels[0], { ...withSubLevels.levels[1], subLevels: sent.levels[1]!.subLevels.map((sub) => ({ __typename: 'PointsSubLevel', ...sub })) }],
    };
    const { user } = renderRoute('/frameworks/fw-pmo/edit', [load(4, { levelling: withSubLevels }), edit(4, [{ kind: 'SET_LEVELLING', levelling: sent }], draft(5, { levelling: answer }))], {
      viewer: adminViewer,
    });
    await user.click(await screen.findByRole('tab', { name: 'Levelling' }));
    expect(screen.getByRole('list', { name: 'Points rule' })).toHaveTextContent('Lead from 5 (A 5, B 8)');
    await user.click(screen.getByRole('button', { name: 'Edit the points rule' }));
    const lead = screen.getByRole('table', { name: 'Sub-levels of Lead' });
    expect(within(lead).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Sub-level', 'From points', 'Actions']);
    await user.clear(within(lead).getByRole('textbox', { name: 'Name of sub-level 2 of Lead' }));
    // A blank name is said on its row before the domain's check runs.
    expect(within(lead).getByRole('textbox', { name: 'Name of sub-level 2 of Lead' })).toHaveAccessibleDescription('needs a name');
    await user.type(within(lead).getByRole('textbox', { name: 'Name of sub-level 2 of Lead' }), 'Bee');
    const min2 = within(lead).getByRole('textbox', { name: 'Minimum points of sub-level 2 of Lead' });
    await user.clear(min2);
    await user.type(min2, '9');
    await user.click(screen.getByRole('button', { name: 'Add sub-level to Lead' }));
    // The new sub-level starts one point above the last; 4 would fall below B: said on its row, and Save waits.
    const min3 = within(screen.getByRole('table', { name: 'Sub-levels of Lead' })).getByRole('textbox', { name: 'Minimum points of sub-level 3 of Lead' });
    expect(min3).toHaveValue('10');
    await user.clear(min3);
    await user.type(min3, '4');
    expect(min3).toHaveAccessibleDescription("must be more than the previous sub-level's 9");
    expect(screen.getByRole('status', { name: 'Problems with the points rule' })).toHaveTextContent(
      "Level 2, sub-level 3 minimum points: must be more than the previous sub-level's 9",
    );
    expect(screen.getByRole('button', { name: 'Save the points rule' })).toBeDisabled();
    await user.clear(min3);
    await user.type(min3, '12');
    expect(screen.queryByRole('status', { name: 'Problems with the points rule' })).not.toBeInTheDocument();
    // Remove B, then undo: it comes back in its place.
    await user.click(screen.getByRole('button', { name: 'Remove sub-level Bee of Lead' }));
    expect(within(screen.getByRole('table', { name: 'Sub-levels of Lead' })).queryByDisplayValue('Bee')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(within(screen.getByRole('table', { name: 'Sub-levels of Lead' })).getByRole('textbox', { name: 'Name of sub-level 2 of Lead' })).toHaveValue('Bee');

    await user.click(screen.getByRole('button', { name: 'Save the points rule' }));
    expect(await screen.findByRole('list', { name: 'Points rule' })).toHaveTextContent('Lead from 5 (A 5, Bee 9, C 12)');
    expect(screen.getByTestId('draft-status')).toHaveTextContent('Revision 5');
  });
});
