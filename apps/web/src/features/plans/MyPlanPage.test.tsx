import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { FT_LEVELS, PMO_LEVELS, scaleFields } from '../../components/levels/fixtures';
import { apiError } from '../../test/session';
import { RecordCheckInMutation } from './CheckInForm';
import { CreatePlanMutation, RecordAssessmentMutation } from './MyPlanPage';
import { ChangePlanDirectionMutation, ClosestToProfileQuery } from './planOperations';
import { AddPlanSuggestionsMutation } from './PlanFocus';
import { approverMock, assessments, focus, frameworks, me, myPlan, plan, readiness, sharingMock, planCommentsMock } from './planFixtures';

/** A second framework of the organisation (being tried out), listed first, whose skills Dan also rated. */
const trial = {
  __typename: 'Framework' as const,
  id: 'fw-data',
  name: 'Data careers (trial)',
  currentVersion: {
    ...frameworks[0]!.currentVersion,
    id: 'v-data',
    skills: [
      { __typename: 'Skill' as const, id: 'skill-sql', key: 'sql', name: 'SQL', ...scaleFields(FT_LEVELS) },
      { __typename: 'Skill' as const, id: 'skill-data-risk', key: 'risk-management', name: 'Data risk', ...scaleFields(PMO_LEVELS) },
    ],
    roles: [{ __typename: 'Role' as const, id: 'role-data', title: 'Data Engineer' }],
  },
};
const ratedInTrial = () => assessments([{ skillKey: 'sql', selfLevel: 3, managerLevel: null }, { skillKey: 'risk-management', selfLevel: 2, managerLevel: null }]);
const targetOptions = async () => within(await screen.findByRole('combobox', { name: 'Target role' })).getAllByRole('option').map((o) => o.textContent);

const fit = (id: string, title: string, explanation: string) => ({
  __typename: 'RoleFit' as const,
  fit: 0.8,
  shortfall: 1,
  metSkillCount: 2,
  expectedSkillCount: 3,
  ratedSkillCount: 1,
  assumedSkillCount: 2,
  unknownSkillCount: 0,
  explanation,
  role: { __typename: 'Role' as const, id, title },
});

