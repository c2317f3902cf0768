import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { PlansSharedWithMeQuery } from './SharedWithMePage';

const shared = (plans: unknown[]) => ({ request: { query: PlansSharedWithMeQuery }, result: { data: { plansSharedWithMe: plans } } });

describe('Shared with me', () => {
  it('lists the plans colleagues shared, each leading to its page, and is in the main navigation', async () => {
    renderRoute('/shared-with-me', [
      shared([
        {
          __typename: 'SharedPlan',
          sharedAt: '2026-06-02T10:00:00.000Z',
          person: { __typename: 'Person', id: 'p-dan', name: 'Dan Kowalski' },
          plan: { __typename: 'Plan', id: 'plan-dan', status: 'PROPOSED', targetRole: { __typename: 'Role', id: 'role-pm', title: 'Project Manager' }, readiness: { __typename: 'Readiness', shareMet: 0.25 } },
        },
        { __typename: 'SharedPlan', sharedAt: '2026-06-01T10:00:00.000Z', person: { __typename: 'Person', id: 'p-eve', name: 'Eve Moss' }, plan: null },
      ]),
    ]);
    const list = await screen.findByRole('list', { name: 'Plans shared with me' });
    const items = within(list).getAllByRole('listitem');
    expect(within(items[0]!).getByRole('link', { name: 'Dan Kowalski’s plan' })).toHaveAttribute('href', '/plans/p-dan');
    expect(items[0]).toHaveTextContent('Towards Project Manager');
    expect(items[0]).toHaveTextContent('Waiting for agreement');
    expect(items[1]).toHaveTextContent('No plan yet.');
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Shared with me' })).toHaveAttribute('href', '/shared-with-me');
  });

  it('says so when nothing is shared', async () => {
    renderRoute('/shared-with-me', [shared([])]);
    expect(await screen.findByText('Nothing shared with you yet')).toBeInTheDocument();
  });
});
