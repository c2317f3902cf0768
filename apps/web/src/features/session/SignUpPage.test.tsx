import { screen } from '@testing-library/react';
import { GettingStartedQuery } from '../onboarding/GettingStartedPage';
import { renderRoute } from '../../test/render';
import { adminViewer, apiError } from '../../test/session';
import { ConfirmSignUpMutation } from './ConfirmSignUpPage';
import { SignUpMutation } from './SignUpPage';

const item = (key: string, title: string, href: string) => ({ __typename: 'GettingStartedItem', key, title, description: `${title}.`, done: false, href });
const gettingStartedMock = {
  request: { query: GettingStartedQuery },
  result: {
    data: {
      gettingStarted: {
        __typename: 'GettingStarted',
        complete: false,
        dismissed: false,
        items: [item('review-framework', 'Review your framework', '/frameworks/fw/edit'), item('add-people', 'Bring your people in', '/admin/import')],
      },
    },
  },
};

const input = { organisationName: 'Acme Projects', name: 'Asha Patel', email: 'asha@acme.test', password: 'correct-horse-battery' };

async function fillIn(user: ReturnType<typeof renderRoute>['user']) {
  await user.type(screen.getByRole('textbox', { name: 'Organisation name' }), input.organisationName);
  await user.type(screen.getByRole('textbox', { name: 'Your name' }), input.name);
  await user.type(screen.getByRole('textbox', { name: 'E-mail' }), input.email);
  await user.type(screen.getByLabelText(/^Password/), input.password);
  await user.click(screen.getByRole('button', { name: 'Sign up' }));
}

describe('Sign-up page', () => {
  it('says to check the inbox when the server e-mails a link, whatever the address', async () => {
    const { user } = renderRoute(
      '/sign-up',
      [{ request: { query: SignUpMutation, variables: { input } }, result: { data: { signUp: { __typename: 'SignUpOutcome', confirmationEmailed: true, viewer: null } } } }],
      { viewer: null },
    );
    await fillIn(user);
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your inbox' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('We sent a message to asha@acme.test');
    expect(status).toHaveTextContent('If this address already has a Trellis account, the message says so instead');
  });

  it('signs the founder in at once when the server sends no e-mail', async () => {
    const { user, router } = renderRoute(
      '/sign-up',
      [
        { request: { query: SignUpMutation, variables: { input } }, result: { data: { signUp: { __typename: 'SignUpOutcome', confirmationEmailed: false, viewer: adminViewer } } } },
        gettingStartedMock,
      ],
      { viewer: null },
    );
    await fillIn(user);
    // A new organisation starts on the getting-started checklist.
    await screen.findByRole('heading', { level: 1, name: 'Getting started' });
    expect(router.state.location.pathname).toBe('/admin/getting-started');
  });
});

describe('Sign-up confirmation page', () => {
  it('creates the organisation only when asked, then signs in', async () => {
    const { user, router } = renderRoute(
      '/sign-up/confirm?token=abc.def',
      [
        { request: { query: ConfirmSignUpMutation, variables: { token: 'abc.def' } }, result: { data: { confirmSignUp: adminViewer } } },
        gettingStartedMock,
      ],
      { viewer: null },
    );
    await user.click(await screen.findByRole('button', { name: 'Create my organisation' }));
    // A new organisation starts on the getting-started checklist.
    await screen.findByRole('heading', { level: 1, name: 'Getting started' });
    expect(router.state.location.pathname).toBe('/admin/getting-started');
  });

  it('says why a used or expired link does not work', async () => {
    const { user } = renderRoute(
      '/sign-up/confirm?token=abc.def',
      [
        {
          request: { query: ConfirmSignUpMutation, variables: { token: 'abc.def' } },
          result: apiError('invalid', 'BAD_USER_INPUT', { fields: { token: 'This sign-up link is not valid any more: sign up again to get a new one.' } }),
        },
      ],
      { viewer: null },
    );
    await user.click(await screen.findByRole('button', { name: 'Create my organisation' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-up link is not valid any more');
  });
});
