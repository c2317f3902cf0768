import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { TeamTreeQuery } from './TeamsPage';

const member = (id: string, name: string, active = true) => ({ __typename: 'Person', id, name, jobTitle: null, active });
const teams = [
  { __typename: 'Team', id: 't-pmo', name: 'PMO', path: 'Delivery/PMO', parent: { __typename: 'Team', id: 't-delivery' }, people: [member('dan', 'Dan Okafor'), member('gone', 'Gone Person', false)] },
  { __typename: 'Team', id: 't-delivery', name: 'Delivery', path: 'Delivery', parent: null, people: [member('asha', 'Asha Patel')] },
];

describe('Teams page', () => {
  it('shows the team tree with member counts; teams open and close from the keyboard', async () => {
    const { user } = renderRoute('/teams', [{ request: { query: TeamTreeQuery }, result: { data: { teams } } }]);

    const delivery = await screen.findByRole('button', { name: 'Delivery' });
    expect(delivery).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('list', { name: 'People in Delivery' })).toHaveTextContent('Asha Patel');
    expect(screen.getByText('2 people with sub-teams')).toBeInTheDocument();

    const pmo = screen.getByRole('button', { name: 'PMO' });
    expect(pmo).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'People in Delivery/PMO' })).not.toBeInTheDocument();

    pmo.focus();
    await user.keyboard('{Enter}');
    expect(pmo).toHaveAttribute('aria-expanded', 'true');
    const pmoPeople = screen.getByRole('list', { name: 'People in Delivery/PMO' });
    expect(within(pmoPeople).getByRole('link', { name: 'Dan Okafor' })).toHaveAttribute('href', '/people/dan');
    expect(within(pmoPeople).queryByText('Gone Person')).not.toBeInTheDocument();

    delivery.focus();
    await user.keyboard(' ');
    expect(delivery).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'PMO' })).not.toBeInTheDocument();
  });
});
