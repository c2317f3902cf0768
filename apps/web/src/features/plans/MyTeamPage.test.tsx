import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { AgreePlanMutation, SendBackPlanMutation, TeamPlansQuery } from './MyTeamPage';

const danPlan = (status: string, version: number) => ({
  __typename: 'Plan' as const,
  id: 'plan-dan',
  status,
  version,
  reviewDueOn: status === 'AGREED' ? '2026-08-12' : null,
  reviewState: status === 'AGREED' ? 'UPCOMING' : null,
  targetRole: { __typename: 'Role' as const, id: 'role-pm', title: 'Project Manager' },
  readiness: { __typename: 'Readiness' as const, shareMet: 0.4 },
});

const team = (status: string, version: number) => ({
  request: { query: TeamPlansQuery },
  result: {
    data: {
      teamPlans: [
        { __typename: 'TeamPlan', overdue: false, waitingForAgreement: status === 'PROPOSED', person: { __typename: 'Person', id: 'p-dan', name: 'Dan Kowalski' }, plan: danPlan(status, version) },
        { __typename: 'TeamPlan', overdue: false, waitingForAgreement: false, person: { __typename: 'Person', id: 'p-chloe', name: 'Chloe Martin' }, plan: null },
      ],
    },
  },
});

describe('My team page', () => {
  it('lists each report’s plan and agrees one waiting for agreement', async () => {
    const { user } = renderRoute(
      '/my-team',
      [
        team('PROPOSED', 3),
        { request: { query: AgreePlanMutation, variables: { input: { planId: 'plan-dan', expectedVersion: 3 } } }, result: { data: { agreePlan: { __typename: 'Plan', id: 'plan-dan', status: 'AGREED', version: 4, reviewDueOn: '2026-08-12', reviewState: 'UPCOMING' } } } },
        team('AGREED', 4),
      ],
      { viewer: adminViewer },
    );

    const table = await screen.findByRole('table', { name: 'Team plans' });
    const dan = within(table).getByRole('row', { name: /Dan Kowalski/ });
    expect(within(dan).getByText('Waiting for agreement')).toBeInTheDocument();
    expect(within(dan).getByText('40%')).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /Chloe Martin/ })).getByText('No plan yet')).toBeInTheDocument();

    await user.click(within(dan).getByRole('button', { name: 'Agree Dan Kowalski’s plan' }));
    expect(await screen.findByText('Agreed Dan Kowalski’s plan.')).toBeInTheDocument();
    expect(await within(table).findByText('By 2026-08-12')).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: /Agree/ })).not.toBeInTheDocument();
  });

  it('sends a plan back only with a comment', async () => {
    const { user } = renderRoute(
      '/my-team',
      [
        team('PROPOSED', 3),
        {
          request: { query: SendBackPlanMutation, variables: { input: { planId: 'plan-dan', expectedVersion: 3, comment: 'Add a date to the PMP' } } },
          result: { data: { sendBackPlan: { __typename: 'Plan', id: 'plan-dan', status: 'DRAFT', version: 4, sentBackComment: 'Add a date to the PMP' } } },
        },
        team('DRAFT', 4),
      ],
      { viewer: adminViewer },
    );

    await user.click(await screen.findByRole('button', { name: 'Send back…' }));
    await user.click(screen.getByRole('button', { name: 'Send back' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Say why the plan is sent back: a comment is required.');

    await user.type(screen.getByRole('textbox', { name: 'Why send Dan Kowalski’s plan back?' }), 'Add a date to the PMP');
    await user.click(screen.getByRole('button', { name: 'Send back' }));
    expect(await screen.findByText('Sent Dan Kowalski’s plan back.')).toBeInTheDocument();
    expect(await screen.findByText('Draft')).toBeInTheDocument();
  });
});
