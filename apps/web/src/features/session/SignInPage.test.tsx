import { screen, waitFor } from '@testing-library/react';
import { FrameworksQuery } from '../frameworks/FrameworksPage';
import { TeamTreeQuery } from '../teams/TeamsPage';
import { renderRoute } from '../../test/render';
import { adminViewer, apiError } from '../../test/session';
import { SignInMutation, SingleSignOnForQuery } from './SignInPage';

const signIn = (email: string, password: string) => ({
  query: SignInMutation,
  variables: { input: { email, password } },
});

async function fillIn(user: ReturnType<typeof renderRoute>['user'], email: string, password: string) {
  await user.type(screen.getByRole('textbox', { name: 'E-mail' }), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('Sign-in page', () => {
  it("offers the organisation's single sign-on once the address's domain has one, and says why one failed", async () => {
    const { user } = renderRoute(
      '/sign-in?sso_error=Acme%20ID%20did%20not%20confirm%20your%20e-mail%20address.',
      [
        {
          request: { query: SingleSignOnForQuery, variables: { email: 'jo@acme.test' } },
          result: { data: { singleSignOnFor: { __typename: 'SingleSignOnOption', providerName: 'Acme ID', startUrl: '/auth/sso/start?organisation=org-1' } } },
        },
      ],
      { viewer: null },
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Acme ID did not confirm your e-mail address.');
    await user.type(screen.getByRole('textbox', { name: 'E-mail' }), 'jo@acme.test');
    await user.tab();
    expect(await screen.findByRole('link', { name: 'Sign in with Acme ID' })).toHaveAttribute('href', '/auth/sso/start?organisation=org-1');
  });

  it('checks the fields before asking the API', async () => {
    const { user } = renderRoute('/sign-in', [], { viewer: null });

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByRole('textbox', { name: 'E-mail' });
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter an e-mail address.');
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription('Enter your password.');
    await waitFor(() => expect(email).toHaveFocus());
  });

  it("shows the API's field errors on their fields and keeps what was typed", async () => {
    const { user } = renderRoute(
      '/sign-in',
      [
        {
          request: signIn('asha@acme.test', 'wrong-password-1'),
          result: apiError('Check the highlighted fields', 'BAD_USER_INPUT', {
            fields: { password: 'that password is not right for this e-mail' },
          }),
        },
      ],
      { viewer: null },
    );

    await fillIn(user, 'asha@acme.test', 'wrong-password-1');

    const password = screen.getByLabelText(/^Password/);
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription('That password is not right for this e-mail.');
    expect(password).toHaveValue('wrong-password-1');
    expect(screen.getByRole('textbox', { name: 'E-mail' })).toHaveValue('asha@acme.test');
    expect(screen.getByRole('textbox', { name: 'E-mail' })).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('says that sign-in is locked and when to try again after too many attempts', async () => {
    const { user } = renderRoute(
      '/sign-in',
      [
        {
          request: signIn('asha@acme.test', 'guess-number-6'),
          result: apiError('Too many attempts', 'TOO_MANY_ATTEMPTS', { retryAfterSeconds: 840 }),
        },
      ],
      { viewer: null },
    );

    await fillIn(user, 'asha@acme.test', 'guess-number-6');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in is locked for a while');
    expect(alert).toHaveTextContent('Try again in 14 minutes');
    expect(screen.getByRole('textbox', { name: 'E-mail' })).toHaveValue('asha@acme.test');
  });

  it("says that the e-mail and password do not match (the API's words), not that a session ended", async () => {
    const { user } = renderRoute(
      '/sign-in',
      [
        {
          request: signIn('asha@acme.test', 'not-my-password'),
          // What the API answers for a wrong password or an unknown e-mail.
          result: apiError('That e-mail and password do not match an account.', 'UNAUTHENTICATED', {
            fields: { password: 'Check your e-mail and password.' },
          }),
        },
      ],
      { viewer: null },
    );

    await fillIn(user, 'asha@acme.test', 'not-my-password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not sign in');
    expect(alert).toHaveTextContent('That e-mail and password do not match an account.');
    expect(screen.queryByText(/session has ended/i)).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Password/)).toHaveValue('not-my-password');
  });

  it('signs in and returns to the page asked for', async () => {
    const { user, router } = renderRoute(
      '/sign-in?next=%2Fteams',
      [
        { request: signIn('asha@acme.test', 'correct-horse-battery'), result: { data: { signIn: adminViewer } } },
        { request: { query: TeamTreeQuery }, result: { data: { teams: [] } } },
      ],
      { viewer: null },
    );

    expect(screen.getByRole('link', { name: 'Sign up' })).toHaveAttribute('href', '/sign-up');
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/forgot-password');

    await fillIn(user, 'asha@acme.test', 'correct-horse-battery');

    expect(await screen.findByRole('heading', { level: 1, name: 'Teams' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/teams');
    expect(screen.getByRole('button', { name: 'Asha Patel' })).toBeInTheDocument();
  });

  it('never follows a next address to another site', async () => {
    const { user, router } = renderRoute(
      '/sign-in?next=%2F%2Fevil.example%2Fphish',
      [
        { request: signIn('asha@acme.test', 'correct-horse-battery'), result: { data: { signIn: adminViewer } } },
        { request: { query: FrameworksQuery }, result: { data: { frameworks: [] } } },
      ],
      { viewer: null },
    );
    await fillIn(user, 'asha@acme.test', 'correct-horse-battery');
    await waitFor(() => expect(router.state.location.pathname).toBe('/frameworks'));
  });
});
