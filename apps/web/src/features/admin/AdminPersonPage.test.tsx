import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer, apiError } from '../../test/session';
import { AdminPersonEditQuery, CreatePasswordResetMutation, UpdatePersonMutation } from './AdminPersonPage';
import { InvitePeopleMutation, LinkSettingsQuery } from './bulkInvitations';

const dan = {
  __typename: 'Person',
  id: 'p-dan',
  name: 'Dan Okafor',
  email: 'dan@acme.test',
  jobTitle: 'PMO Analyst',
  active: true,
  accessRole: 'EMPLOYEE',
  version: 3,
  team: { __typename: 'Team', id: 't-pmo', path: 'Delivery/PMO' },
  manager: { __typename: 'Person', id: 'p-asha', name: 'Asha Patel' },
  currentRole: { __typename: 'Role', id: 'role-pmo-analyst', title: 'PMO Analyst' },
} as const;

const signedIn = {
  __typename: 'PersonSignIn',
  status: 'SIGNED_IN',
  nextStep: 'NONE',
  hasAccount: true,
  lastSignedInAt: '2026-11-30T09:00:00.000Z',
  invitedAt: null,
  invitationExpiresAt: null,
} as const;

const editData = (person: typeof dan | Record<string, unknown>, signIn: Record<string, unknown> = signedIn) => ({
  person: { ...person, signIn },
  teams: [
    { __typename: 'Team', id: 't-pmo', path: 'Delivery/PMO' },
    { __typename: 'Team', id: 't-change', path: 'Delivery/Change' },
  ],
  people: [
    { __typename: 'Person', id: 'p-asha', name: 'Asha Patel', active: true },
    { __typename: 'Person', id: 'p-dan', name: 'Dan Okafor', active: true },
    { __typename: 'Person', id: 'p-lee', name: 'Lee Chan', active: true },
  ],
  frameworks: [
    {
      __typename: 'Framework',
      id: 'fw-pmo',
      key: 'pmo',
      name: 'PMO career framework',
      currentVersion: {
        __typename: 'FrameworkVersion',
        id: 'fv-pmo-3',
        roles: [
          {
            __typename: 'Role',
            id: 'role-pmo-analyst',
            title: 'PMO Analyst',
            level: 2,
            track: { __typename: 'Track', id: 'track-pmo', name: 'PMO career track' },
          },
        ],
      },
    },
  ],
});

const load = { request: { query: AdminPersonEditQuery, variables: { id: 'p-dan' } }, result: { data: editData(dan) } };

