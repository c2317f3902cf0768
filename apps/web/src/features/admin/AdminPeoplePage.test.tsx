import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { PeopleQuery, TeamOptionsQuery } from '../people/queries';
import { InvitePeopleMutation, LinkSettingsQuery } from './bulkInvitations';

const signIn = (status: string, nextStep: string) => ({ __typename: 'PersonSignIn', status, nextStep });
const person = (id: string, name: string, status: string, nextStep: string) => ({
  __typename: 'Person',
  id,
  name,
  email: `${id}@acme.test`,
  jobTitle: null,
  active: true,
  accessRole: 'EMPLOYEE',
  team: null,
  manager: null,
  currentRole: null,
  signIn: signIn(status, nextStep),
});

const asha = person('asha', 'Asha Patel', 'SIGNED_IN', 'NONE');
const dan = person('dan', 'Dan Okafor', 'NOT_INVITED', 'INVITE');
const lee = person('lee', 'Lee Chan', 'NOT_INVITED', 'INVITE');
const mia = person('mia', 'Mia Reyes', 'INVITATION_EXPIRED', 'RESEND_INVITATION');

const link = (p: ReturnType<typeof person>) => ({
  __typename: 'BulkInvitationLink',
  link: `https://trellis.example/invitations/accept?token=${p.id}`,
  emailed: false,
  invitation: { __typename: 'Invitation', id: `inv-${p.id}`, expiresAt: '2026-12-13T07:00:00.000Z' },
  person: {
    __typename: 'Person',
    id: p.id,
    name: p.name,
    email: p.email,
    signIn: {
      __typename: 'PersonSignIn',
      status: 'INVITED',
      nextStep: 'RESEND_INVITATION',
      hasAccount: false,
      invitedAt: '2026-12-06T07:00:00.000Z',
      invitationExpiresAt: '2026-12-13T07:00:00.000Z',
      lastSignedInAt: null,
    },
  },
});

describe('Admin: manage people', () => {
  it('shows who can sign in, ticks only people to invite, and invites the selection in one action (resending expired ones)', async () => {
    const { user } = renderRoute(
      '/admin/people',
      [
        { request: { query: PeopleQuery, variables: { includeLeft: false } }, result: { data: { people: [asha, dan, lee, mia] } } },
        { request: { query: TeamOptionsQuery }, result: { data: { teams: [] } } },
        {
          request: { query: InvitePeopleMutation, variables: { input: { personIds: ['dan', 'mia'], resend: true } } },
          result: {
            data: {
              invitePeople: { __typename: 'InvitePeopleResult', emailConfigured: false, alreadyInvited: [], invited: [link(dan), link(mia)] },
            },
          },
        },
        {
          request: { query: LinkSettingsQuery },
          result: { data: { linkSettings: { __typename: 'LinkSettings', publicUrl: 'https://trellis.example', loopback: false, emailConfigured: false } } },
        },
      ],
      { viewer: adminViewer },
    );

    const table = await screen.findByRole('table', { name: 'Manage people' });
    const rowOf = (name: string) => within(table).getByRole('row', { name: new RegExp(name) });
    expect(rowOf('Asha Patel')).toHaveTextContent('Signed in');
    expect(within(rowOf('Asha Patel')).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(rowOf('Dan Okafor')).toHaveTextContent('Not invited');
    expect(screen.getByText('2 people shown have not been invited yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Invite selected' })).toBeDisabled();

    await user.click(within(rowOf('Dan Okafor')).getByRole('checkbox', { name: 'Select Dan Okafor' }));
    await user.click(within(rowOf('Mia Reyes')).getByRole('checkbox', { name: 'Select Mia Reyes' }));
    expect(screen.getByRole('checkbox', { name: 'Select everyone shown who can be invited' })).toBePartiallyChecked();
    await user.click(screen.getByRole('button', { name: 'Invite 2 selected' }));

    expect(await screen.findByRole('heading', { name: '2 people invited' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Invitation link for Mia Reyes' })).toHaveValue('https://trellis.example/invitations/accept?token=mia');
    // The answer updated the list through the cache; the selection is cleared.
    expect(rowOf('Dan Okafor')).toHaveTextContent('Invited');
    expect(screen.getByRole('button', { name: 'Invite selected' })).toBeDisabled();
  });
});
