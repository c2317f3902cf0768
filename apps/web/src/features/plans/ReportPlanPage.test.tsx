import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer, apiError } from '../../test/session';
import { RecordManagerAssessmentMutation, ReportPlanQuery } from './ReportPlanPage';

const version = {
  __typename: 'FrameworkVersion' as const,
  id: 'v1',
  proficiencyScale: [1, 2, 3, 4, 5].map((level) => ({ __typename: 'ProficiencyLevel' as const, level, name: ['Aware', 'Practised', 'Competent', 'Proficient', 'Expert'][level - 1]! })),
  skills: [
    { __typename: 'Skill' as const, id: 'skill-planning', key: 'planning-scheduling', name: 'Planning & scheduling' },
    { __typename: 'Skill' as const, id: 'skill-risk', key: 'risk-management', name: 'Risk management' },
  ],
};

const answer = (managerLevel: number | null) => ({
  request: { query: ReportPlanQuery, variables: { personId: 'p-dan' } },
  result: {
    data: {
      person: { __typename: 'Person', id: 'p-dan', name: 'Dan Kowalski' },
      planOf: {
        __typename: 'Plan',
        id: 'plan-dan',
        status: 'PROPOSED',
        reviewDueOn: null,
        targetRole: { __typename: 'Role', id: 'role-pm', title: 'Project Manager' },
        actions: [{ __typename: 'PlanAction', id: 'a1', title: 'Gain the Project Management Professional (PMP)', status: 'NOT_STARTED' }],
        checkIns: [],
        readiness: {
          __typename: 'Readiness',
          shareMet: 0.3,
          totalShortfall: 9,
          skills: [{ __typename: 'ExpectationGap', skillKey: 'planning-scheduling', requiredLevel: 4 }],
          forecast: { __typename: 'ReadinessForecast', kind: 'not-enough-history', reason: null, monthsToReady: null },
        },
      },
      assessmentsOf: {
        __typename: 'PersonAssessments',
        personId: 'p-dan',
        current: [{ __typename: 'ProfileEntry', skillKey: 'planning-scheduling', selfLevel: 3, managerLevel }],
      },
      frameworks: [{ __typename: 'Framework', id: 'fw-pmo', currentVersion: version }],
    },
  },
});

describe('A report’s plan page', () => {
  it('shows the report’s plan and lets the manager add their rating beside the report’s own', async () => {
    const { user } = renderRoute(
      '/my-team/p-dan',
      [
        answer(null),
        {
          request: { query: RecordManagerAssessmentMutation, variables: { personId: 'p-dan', input: { skillId: 'skill-planning', level: 2 } } },
          result: { data: { recordManagerAssessment: { __typename: 'Assessment', id: 'as-9', level: 2 } } },
        },
        answer(2),
      ],
      { viewer: adminViewer },
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Dan Kowalski’s development plan' })).toBeInTheDocument();
    expect(screen.getByText('Waiting for agreement')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Actions' })).getByText('Gain the Project Management Professional (PMP)')).toBeInTheDocument();

    const skills = screen.getByRole('table', { name: 'Skills' });
    expect(within(skills).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Skill', 'Expected', 'Their rating', 'My rating']);
    const row = within(skills).getByRole('row', { name: /Planning & scheduling/ }) as HTMLTableRowElement;
    expect(row.cells[2]).toHaveTextContent('3 · Competent');

    await user.selectOptions(within(row).getByRole('combobox', { name: 'My rating of Planning & scheduling' }), '2 · Practised');
    expect(await screen.findByText('Rated Planning & scheduling at level 2.')).toBeInTheDocument();
    expect(within(row).getByRole('combobox', { name: 'My rating of Planning & scheduling' })).toHaveValue('2');
  });

  it('explains a refusal when the person is not the viewer’s report', async () => {
    renderRoute('/my-team/p-dan', [
      {
        request: { query: ReportPlanQuery, variables: { personId: 'p-dan' } },
        result: apiError("You are not allowed to see Dan Kowalski's development plan: only they, their manager and people they share with can.", 'FORBIDDEN'),
      },
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent('You do not have access to this');
  });
});
