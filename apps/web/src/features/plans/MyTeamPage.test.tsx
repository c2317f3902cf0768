import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { TeamPlansQuery } from './MyTeamPage';

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
  it('lists each report’s plan and sends the manager to the plan page to review one waiting for agreement', async () => {
    renderRoute('/my-team', [team('PROPOSED', 3)], { viewer: adminViewer });

    const table = await screen.findByRole('table', { name: 'Team plans' });
    expect(screen.getByText('2 people report to you: 1 plan waits for your agreement, 1 person has no plan yet.')).toBeInTheDocument();
    const dan = within(table).getByRole('row', { name: /Dan Kowalski/ });
    expect(within(dan).getByText('Waiting for agreement')).toBeInTheDocument();
    expect(within(dan).getByText('40%')).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /Chloe Martin/ })).getByText('No plan yet')).toBeInTheDocument();
    // Agreeing is done where the actions and the evidence are, not from the list.
    expect(within(dan).getByRole('link', { name: 'Review Dan Kowalski’s plan' })).toHaveAttribute('href', '/my-team/p-dan');
    expect(within(table).queryByRole('button', { name: /Agree/ })).not.toBeInTheDocument();
  });

  it('offers no review for a plan that is not waiting', async () => {
    renderRoute('/my-team', [team('AGREED', 4)], { viewer: adminViewer });
    const table = await screen.findByRole('table', { name: 'Team plans' });
    expect(await within(table).findByText('By 2026-08-12')).toBeInTheDocument();
    expect(screen.getByText('2 people report to you: 1 person has no plan yet.')).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: /Review/ })).not.toBeInTheDocument();
  });

  it('shows each person as a card at phone width, with what needs the manager on it', async () => {
    const matchMedia = window.matchMedia;
    window.matchMedia = (query: string) => ({ ...matchMedia(query), matches: query.includes('max-width: 36em') });
    try {
      renderRoute('/my-team', [team('PROPOSED', 3)], { viewer: adminViewer });
      const list = await screen.findByRole('list', { name: 'Team plans' });
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
      const [dan, chloe] = within(list).getAllByRole('listitem');
      expect(dan).toHaveTextContent(/Dan Kowalski.*Towards Project Manager.*Waiting for agreement.*Readiness 40%/);
      expect(within(dan!).getByRole('link', { name: 'Review Dan Kowalski’s plan' })).toHaveAttribute('href', '/my-team/p-dan');
      expect(chloe).toHaveTextContent(/Chloe Martin.*No plan yet/);
      expect(within(chloe!).queryByRole('link', { name: /Review/ })).not.toBeInTheDocument();
    } finally {
      window.matchMedia = matchMedia;
    }
  });
});
