import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer, apiError } from '../../test/session';
import {
  InvitationsQuery,
  InviteFormOptionsQuery,
  InvitePersonMutation,
  RevokeInvitationMutation,
} from './InvitationsPage';
import { LinkSettingsQuery } from './bulkInvitations';

const linkSettings = {
  request: { query: LinkSettingsQuery },
  result: { data: { linkSettings: { __typename: 'LinkSettings', publicUrl: 'https://trellis.example', loopback: false, emailConfigured: false } } },
};

const asha = { __typename: 'Person', id: 'p-asha', name: 'Asha Patel' } as const;

const pending = {
  __typename: 'Invitation',
  id: 'inv-1',
  name: 'Priya Shah',
  email: 'priya@acme.test',
  accessRole: 'EMPLOYEE',
  status: 'PENDING',
  createdAt: '2026-03-01T09:00:00Z',
  expiresAt: '2026-03-15T09:00:00Z',
  invitedBy: asha,
} as const;

const options = {
  request: { query: InviteFormOptionsQuery },
  result: {
    data: {
      teams: [{ __typename: 'Team', id: 't-pmo', path: 'Delivery/PMO' }],
      people: [{ __typename: 'Person', id: 'p-asha', name: 'Asha Patel' }],
    },
  },
};
const list = { request: { query: InvitationsQuery }, result: { data: { invitations: [pending] } } };

const inviteRequest = {
  query: InvitePersonMutation,
  variables: { input: { name: 'Dan Okafor', email: 'dan@acme.test', accessRole: 'EMPLOYEE' } },
};

async function fillAndSend(user: ReturnType<typeof renderRoute>['user']) {
  await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Dan Okafor');
  await user.type(screen.getByRole('textbox', { name: 'E-mail' }), 'dan@acme.test');
  expect(screen.getByRole('combobox', { name: 'Access role' })).toHaveValue('EMPLOYEE');
  await user.click(screen.getByRole('button', { name: 'Send invitation' }));
}

describe('Invitations page', () => {
  it('shows the invitation link with a Copy button after inviting, and lists the new invitation', async () => {
    const { user } = renderRoute(
      '/admin/invitations',
      [
        options,
        list,
        {
          request: inviteRequest,
          result: {
            data: {
              invitePerson: {
                __typename: 'CreatedInvitation',
                emailed: false,
                link: 'https://trellis.test/invitations/accept?token=tok-123',
                invitation: {
                  ...pending,
                  id: 'inv-2',
                  name: 'Dan Okafor',
                  email: 'dan@acme.test',
                  createdAt: '2026-03-02T09:00:00Z',
                },
              },
            },
          },
        },
        linkSettings,
      ],
      { viewer: adminViewer },
    );
    expect(await screen.findByText('Priya Shah')).toBeInTheDocument();

    await fillAndSend(user);

    const link = await screen.findByRole('textbox', { name: 'Invitation link' });
    expect(link).toHaveValue('https://trellis.test/invitations/accept?token=tok-123');
    expect(link).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(screen.getByText(/E-mail is not set up, so nothing was sent/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Dan Okafor is invited' })).toBeInTheDocument();
    // The form is ready for the next person.
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');

    const table = screen.getByRole('table', { name: 'Sent invitations' });
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => (row as HTMLTableRowElement).cells[0]?.textContent);
    expect(names).toEqual(['Dan Okafor', 'Priya Shah']);
  });

  it('says when the link was e-mailed', async () => {
    const { user } = renderRoute(
      '/admin/invitations',
      [
        options,
        list,
        {
          request: inviteRequest,
          result: {
            data: {
              invitePerson: {
                __typename: 'CreatedInvitation',
                emailed: true,
                link: 'https://trellis.test/invitations/accept?token=tok-456',
                invitation: { ...pending, id: 'inv-3', name: 'Dan Okafor', email: 'dan@acme.test' },
              },
            },
          },
        },
        linkSettings,
      ],
      { viewer: adminViewer },
    );
    await fillAndSend(user);
    expect(await screen.findByText(/The link was e-mailed to dan@acme.test/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Invitation link' })).toHaveValue(
      'https://trellis.test/invitations/accept?token=tok-456',
    );
  });

  it("shows the API's field errors on the form and keeps the input", async () => {
    const { user } = renderRoute(
      '/admin/invitations',
      [
        options,
        list,
        {
          request: inviteRequest,
          result: apiError('Invalid input', 'BAD_USER_INPUT', {
            fields: { email: 'someone in your organisation already uses this e-mail' },
          }),
        },
        linkSettings,
      ],
      { viewer: adminViewer },
    );
    await fillAndSend(user);

    const email = screen.getByRole('textbox', { name: 'E-mail' });
    await waitFor(() => expect(email).toHaveAccessibleDescription('Someone in your organisation already uses this e-mail.'));
    expect(email).toHaveValue('dan@acme.test');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Dan Okafor');
    expect(screen.queryByRole('textbox', { name: 'Invitation link' })).not.toBeInTheDocument();
  });

  it('revokes a pending invitation after confirming', async () => {
    const { user } = renderRoute(
      '/admin/invitations',
      [
        options,
        list,
        {
          request: { query: RevokeInvitationMutation, variables: { id: 'inv-1' } },
          result: { data: { revokeInvitation: { __typename: 'Invitation', id: 'inv-1', status: 'REVOKED' } } },
        },
        linkSettings,
      ],
      { viewer: adminViewer },
    );

    await user.click(await screen.findByRole('button', { name: 'Revoke invitation for Priya Shah' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke the invitation for Priya Shah?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke invitation' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = screen.getByRole('row', { name: /Priya Shah/ });
    expect(within(row).getByText('Revoked')).toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Notifications' })).toHaveTextContent(
      'The invitation for Priya Shah is revoked',
    );
  });
});