describe('My plan page', () => {
  it('creates a plan towards the chosen role and shows its suggested actions', async () => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(null),
      { request: { query: CreatePlanMutation, variables: { input: { targetRoleId: 'role-pm', timeZone } } }, result: { data: { createPlanFromTarget: { __typename: 'Plan', id: 'plan-1' } } } },
      myPlan(plan('DRAFT', 1)),
    ]);

    await user.click(await screen.findByRole('button', { name: 'Create my plan' }));
    expect(screen.getByText('Choose the role you are aiming for.')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Target role' }), 'Project Manager');
    await user.click(screen.getByRole('button', { name: 'Create my plan' }));

    expect(await screen.findByRole('heading', { name: 'Towards Project Manager' })).toBeInTheDocument();
    const actions = screen.getByRole('table', { name: 'Actions' });
    expect(within(actions).getByText('Gain the Project Management Professional (PMP)')).toBeInTheDocument();
    // Progress is recorded once the plan is agreed.
    expect(within(actions).getByRole('combobox', { name: /^Status of Gain the Project Management Professional/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Propose to Ben Okafor (your manager)' })).toBeInTheDocument();
    expect(screen.getByText(/25% of what is known of the role’s expectations met/)).toBeInTheDocument();
    // Readiness says what it rests on.
    expect(screen.getByText(/1 of 3 expectations rated; 1 assumed at the level your current role \(PMO Analyst\) expects/)).toBeInTheDocument();
    // The focus: its suggestions, one already in the plan and one to add; the rest later; what is not rated.
    const focusCard = screen.getByRole('region', { name: 'Focus: Planning & scheduling' });
    expect(within(focusCard).getByText('In your plan')).toBeInTheDocument();
    expect(within(focusCard).getByRole('button', { name: 'Add to plan: Build and baseline a schedule for a project' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Later' })).getByText(/Risk management: Level 3 · Competent \(assumed from your current role\) → Level 4 · Proficient/)).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Not rated yet' })).getByRole('link', { name: 'Coaching & mentoring' })).toHaveAttribute('href', '/my-career/skills/skill-mentoring');
  });

  it('adds a suggestion to the draft plan, with Undo', async () => {
    const added = {
      ...plan('DRAFT', 2),
      actions: [
        ...plan('DRAFT', 2).actions,
        {
          __typename: 'PlanAction' as const,
          id: 'a-schedule',
          type: 'ON_THE_JOB',
          title: 'Build and baseline a schedule for a project',
          description: 'Planning & scheduling, level 3.',
          status: 'NOT_STARTED',
          skillKeys: ['planning-scheduling'],
          dueOn: null,
          evidence: null,
          suggestionId: 'practise:planning-scheduling:3:1',
          signOff: null,
        },
      ],
      focus: focus().map((f) => ({ ...f, suggestions: f.suggestions.map((s) => (s.actionId ? s : { ...s, actionId: 'a-schedule' })) })),
    };
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(plan('DRAFT', 1)),
      {
        request: { query: AddPlanSuggestionsMutation, variables: { input: { planId: 'plan-1', expectedVersion: 1, suggestionIds: ['practise:planning-scheduling:3:1'] } } },
        result: { data: { addPlanSuggestions: added } },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Add to plan: Build and baseline a schedule for a project' }));
    expect(await screen.findByText('Added “Build and baseline a schedule for a project” to your plan.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Actions' })).getByText('Build and baseline a schedule for a project')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Focus: Planning & scheduling' })).getAllByText('In your plan')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('keeps a check-in that failed to save, and says why', async () => {
    const reflection = 'Booked the PMP exam; the risk register work slipped.';
    // Per-action progress: the PMP is now under way, with a note; the mentoring stays where it was.
    const progress = [
      { actionId: 'a-pmp', status: 'IN_PROGRESS', note: 'Exam booked' },
      { actionId: 'a-mentor', status: 'IN_PROGRESS', note: null },
    ];
    // The check-in asks about the focus first.
    const focusAnswers = [{ skillKey: 'planning-scheduling', progress: 'SOME_PROGRESS', note: null }];
    const conflict = 'This plan was changed by Ben Okafor (agreed the plan) since you opened it: it is now version 5. Reload to see the change; what you entered is kept in the form.';
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(plan('AGREED', 4)),
      {
        request: { query: RecordCheckInMutation, variables: { input: { planId: 'plan-1', expectedVersion: 4, reflection, progress, focus: focusAnswers, privateNote: 'Ask about the budget' } } },
        result: apiError(conflict, 'CONFLICT'),
      },
      myPlan(plan('AGREED', 5)),
      {
        request: { query: RecordCheckInMutation, variables: { input: { planId: 'plan-1', expectedVersion: 5, reflection, progress, focus: focusAnswers, privateNote: 'Ask about the budget' } } },
        result: {
          data: {
            recordCheckIn: {
              ...plan('ACTIVE', 5, [{ id: 'c1', reflection, recordedAt: '2026-07-01T09:00:00.000Z', privateNote: 'Ask about the budget' }]),
              readiness: readiness(0.5),
            },
          },
        },
      },
    ]);

    const box = await screen.findByRole('textbox', { name: 'Reflection' });
    // Pasted rather than typed key by key: the check-in is long and the test is about keeping it.
    await user.click(box);
    await user.paste(reflection);
    // Saving without saying how the focus went is refused before anything is sent.
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByText('Say how Planning & scheduling went.')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'How Planning & scheduling went' }), 'Some progress');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Progress on Gain the Project Management Professional (PMP)' }), 'In progress');
    await user.click(screen.getByRole('textbox', { name: 'Note on Gain the Project Management Professional (PMP)' }));
    await user.paste('Exam booked');
    await user.click(screen.getByRole('textbox', { name: 'Private note' }));
    await user.paste('Ask about the budget');
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    // A stale version: the form says who changed what, and keeps everything entered.
    expect(await screen.findByText(/Your check-in was not saved and is still here. This plan was changed by Ben Okafor \(agreed the plan\)/)).toBeInTheDocument();
    expect(box).toHaveValue(reflection);
    expect(screen.getByRole('combobox', { name: 'Progress on Gain the Project Management Professional (PMP)' })).toHaveValue('IN_PROGRESS');
    expect(screen.getByRole('textbox', { name: 'Note on Gain the Project Management Professional (PMP)' })).toHaveValue('Exam booked');
    expect(screen.getByRole('textbox', { name: 'Private note' })).toHaveValue('Ask about the budget');

    // Loading the latest version keeps the check-in, and the save then names the new version.
    await user.click(screen.getByRole('button', { name: 'Load the latest plan (keeps what you wrote)' }));
    await waitFor(() => expect(screen.queryByText(/Your check-in was not saved/)).not.toBeInTheDocument());
    expect(box).toHaveValue(reflection);
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByText('Check-in recorded.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Reflection' })).toHaveValue('');
    const checkIns = screen.getByRole('heading', { name: 'Check-ins' }).parentElement!;
    expect(within(checkIns).getByText(reflection)).toBeInTheDocument();
    expect(within(checkIns).getByText('Private note: Ask about the budget')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Private note' })).toHaveValue('');
    expect(screen.getByText(/50% of what is known of the role’s expectations met/)).toBeInTheDocument();
    // Then it asks me to re-rate the focus skills, pointing at my ratings.
    const toRate = screen.getByRole('list', { name: 'Skills to re-rate' });
    expect(within(toRate).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Rate Planning & scheduling', '/my-career/skills/skill-planning'],
    ]);
    expect(screen.getByRole('link', { name: 'Rate them here' })).toHaveAttribute('href', '#my-skills');
  }, 15_000);

  it('records my rating of a target skill, keeps the manager’s beside it, and refreshes readiness', async () => {
    const rated = { ...plan('DRAFT', 1), readiness: readiness(0.5) };
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(plan('DRAFT', 1), assessments([{ skillKey: 'risk-management', selfLevel: null, managerLevel: 2 }])),
      {
        request: { query: RecordAssessmentMutation, variables: { input: { skillId: 'skill-planning', level: 4 } } },
        result: { data: { recordAssessment: { __typename: 'Assessment', id: 'as-1', level: 4 } } },
      },
      myPlan(rated, assessments([{ skillKey: 'planning-scheduling', selfLevel: 4, managerLevel: null }, { skillKey: 'risk-management', selfLevel: null, managerLevel: 2 }])),
    ]);

    const table = await screen.findByRole('table', { name: 'My skills' });
    // Only the target role's skills, with the level it expects.
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.firstElementChild?.textContent)).toEqual(['Planning & scheduling', 'Risk management']);
    const risk = within(table).getByRole('row', { name: /Risk management/ }) as HTMLTableRowElement;
    expect(risk.cells[risk.cells.length - 1]).toHaveTextContent('2 · Practised');

    await user.selectOptions(within(table).getByRole('combobox', { name: 'My rating of Planning & scheduling' }), '4 · Proficient');
    expect(await screen.findByText('Rated Planning & scheduling at 4 · Proficient.')).toBeInTheDocument();
    expect(await screen.findByText(/50% of what is known of the role’s expectations met/)).toBeInTheDocument();
    expect(within(table).getByRole('combobox', { name: 'My rating of Planning & scheduling' })).toHaveValue('4');
  });

  it('shows the roles closest to the skills I rated while I choose a direction', async () => {
    renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(null, assessments([{ skillKey: 'planning-scheduling', selfLevel: 3, managerLevel: 2 }])),
      {
        request: { query: ClosestToProfileQuery, variables: { frameworkVersionId: 'v1', profile: [{ skillId: 'skill-planning', level: 3 }], limit: 3 } },
        result: {
          data: {
            closestRoles: {
              __typename: 'ClosestRoles',
              assumedFrom: { __typename: 'Role', id: 'role-pa', title: 'PMO Analyst' },
              roles: [
                fit('role-spa', 'Senior PMO Analyst', 'Fit 80%: 2 of 3 expectations met, short on 1 by 1 level in all.'),
                fit('role-pm', 'Project Manager', 'Fit 60%: 2 of 4 expectations met, short on 2 by 3 levels in all.'),
              ],
            },
          },
        },
      },
    ]);

    const list = await screen.findByRole('list', { name: 'Closest roles' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Senior PMO Analyst: Fit 80%: 2 of 3 expectations met, short on 1 by 1 level in all.',
      'Project Manager: Fit 60%: 2 of 4 expectations met, short on 2 by 3 levels in all.',
    ]);
    expect(screen.getByText('Skills you have not rated are assumed at the level your current role (PMO Analyst) expects.')).toBeInTheDocument();
  });

  it('asks me to rate my skills before it can suggest the closest roles', async () => {
    renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),myPlan(null)]);
    expect(await screen.findByText('Rate your skills below to see the roles closest to you.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'My skills' })).toBeInTheDocument();
  });

  it('offers the roles of my current role’s framework when I have no plan, even when most of my ratings are in another', async () => {
    renderRoute('/my-plan', [sharingMock(), approverMock(), myPlan(null, ratedInTrial(), { all: [trial, ...frameworks] })]);
    expect(await targetOptions()).toEqual(['Choose a role…', 'Project Manager', 'Senior PMO Analyst']);
  });

  it('falls back to the framework most of my ratings are in when I have no current role', async () => {
    renderRoute('/my-plan', [sharingMock(), approverMock(), myPlan(null, ratedInTrial(), { all: [...frameworks, trial], viewer: me(null) })]);
    expect(await targetOptions()).toEqual(['Choose a role…', 'Data Engineer']);
  });

  it('changes direction: a new revision towards another role, back to draft, with plan vs actual per revision', async () => {
    const revised = {
      ...plan('DRAFT', 6),
      revision: 2,
      targetRole: { __typename: 'Role' as const, id: 'role-spa', title: 'Senior PMO Analyst' },
      planVsActual: [
        { __typename: 'RevisionOutcome' as const, number: 1, reason: 'INITIAL', plannedShortfall: 14, closedShortfall: 2, actionsPlanned: 9, actionsDone: 1 },
        { __typename: 'RevisionOutcome' as const, number: 2, reason: 'NEW_TARGET_ROLE', plannedShortfall: 5, closedShortfall: 0, actionsPlanned: 6, actionsDone: 0 },
      ],
    };
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(plan('ACTIVE', 5)),
      {
        request: {
          query: ChangePlanDirectionMutation,
          variables: { input: { planId: 'plan-1', expectedVersion: 5, targetRoleId: 'role-spa', reason: 'NEW_TARGET_ROLE', note: 'Stay in the PMO' } },
        },
        result: { data: { changePlanDirection: { __typename: 'Plan', id: 'plan-1' } } },
      },
      myPlan(revised),
    ]);

    const history = await screen.findByRole('table', { name: 'Plan vs actual' });
    expect(within(history).getAllByRole('row').slice(1).map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent))).toEqual([
      ['1 · First plan', '14', '2', '1 of 9'],
    ]);

    const select = screen.getByRole('combobox', { name: 'New target role' });
    expect(within(select).queryByRole('option', { name: 'Project Manager' })).not.toBeInTheDocument();
    await user.selectOptions(select, 'Senior PMO Analyst');
    await user.type(screen.getByRole('textbox', { name: 'Why' }), 'Stay in the PMO');
    await user.click(screen.getByRole('button', { name: 'Change direction' }));

    expect(await screen.findByRole('heading', { name: 'Towards Senior PMO Analyst' })).toBeInTheDocument();
    expect(screen.getByText('Direction changed: a new revision is ready to propose to your manager.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Plan vs actual' })).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Propose to Ben Okafor (your manager)' })).toBeInTheDocument();
  });
});