describe('Admin: edit a person', () => {
  it('says an imported person cannot sign in yet, invites them, shows the link to copy, and then offers to resend', async () => {
    const notInvited = { ...signedIn, status: 'NOT_INVITED', nextStep: 'INVITE', hasAccount: false, lastSignedInAt: null };
    const invitedAt = '2026-12-06T07:00:00.000Z';
    const { user } = renderRoute(
      '/admin/people/p-dan',
      [
        { request: { query: AdminPersonEditQuery, variables: { id: 'p-dan' } }, result: { data: editData(dan, notInvited) } },
        {
          request: { query: InvitePeopleMutation, variables: { input: { personIds: ['p-dan'], resend: false } } },
          result: {
            data: {
              invitePeople: {
                __typename: 'InvitePeopleResult',
                emailConfigured: false,
                alreadyInvited: [],
                invited: [
                  {
                    __typename: 'BulkInvitationLink',
                    link: 'https://trellis.example/invitations/accept?token=abc',
                    emailed: false,
                    invitation: { __typename: 'Invitation', id: 'inv-1', expiresAt: '2026-12-13T07:00:00.000Z' },
                    person: {
                      __typename: 'Person',
                      id: 'p-dan',
                      name: 'Dan Okafor',
                      email: 'dan@acme.test',
                      signIn: { ...notInvited, status: 'INVITED', nextStep: 'RESEND_INVITATION', invitedAt },
                    },
                  },
                ],
              },
            },
          },
        },
        {
          request: { query: LinkSettingsQuery },
          result: { data: { linkSettings: { __typename: 'LinkSettings', publicUrl: 'http://localhost:4000', loopback: true, emailConfigured: false } } },
        },
      ],
      { viewer: adminViewer },
    );

    const section = await screen.findByRole('region', { name: /Signing in/ });
    expect(section).toHaveTextContent('has no account yet, so cannot sign in');
    expect(screen.queryByRole('button', { name: 'Reset the password' })).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Invite Dan Okafor' }));

    expect(await within(section).findByRole('textbox', { name: 'Invitation link for Dan Okafor' })).toHaveValue(
      'https://trellis.example/invitations/accept?token=abc',
    );
    expect(section).toHaveTextContent('E-mail is not set up on this server');
    expect(await within(section).findByText('Invitation links point at this computer')).toBeInTheDocument();
    // The answer updated the person in the cache: the next step is now to resend.
    expect(within(section).getByRole('button', { name: 'Resend the invitation' })).toBeInTheDocument();
    expect(section).toHaveTextContent('Invited on');
  });

  it('keeps the edits and says what changed when someone else saved first (CONFLICT), and reloading keeps them', async () => {
    const { user } = renderRoute(
      '/admin/people/p-dan',
      [
        load,
        {
          request: {
            query: UpdatePersonMutation,
            variables: { input: { id: 'p-dan', expectedVersion: 3, jobTitle: 'Senior PMO Analyst' } },
          },
          result: apiError('Dan Okafor was changed by someone else', 'CONFLICT', {
            current: { ...dan, version: 4, team: { id: 't-change', path: 'Delivery/Change' }, manager: { id: 'p-lee', name: 'Lee Chan' } },
          }),
        },
        {
          request: { query: AdminPersonEditQuery, variables: { id: 'p-dan' } },
          result: {
            data: editData({
              ...dan,
              version: 4,
              team: { __typename: 'Team', id: 't-change', path: 'Delivery/Change' },
              manager: { __typename: 'Person', id: 'p-lee', name: 'Lee Chan' },
            }),
          },
        },
      ],
      { viewer: adminViewer },
    );

    const jobTitle = await screen.findByRole('textbox', { name: 'Job title' });
    await user.clear(jobTitle);
    await user.type(jobTitle, 'Senior PMO Analyst');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this person');
    expect(alert).toHaveTextContent('your changes were not saved');
    const changes = within(alert).getAllByRole('listitem').map((item) => item.textContent);
    expect(changes).toEqual(['Team: now Delivery/Change (was Delivery/PMO)', 'Manager: now Lee Chan (was Asha Patel)']);
    expect(jobTitle).toHaveValue('Senior PMO Analyst');

    await user.click(within(alert).getByRole('button', { name: 'Reload the latest version' }));

    expect(await screen.findByText('Your edits are kept. Check them, then save again.')).toBeInTheDocument();
    expect(screen.queryByText('Someone else changed this person')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Job title' })).toHaveValue('Senior PMO Analyst');
    expect(screen.getByRole('combobox', { name: 'Team' })).toHaveValue('Delivery/Change');
    expect(screen.getByRole('combobox', { name: 'Manager' })).toHaveValue('Lee Chan');
  });

  it('marks a person as left with an Undo in the notification, which returns them', async () => {
    const left = { ...dan, active: false, version: 4 };
    const { user } = renderRoute(
      '/admin/people/p-dan',
      [
        load,
        {
          request: { query: UpdatePersonMutation, variables: { input: { id: 'p-dan', expectedVersion: 3, active: false } } },
          result: { data: { updatePerson: left } },
        },
        {
          request: { query: UpdatePersonMutation, variables: { input: { id: 'p-dan', expectedVersion: 4, active: true } } },
          result: { data: { updatePerson: { ...dan, version: 5 } } },
        },
      ],
      { viewer: adminViewer },
    );

    await user.click(await screen.findByRole('button', { name: 'Mark as left' }));

    const notifications = screen.getByRole('region', { name: 'Notifications' });
    await waitFor(() => expect(notifications).toHaveTextContent('Dan Okafor is marked as left.'));
    expect(screen.getByRole('button', { name: 'Mark as returned' })).toBeInTheDocument();

    await user.click(within(notifications).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByRole('button', { name: 'Mark as left' })).toBeInTheDocument();
    await waitFor(() => expect(notifications).not.toHaveTextContent('marked as left'));
  });

  it('shows field errors from the API on the field', async () => {
    const { user } = renderRoute(
      '/admin/people/p-dan',
      [
        load,
        {
          request: { query: UpdatePersonMutation, variables: { input: { id: 'p-dan', expectedVersion: 3, name: 'D' } } },
          result: apiError('Invalid input', 'BAD_USER_INPUT', { fields: { name: 'name must have at least 2 characters' } }),
        },
      ],
      { viewer: adminViewer },
    );
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'D');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(name).toHaveAccessibleDescription('Name must have at least 2 characters.'));
    expect(name).toHaveValue('D');
  });

  describe('password reset', () => {
    const reset = (result: Record<string, unknown>) => ({ request: { query: CreatePasswordResetMutation, variables: { personId: 'p-dan' } }, result });
    const expiresAt = '2026-05-02T10:00:00.000Z';

    it("says the link went to the person's own address, and shows none", async () => {
      const { user } = renderRoute(
        '/admin/people/p-dan',
        [load, reset({ data: { createPasswordReset: { __typename: 'PasswordReset', emailed: true, link: null, expiresAt } } })],
        { viewer: adminViewer },
      );
      await user.click(await screen.findByRole('button', { name: 'Reset the password' }));
      expect(await screen.findByText(/Dan Okafor has an e-mail with a link to choose a new password/)).toBeInTheDocument();
      expect(screen.queryByLabelText('Password reset link')).not.toBeInTheDocument();
    });

    it('shows the link to hand over when the server sends no e-mail', async () => {
      const link = 'https://trellis.example/reset-password?token=abc.def';
      const { user } = renderRoute(
        '/admin/people/p-dan',
        [load, reset({ data: { createPasswordReset: { __typename: 'PasswordReset', emailed: false, link, expiresAt } } })],
        { viewer: adminViewer },
      );
      await user.click(await screen.findByRole('button', { name: 'Reset the password' }));
      expect(await screen.findByLabelText('Password reset link')).toHaveValue(link);
    });

    it("explains, in the API's words, why an account that opens another organisation cannot be reset here", async () => {
      const why = "Dan Okafor's Trellis account also gives access to another organisation, so only they can reset its password.";
      const { user } = renderRoute('/admin/people/p-dan', [load, reset(apiError(why, 'FORBIDDEN'))], { viewer: adminViewer });
      await user.click(await screen.findByRole('button', { name: 'Reset the password' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Could not reset the password');
      expect(alert).toHaveTextContent(why);
    });
  });
});
