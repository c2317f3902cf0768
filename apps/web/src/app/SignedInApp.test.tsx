import { screen, waitFor, within } from '@testing-library/react';
import { SignOutMutation } from './AccountMenu';
import { FrameworksQuery } from '../features/frameworks/FrameworksPage';
import { PeopleQuery, TeamOptionsQuery } from '../features/people/queries';
import { ViewerQuery } from '../features/session/viewer';
import { frameworksList } from '../test/fixtures';
import { renderRoute } from '../test/render';
import { adminViewer, apiError, employeeViewer } from '../test/session';

const frameworks = { request: { query: FrameworksQuery }, result: { data: { frameworks: frameworksList } } };

describe('Route guard', () => {
  it('sends a signed-out person to the sign-in page, remembering the page they asked for', async () => {
    const { router } = renderRoute('/people/p-dan?tab=reports', [], { viewer: null, viewerKnown: false });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/people/p-dan?tab=reports');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'E-mail' })).toBeInTheDocument();
  });

  it('waits for the API to say who is signed in before showing the page', async () => {
    renderRoute('/frameworks', [frameworks], { viewer: employeeViewer, viewerKnown: false });

    expect(screen.getByRole('status')).toHaveTextContent('Checking who is signed in…');
    expect(await screen.findByRole('link', { name: 'PMO career framework' })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Dan Okafor' })).toBeInTheDocument();
  });

  it('goes to sign-in (keeping the page) when the session expires while the app is open', async () => {
    const { router } = renderRoute('/frameworks', [
      { request: { query: FrameworksQuery }, result: apiError('Sign in to continue', 'UNAUTHENTICATED') },
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/frameworks');
  });
});

describe('Header and navigation', () => {
  it('shows an employee My career, My plan, Shared with me, Frameworks, People and Teams, and no My team or Admin links', async () => {
    renderRoute('/frameworks', [frameworks], { viewer: employeeViewer });

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['My career', 'My plan', 'Shared with me', 'Mentoring', 'Frameworks', 'People', 'Teams']);
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
    expect(document.querySelector('a[href^="/admin"]')).toBeNull();
    await screen.findByRole('link', { name: 'PMO career framework' });
  });

  it('shows an admin the Admin link, and the admin sections inside it', async () => {
    const { user, router } = renderRoute(
      '/frameworks',
      [
        frameworks,
        { request: { query: PeopleQuery, variables: { includeLeft: false } }, result: { data: { people: [] } } },
        { request: { query: TeamOptionsQuery }, result: { data: { teams: [] } } },
      ],
      { viewer: adminViewer },
    );

    const nav = screen.getByRole('navigation', { name: 'Main' });
    // The demo admin manages people, so My team shows too; ten links do not fit a 1280 px header, so the
    // least used four sit under "More".
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['My career', 'My plan', 'My team', 'Mentoring', 'Reports', 'Admin']);
    // The page shown (Frameworks) is under "More", and its name says so.
    const more = within(nav).getByRole('button', { name: 'More (current page is in this menu)' });
    expect(more).toHaveAttribute('aria-haspopup', 'menu');
    more.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Shared with me', 'Frameworks', 'People', 'Teams']);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    expect(more).toHaveFocus();
    await user.click(within(nav).getByRole('link', { name: 'Admin' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/people'));
    const admin = screen.getByRole('navigation', { name: 'Admin' });
    expect(within(admin).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Getting started',
      'People',
      'Invitations',
      'Import',
      'Single sign-on',
      'Audit log',
      'Plan approvers',
      'Reports',
      'Mentoring',
    ]);
    expect(await screen.findByRole('heading', { name: 'No people yet' })).toBeInTheDocument();
  });

  it('opens a page under "More" from the menu, and marks "More" as holding the current page', async () => {
    const { user, router } = renderRoute('/my-career', [frameworks], { viewer: adminViewer });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'More' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Frameworks' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/frameworks'));
    expect(await within(nav).findByRole('button', { name: 'More (current page is in this menu)' })).toBeInTheDocument();
  });

  it('tells an employee who opens an admin page that it needs admin rights', async () => {
    renderRoute('/admin/invitations', [], { viewer: employeeViewer });

    expect(await screen.findByRole('heading', { level: 1, name: 'You need admin rights' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send invitation' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it("shows the person's name with My account and Sign out; signing out clears the cache and goes to sign-in", async () => {
    const { user, router, cache } = renderRoute('/frameworks', [
      frameworks,
      { request: { query: SignOutMutation }, result: { data: { signOut: true } } },
    ]);
    await screen.findByRole('link', { name: 'PMO career framework' });

    const menuButton = within(screen.getByRole('banner')).getByRole('button', { name: 'Dan Okafor' });
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await user.click(menuButton);
    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'My account' })).toHaveAttribute('href', '/account');

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(cache.readQuery({ query: ViewerQuery })).toEqual({ viewer: null });
    expect(JSON.stringify(cache.extract())).not.toContain('PMO career framework');
  });
});
