import { screen, waitFor } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { employeeViewer } from '../../test/session';
import { AcceptInvitationMutation, InvitationPreviewQuery } from './AcceptInvitationPage';

const preview = (token: string, invitation: unknown) => ({
  request: { query: InvitationPreviewQuery, variables: { token } },
  result: { data: { invitation } },
});

describe('Accept invitation page', () => {
  it('shows the organisation, e-mail and name, and accepting signs the person in', async () => {
    const { user, router } = renderRoute(
      '/invitations/accept?token=tok-123',
      [
        preview('tok-123', {
          __typename: 'InvitationPreview',
          email: 'dan@acme.test',
          name: 'Dan Okafor',
          organisationName: 'Acme Projects',
          expiresAt: '2026-03-15T09:00:00Z',
        }),
        {
          request: { query: AcceptInvitationMutation, variables: { input: { token: 'tok-123', password: 'a-long-passphrase' } } },
          result: { data: { acceptInvitation: employeeViewer } },
        },
      ],
      { viewer: null },
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Join Acme Projects' })).toBeInTheDocument();
    expect(screen.getByText('dan@acme.test')).toBeInTheDocument();
    expect(screen.getByText('Dan Okafor')).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Password/), 'a-long-passphrase');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    // An employee's first visit lands on their own pages.
    await waitFor(() => expect(router.state.location.pathname).toBe('/my-career'));
    expect(await screen.findByRole('button', { name: 'Dan Okafor' })).toBeInTheDocument();
  });

  it('says plainly when the link is unknown, used, revoked or expired', async () => {
    renderRoute('/invitations/accept?token=old', [preview('old', null)], { viewer: null });

    expect(await screen.findByRole('heading', { level: 1, name: 'This invitation does not work' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
  });

  it('says the same when the link has no token at all', () => {
    renderRoute('/invitations/accept', [], { viewer: null });
    expect(screen.getByRole('heading', { level: 1, name: 'This invitation does not work' })).toBeInTheDocument();
  });
});
