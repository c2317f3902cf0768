import { screen, within } from '@testing-library/react';
import { pmoAnalyst } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { RolePageQuery } from './RolePage';

const request = { query: RolePageQuery, variables: { id: 'role-pmo-analyst' } };
const found = { request, result: { data: { role: pmoAnalyst } } };

describe('Role page', () => {
  it('shows the role title as the heading, its track, level, band, summary and breadcrumbs', async () => {
    renderRoute('/roles/role-pmo-analyst', [found]);

    expect(await screen.findByRole('heading', { level: 1, name: 'PMO Analyst' })).toBeInTheDocument();
    expect(screen.getByText('PMO career track')).toBeInTheDocument();
    expect(screen.getByText('Level 2')).toBeInTheDocument();
    expect(screen.getByText('Band 2')).toBeInTheDocument();
    expect(screen.getByText('Owns reporting cycles and change control for a programme.')).toBeInTheDocument();

    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(breadcrumb).getByRole('link', { name: 'PMO career framework' })).toHaveAttribute('href', '/frameworks/fw-pmo');
    expect(within(breadcrumb).getByText('PMO Analyst')).toHaveAttribute('aria-current', 'page');

    const responsibilities = screen.getByRole('list', { name: 'Responsibilities' });
    expect(within(responsibilities).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Run the monthly reporting cycle',
      'Lead change control',
    ]);
  });

  it('links to comparing this role with another and to finding a route to it', async () => {
    renderRoute('/roles/role-pmo-analyst', [found]);

    expect(await screen.findByRole('link', { name: 'Compare with…' })).toHaveAttribute('href', '/frameworks/fw-pmo/compare?from=role-pmo-analyst');
    expect(screen.getByRole('link', { name: 'Find a route to this role' })).toHaveAttribute('href', '/frameworks/fw-pmo/paths?to=role-pmo-analyst');
  });

  it('groups the expected skills by category, with level number, level name and descriptor', async () => {
    renderRoute('/roles/role-pmo-analyst', [found]);

    const table = await screen.findByRole('table', { name: 'Expected skills' });
    const [, ...groups] = within(table).getAllByRole('rowgroup');
    expect(groups).toHaveLength(2);

    // Each group: a category header, then its skills (interleaved in the data, grouped on screen).
    const summarise = (group: HTMLElement) =>
      within(group)
        .getAllByRole('row')
        .filter((row) => !row.hidden)
        .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent?.trim()));
    expect(summarise(groups[0]!)).toEqual([
      ['Reporting & management information'],
      [
        'Status reportingWeight 2Turning progress data into reports for boards.',
        'Level 3Competent',
        // The role's own statement, then the descriptor's summary, criteria and examples.
        'For this role: Owns the programme-level report, not only a project’s.Owns a reporting cycle end to end and challenges optimistic RAG ratings.' +
          'Runs the monthly cycle aloneChallenges optimistic RAG ratingsExamplesRebuilt the board pack for the ERP programme',
        'All levels of Status reporting',
      ],
      [
        'Data analysis & insight',
        'Level 4Proficient',
        'Finds trends across the portfolio and explains them to senior managers.',
        'All levels of Data analysis & insight',
      ],
    ]);
    expect(summarise(groups[1]!)).toEqual([
      ['Risk & issue management'],
      [
        'Risk managementOptional',
        'Level 2Practised',
        'Maintains the risk register and chases owners for updates.',
        'All levels of Risk management',
      ],
    ]);
    expect(within(groups[0]!).getByRole('rowheader', { name: 'Reporting & management information' })).toHaveAttribute(
      'scope',
      'rowgroup',
    );
    expect(within(table).getByRole('rowheader', { name: /^Status reporting/ })).toBeInTheDocument();
  });

  it('expands a skill to show its full ladder of descriptors, marking the expected level', async () => {
    const { user } = renderRoute('/roles/role-pmo-analyst', [found]);

    const toggle = await screen.findByRole('button', { name: 'All levels of Status reporting' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Status reporting at every level' })).not.toBeInTheDocument();

    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Hide levels of Status reporting');
    const ladder = screen.getByRole('list', { name: 'Status reporting at every level' });
    const steps = Array.from(ladder.querySelectorAll(':scope > li'));
    expect(steps).toHaveLength(5);
    expect(within(steps[2] as HTMLElement).getByRole('list', { name: 'Criteria' })).toHaveTextContent('Runs the monthly cycle aloneChallenges optimistic RAG ratings');
    expect(within(steps[2] as HTMLElement).getByRole('list', { name: 'Examples' })).toHaveTextContent('Rebuilt the board pack for the ERP programme');
    expect(steps[0]).toHaveTextContent('1AwareStatus reporting at level 1.');
    expect(steps[2]).toHaveTextContent('Competent (expected for this role)');
    expect(steps[2]).toHaveAttribute('data-expected', 'true');
    expect(steps[3]).toHaveAttribute('data-expected', 'false');
  });

  it('shows a level nobody described as "No descriptor", never an invented one', async () => {
    const { user } = renderRoute('/roles/role-pmo-analyst', [found]);
    await user.click(await screen.findByRole('button', { name: 'All levels of Data analysis & insight' }));
    const ladder = screen.getByRole('list', { name: 'Data analysis & insight at every level' });
    const steps = Array.from(ladder.querySelectorAll(':scope > li'));
    expect(steps[4]).toHaveTextContent('5ExpertNo descriptor written for this level');
    expect(steps[3]).toHaveTextContent('Data analysis at level 4.');
  });

  it('lists required and recommended qualifications with provider, validity and link', async () => {
    renderRoute('/roles/role-pmo-analyst', [found]);

    const required = await screen.findByRole('list', { name: 'Required' });
    expect(required).toHaveTextContent('APM Project Fundamentals');
    expect(required).toHaveTextContent('Association for Project Management');
    expect(required).toHaveTextContent('Valid for 3 years');

    const recommended = screen.getByRole('list', { name: 'Recommended' });
    const link = within(recommended).getByRole('link', { name: 'P3O Foundation (opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://example.org/p3o');
    expect(recommended).toHaveTextContent('PeopleCert');
    expect(recommended).toHaveTextContent('Does not expire');
  });

  it('lists the moves out of and into the role with kind, typical time and guidance', async () => {
    renderRoute('/roles/role-pmo-analyst', [found]);

    const out = await screen.findByRole('list', { name: 'Moves from this role' });
    const outItems = within(out).getAllByRole('listitem');
    expect(outItems.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'Senior PMO Analyst',
      'Business Analyst',
    ]);
    expect(outItems[0]).toHaveTextContent('Promotion');
    expect(outItems[0]).toHaveTextContent('Typically after 30 months in this role.');
    expect(outItems[0]).toHaveTextContent('Lead assurance reviews.');
    expect(outItems[1]).toHaveTextContent('Lateral move');
    expect(within(outItems[1]!).getByRole('link')).toHaveAttribute('href', '/roles/role-business-analyst');

    const into = screen.getByRole('list', { name: 'Moves into this role' });
    expect(within(into).getByRole('link', { name: 'PMO Administrator' })).toHaveAttribute('href', '/roles/role-pmo-administrator');
    expect(into).toHaveTextContent('Typically after 2 years as PMO Administrator.');
  });

  it('shows "not found" for an unknown role id', async () => {
    renderRoute('/roles/unknown', [
      { request: { query: RolePageQuery, variables: { id: 'unknown' } }, result: { data: { role: null } } },
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Role not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to all frameworks' })).toHaveAttribute('href', '/frameworks');
  });

  it('treats an API NOT_FOUND error as "not found", not as a failure', async () => {
    renderRoute('/roles/unknown', [
      {
        request: { query: RolePageQuery, variables: { id: 'unknown' } },
        result: { data: { role: null }, errors: [{ message: 'Role not found', extensions: { code: 'NOT_FOUND' } }] },
      },
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Role not found' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows an error with retry, and retrying re-runs the query', async () => {
    const { user } = renderRoute('/roles/role-pmo-analyst', [
      { request, result: { errors: [{ message: 'Internal server error' }] } },
      found,
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load this role');
    expect(alert).toHaveTextContent('Internal server error');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'PMO Analyst' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Expected skills' })).toBeInTheDocument();
  });
});
