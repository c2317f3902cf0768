import { screen, waitFor, within } from '@testing-library/react';
import { pmoAnalyst, pmoFramework } from '../../test/fixtures';
import { RolePageQuery } from '../roles/RolePage';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { FrameworkBrowserQuery } from './FrameworkPage';

const request = { query: FrameworkBrowserQuery, variables: { id: 'fw-pmo' } };
const found = { request, result: { data: { framework: pmoFramework } } };

describe('Framework page', () => {
  it('offers admins, and only them, the way to the version history', async () => {
    const { unmount } = renderRoute('/frameworks/fw-pmo', [found], { viewer: adminViewer });
    expect(await screen.findByRole('link', { name: 'Versions' })).toHaveAttribute('href', '/frameworks/fw-pmo/versions');
    unmount();
    renderRoute('/frameworks/fw-pmo', [found]);
    await screen.findByRole('heading', { level: 1, name: 'PMO career framework' });
    expect(screen.queryByRole('link', { name: 'Versions' })).not.toBeInTheDocument();
  });

  it('shows the framework name as the page heading, its version and breadcrumbs', async () => {
    renderRoute('/frameworks/fw-pmo', [found]);

    expect(await screen.findByRole('heading', { level: 1, name: 'PMO career framework' })).toBeInTheDocument();
    expect(screen.getByText('Version 3')).toBeInTheDocument();
    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(breadcrumb).getByRole('link', { name: 'Frameworks' })).toHaveAttribute('href', '/frameworks');
    expect(within(breadcrumb).getByText('PMO career framework')).toHaveAttribute('aria-current', 'page');
  });

  it('renders every track with its kind and its roles as rungs in level order, each linking to the role', async () => {
    renderRoute('/frameworks/fw-pmo', [found]);

    const tracks = await screen.findByRole('region', { name: 'Tracks' });
    // Tracks under their groups; a track in no group under "Other tracks".
    expect(within(tracks).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Project office', 'Other tracks']);
    expect(within(tracks).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'PMO career track',
      'Project delivery track',
      'Lateral: business roles',
    ]);
    expect(within(tracks).getByRole('region', { name: 'Project office' })).toHaveTextContent('Roles that run the PMO and its projects.');
    expect(within(tracks).getAllByText('Core track')).toHaveLength(2);
    expect(within(tracks).getByText('Lateral track')).toBeInTheDocument();

    const pmoLadder = within(tracks).getByRole('list', { name: 'PMO career track roles, from the first rung up' });
    const rungs = within(pmoLadder).getAllByRole('listitem');
    expect(rungs.map((rung) => within(rung).getByRole('link').textContent)).toEqual([
      'PMO Administrator',
      'PMO Analyst',
      'Senior PMO Analyst',
      'PMO Manager',
      'Head of PMO',
    ]);
    expect(rungs[1]).toHaveTextContent('Level 2 · Band 2');
    expect(within(rungs[1]!).getByRole('link', { name: 'PMO Analyst' })).toHaveAttribute(
      'href',
      '/roles/role-pmo-analyst',
    );

    const deliveryLadder = within(tracks).getByRole('list', { name: 'Project delivery track roles, from the first rung up' });
    // A role shared with the delivery track is one of its rungs too, and says whose it is.
    const deliveryRungs = within(deliveryLadder).getAllByRole('listitem');
    expect(deliveryRungs.map((rung) => within(rung).getByRole('link').textContent)).toEqual(['PMO Administrator', 'Project Support Officer', 'Project Manager']);
    expect(deliveryRungs[0]).toHaveTextContent('Shared with PMO career track');
    expect(deliveryRungs[1]).not.toHaveTextContent('Shared');
  });

  it('shows every skill on its own scale with summaries, criteria and examples as Markdown, and levels nobody described as such', async () => {
    renderRoute('/frameworks/fw-pmo', [found]);

    const skills = await screen.findByRole('region', { name: 'Skills' });
    expect(within(skills).getByRole('heading', { level: 3, name: 'Reporting' })).toBeInTheDocument();
    expect(skills).toHaveTextContent('Depth (Aware, Practising, Leading)');
    const ladder = within(skills).getByRole('list', { name: 'Data analysis at every level' });
    const steps = within(ladder).getAllByRole('listitem', { hidden: true }).filter((li) => li.parentElement === ladder);
    expect(steps.map((step) => step.querySelector('p, .mantine-Text-root')?.textContent)).toEqual(['1 · Aware', '2 · Practising', '3 · Leading']);
    expect(steps[1]).toHaveTextContent('No descriptor written for this level');
    expect(within(steps[0]!).getByRole('list', { name: 'Criteria', hidden: true })).toHaveTextContent('Spots a missing figure');
    expect(within(steps[0]!).getByRole('list', { name: 'Examples', hidden: true })).toHaveTextContent('Checked the weekly RAG report');
    // Markdown, once the renderer has loaded: emphasis as elements, HTML as text.
    await waitFor(() => expect(steps[0]!.querySelector('em')?.textContent).toBe('dashboard'));
    await waitFor(() => expect(steps[2]).toHaveTextContent('<script>alert(1)</script>'));
    expect(skills.querySelector('script')).toBeNull();
  });

  it('lists the moves between roles as text next to the graph, promotions and lateral moves told apart', async () => {
    renderRoute('/frameworks/fw-pmo', [found]);

    const moves = await screen.findByRole('table', { name: 'List of moves' });
    const rows = within(moves).getAllByRole('row').slice(1);
    expect(rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent))).toEqual([
      ['PMO Administrator', 'PMO Analyst', 'Promotion', '2 years', 'Own a reporting cycle end to end.'],
      ['PMO Analyst', 'Senior PMO Analyst', 'Promotion', '30 months', 'Lead assurance reviews.'],
      ['PMO Analyst', 'Business Analyst', 'Lateral move', '18 months', '—'],
    ]);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(legend).toHaveTextContent('Promotion (solid line)');
    expect(legend).toHaveTextContent('Lateral move (dashed line)');
  });

  it('draws the role graph with every role as a link to its page', async () => {
    renderRoute('/frameworks/fw-pmo', [found]);

    const graph = await screen.findByTestId('role-graph');
    const group = screen.getByRole('group', { name: 'Graph of roles and moves' });
    expect(group).toContainElement(graph);
    expect(await within(graph).findByRole('link', { name: 'Head of PMO' })).toHaveAttribute('href', '/roles/role-head-of-pmo');
    expect(within(graph).getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('/roles/'))).toHaveLength(8);
    expect(within(graph).queryByRole('application')).not.toBeInTheDocument();

    // Promotions are solid, lateral moves dashed.
    const promotion = await within(graph).findByTestId('rf__edge-t-analyst-senior');
    const lateral = within(graph).getByTestId('rf__edge-t-analyst-ba');
    expect(promotion.querySelector('path.react-flow__edge-path')?.getAttribute('style')).not.toMatch(/dasharray/);
    expect(lateral.querySelector('path.react-flow__edge-path')?.getAttribute('style')).toMatch(/stroke-dasharray: 6 4/);
  });

  it('shows the proficiency scale with level names', async () => {
    renderRoute('/frameworks/fw-pmo', [found]);

    const table = await screen.findByRole('table', { name: 'Proficiency scale' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Aware',
      'Practised',
      'Competent',
      'Proficient',
      'Expert',
    ]);
  });

  it('says when a framework has no published version', async () => {
    renderRoute('/frameworks/fw-pmo', [
      { request, result: { data: { framework: { ...pmoFramework, currentVersion: null } } } },
    ]);

    expect(await screen.findByRole('heading', { name: 'No published version yet' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Tracks' })).not.toBeInTheDocument();
  });

  it('shows "not found" for an unknown framework id', async () => {
    renderRoute('/frameworks/nope', [
      { request: { query: FrameworkBrowserQuery, variables: { id: 'nope' } }, result: { data: { framework: null } } },
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Framework not found' })).toBeInTheDocument();
  });

  it('retries after an error', async () => {
    const { user } = renderRoute('/frameworks/fw-pmo', [{ request, error: new Error('Failed to fetch') }, found]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load this framework');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'PMO career framework' })).toBeInTheDocument();
  });

  it('opens a role page from its rung with the keyboard, and moves focus to the new page', async () => {
    const { user, router } = renderRoute('/frameworks/fw-pmo', [
      found,
      { request: { query: RolePageQuery, variables: { id: 'role-pmo-analyst' } }, result: { data: { role: pmoAnalyst } } },
    ]);
    const tracks = await screen.findByRole('region', { name: 'Tracks' });

    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveFocus();

    within(tracks).getByRole('link', { name: 'PMO Analyst' }).focus();
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'PMO Analyst' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/roles/role-pmo-analyst');
    expect(screen.getByRole('main')).toHaveFocus();
    expect(screen.getByRole('table', { name: 'Expected skills' })).toBeInTheDocument();
  });
});
