import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { PersonPageQuery, PeopleQuery, TeamOptionsQuery } from './queries';

const team = { __typename: 'Team', id: 't-pmo', path: 'Delivery/PMO' } as const;
const person = (id: string, name: string, jobTitle: string | null, extra: Record<string, unknown> = {}) => ({
  __typename: 'Person',
  id,
  name,
  email: `${id}@acme.test`,
  jobTitle,
  active: true,
  accessRole: 'EMPLOYEE',
  team,
  manager: null,
  currentRole: null,
  signIn: null,
  ...extra,
});

const asha = person('asha', 'Asha Patel', 'Head of PMO', {
  currentRole: { __typename: 'Role', id: 'role-head-of-pmo', title: 'Head of PMO' },
});
const dan = person('dan', 'Dan Okafor', 'PMO Analyst', { manager: { __typename: 'Person', id: 'asha', name: 'Asha Patel' } });

const teams = {
  request: { query: TeamOptionsQuery },
  result: { data: { teams: [{ __typename: 'Team', id: 't-pmo', name: 'PMO', path: 'Delivery/PMO' }] } },
};
const everyone = {
  request: { query: PeopleQuery, variables: { includeLeft: false } },
  result: { data: { people: [asha, dan] } },
};

const namesIn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => (row as HTMLTableRowElement).cells[0]?.textContent);

describe('People directory', () => {
  it('lists people with job title, team path, manager and current role as links', async () => {
    renderRoute('/people', [teams, everyone]);

    const table = await screen.findByRole('table', { name: 'People' });
    expect(namesIn(table)).toEqual(['Asha Patel', 'Dan Okafor']);
    const danRow = within(table).getByRole('row', { name: /^Dan Okafor/ });
    expect(within(danRow).getByRole('link', { name: 'Dan Okafor' })).toHaveAttribute('href', '/people/dan');
    expect(within(danRow).getByRole('link', { name: 'Asha Patel' })).toHaveAttribute('href', '/people/asha');
    expect(danRow).toHaveTextContent('Delivery/PMO');
    const ashaRow = within(table).getByRole('row', { name: /^Asha Patel/ });
    expect(within(ashaRow).getByRole('link', { name: 'Head of PMO' })).toHaveAttribute('href', '/roles/role-head-of-pmo');
    expect(screen.getByText('2 people')).toBeInTheDocument();
  });

  it('searches with the typed text once typing pauses, not on every keystroke', async () => {
    const asked: Record<string, unknown>[] = [];
    const { user } = renderRoute('/people', [
      teams,
      {
        request: { query: PeopleQuery, variables: () => true },
        maxUsageCount: Number.POSITIVE_INFINITY,
        result: (variables: Record<string, unknown>) => {
          asked.push(variables);
          return { data: { people: variables['search'] === 'okafor' ? [dan] : [asha, dan] } };
        },
      },
    ]);
    await screen.findByRole('table', { name: 'People' });

    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), 'okafor');

    await waitFor(() => expect(namesIn(screen.getByRole('table', { name: 'People' }))).toEqual(['Dan Okafor']));
    expect(asked).toEqual([{ includeLeft: false }, { includeLeft: false, search: 'okafor' }]);
    expect(screen.getByText('1 person')).toBeInTheDocument();
  });

  it('says when no one matches, and clearing the search lists everyone again', async () => {
    const { user } = renderRoute('/people', [
      teams,
      everyone,
      { request: { query: PeopleQuery, variables: { includeLeft: true } }, result: { data: { people: [asha, dan] } } },
      { request: { query: PeopleQuery, variables: { includeLeft: true, search: 'zed' } }, result: { data: { people: [] } } },
    ]);
    await screen.findByRole('table', { name: 'People' });

    await user.click(screen.getByRole('switch', { name: 'Show people who left' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), 'zed');

    expect(await screen.findByRole('heading', { name: 'No one matches' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(namesIn(await screen.findByRole('table', { name: 'People' }))).toEqual(['Asha Patel', 'Dan Okafor']);
  });
});

describe('Person page', () => {
  it('shows the person with team path, manager, reports and current role', async () => {
    renderRoute('/people/asha', [
      {
        request: { query: PersonPageQuery, variables: { id: 'asha' } },
        result: {
          data: {
            person: {
              __typename: 'Person',
              id: 'asha',
              name: 'Asha Patel',
              email: 'asha@acme.test',
              jobTitle: 'Head of PMO',
              active: true,
              startDate: '2019-04-01',
              accessRole: 'ADMIN',
              team,
              manager: null,
              reports: [{ __typename: 'Person', id: 'dan', name: 'Dan Okafor', jobTitle: 'PMO Analyst', active: true }],
              currentRole: {
                __typename: 'Role',
                id: 'role-head-of-pmo',
                title: 'Head of PMO',
                level: 5,
                track: { __typename: 'Track', id: 'track-pmo', name: 'PMO career track' },
              },
            },
          },
        },
      },
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Asha Patel' })).toBeInTheDocument();
    expect(screen.getByText('Delivery/PMO')).toBeInTheDocument();
    expect(screen.getByText('No manager')).toBeInTheDocument();
    expect(screen.getByText('1 April 2019')).toBeInTheDocument();
    expect(screen.getByText('Admin')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Head of PMO' })).toHaveAttribute('href', '/roles/role-head-of-pmo');
    const reports = screen.getByRole('list', { name: 'Reports' });
    expect(within(reports).getByRole('link', { name: 'Dan Okafor' })).toHaveAttribute('href', '/people/dan');
    // An employee is not offered the admin edit.
    expect(screen.queryByRole('link', { name: /^Edit/ })).not.toBeInTheDocument();
  });
});
