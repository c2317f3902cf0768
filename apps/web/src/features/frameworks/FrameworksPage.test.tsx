import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { frameworksList } from '../../test/fixtures';
import { FrameworksQuery } from './FrameworksPage';

const request = { query: FrameworksQuery };

describe('Frameworks page', () => {
  it('lists each framework as a link to its browser, with its current version number', async () => {
    renderRoute('/frameworks', [{ request, result: { data: { frameworks: frameworksList } } }]);

    expect(screen.getByRole('heading', { level: 1, name: 'Frameworks' })).toBeInTheDocument();
    const pmo = await screen.findByRole('link', { name: 'PMO career framework' });
    expect(pmo).toHaveAttribute('href', '/frameworks/fw-pmo');

    const items = within(screen.getByRole('list', { name: 'Frameworks' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('Version 3')).toBeInTheDocument();
    expect(within(items[0]!).getByText('Published 14 March 2025')).toBeInTheDocument();
    expect(within(items[1]!).getByRole('link', { name: 'Engineering ladder' })).toHaveAttribute(
      'href',
      '/frameworks/fw-eng',
    );
    expect(within(items[1]!).getByText('No published version')).toBeInTheDocument();
  });

  it('shows a loading state before the answer arrives', async () => {
    renderRoute('/frameworks', [{ request, result: { data: { frameworks: frameworksList } }, delay: 30 }]);
    expect(screen.getByRole('status')).toHaveTextContent('Loading frameworks…');
    expect(await screen.findByRole('link', { name: 'PMO career framework' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says so when the organisation has no frameworks yet', async () => {
    renderRoute('/frameworks', [{ request, result: { data: { frameworks: [] } } }]);

    expect(await screen.findByRole('heading', { name: 'No frameworks yet' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows an error with a retry button, and retrying re-runs the query', async () => {
    const { user } = renderRoute('/frameworks', [
      { request, error: new Error('Failed to fetch') },
      { request, result: { data: { frameworks: frameworksList } } },
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load frameworks');
    expect(alert).toHaveTextContent('Trellis could not reach the server');
    expect(screen.queryByRole('link', { name: 'PMO career framework' })).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('link', { name: 'PMO career framework' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the error up when the retry fails too', async () => {
    const { user } = renderRoute('/frameworks', [
      { request, error: new Error('Failed to fetch') },
      { request, result: { errors: [{ message: 'Database unavailable' }] } },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('Database unavailable')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load frameworks');
  });
});

describe('App shell and routing', () => {
  // Where "/" leads (an employee to My career, an admin to the checklist or here) is GettingStartedPage.test.tsx's.
  it('shows /frameworks inside the shell with header, navigation and main landmarks', async () => {
    const { router } = renderRoute('/frameworks', [{ request, result: { data: { frameworks: frameworksList } } }]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Frameworks' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/frameworks');
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Trellis' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Frameworks' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('heading', { level: 1 }));
  });

  it('shows a 404 page for unknown routes', async () => {
    renderRoute('/no/such/page', []);

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to frameworks' })).toHaveAttribute('href', '/frameworks');
  });
});
