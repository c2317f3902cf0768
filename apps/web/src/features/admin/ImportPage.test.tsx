import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { ImportPeopleMutation, PreviewPeopleImportMutation } from './ImportPage';
import { InvitePeopleMutation, LinkSettingsQuery } from './bulkInvitations';

const invitedPerson = (id: string, name: string, email: string) => ({
  __typename: 'BulkInvitationLink',
  link: `https://trellis.example/invitations/accept?token=${id}`,
  emailed: false,
  invitation: { __typename: 'Invitation', id: `inv-${id}`, expiresAt: '2026-12-13T07:00:00.000Z' },
  person: {
    __typename: 'Person',
    id,
    name,
    email,
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

const badCsv = [
  'email,name,team,manager_email',
  'dan@acme.test,Dan Okafor,Delivery/PMO,asha@acme.test',
  'priya@acme,Priya Shah,Delivery/PMO,nobody@acme.test',
  ',Lee Chan,,',
].join('\n');

const goodCsv = ['email,name,team', 'dan@acme.test,Dan Okafor,Delivery/PMO', 'asha@acme.test,Asha Patel,'].join('\n');

const row = (line: number, name: string, email: string, teamPath: string | null, action: string) => ({
  __typename: 'PeopleImportRow',
  line,
  name,
  email,
  teamPath,
  action,
});

const problem = (line: number, column: string | null, message: string) => ({
  __typename: 'PeopleImportProblem',
  line,
  column,
  message,
});

/** Pastes text in one go, as a paste does (typing would treat braces and brackets specially). */
function paste(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'CSV' }), { target: { value: text } });
}

describe('Import page', () => {
  it('lists every problem by line and column and keeps Import disabled', async () => {
    const { user } = renderRoute(
      '/admin/import',
      [
        {
          request: { query: PreviewPeopleImportMutation, variables: { csv: badCsv } },
          result: {
            data: {
              previewPeopleImport: {
                __typename: 'PeopleImportPreview',
                ok: false,
                creates: 2,
                updates: 0,
                unchanged: 0,
                teamsToCreate: ['Delivery', 'Delivery/PMO'],
                problems: [
                  problem(4, 'email', 'email is missing'),
                  problem(3, 'manager_email', 'no one in the file or the organisation has e-mail nobody@acme.test'),
                  problem(3, 'email', '"priya@acme" is not an e-mail address'),
                ],
                rows: [
                  row(2, 'Dan Okafor', 'dan@acme.test', 'Delivery/PMO', 'CREATE'),
                  row(3, 'Priya Shah', 'priya@acme', 'Delivery/PMO', 'CREATE'),
                ],
              },
            },
          },
        },
      ],
      { viewer: adminViewer },
    );

    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Preview import' })).toBeDisabled();

    paste(badCsv);
    await user.click(screen.getByRole('button', { name: 'Preview import' }));

    const problems = await screen.findByRole('table', { name: 'Problems' });
    const cells = within(problems)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from((r as HTMLTableRowElement).cells, (cell) => cell.textContent));
    expect(cells).toEqual([
      ['3', 'email', '"priya@acme" is not an e-mail address'],
      ['3', 'manager_email', 'no one in the file or the organisation has e-mail nobody@acme.test'],
      ['4', 'email', 'email is missing'],
    ]);
    expect(screen.getByText('3 problems to fix before importing. Nothing has been changed.')).toBeInTheDocument();
    expect(importButton).toBeDisabled();

    const rows = screen.getByRole('table', { name: 'Rows' });
    expect(within(rows).getAllByRole('row')).toHaveLength(3);
    expect(within(rows).getAllByText('Create')).toHaveLength(2);
  });

  it('enables Import for a clean preview, imports, and shows the result; editing the CSV asks for a new preview', async () => {
    const { user } = renderRoute(
      '/admin/import',
      [
        {
          request: { query: PreviewPeopleImportMutation, variables: { csv: goodCsv } },
          result: {
            data: {
              previewPeopleImport: {
                __typename: 'PeopleImportPreview',
                ok: true,
                creates: 1,
                updates: 1,
                unchanged: 0,
                teamsToCreate: [],
                problems: [],
                rows: [
                  row(2, 'Dan Okafor', 'dan@acme.test', 'Delivery/PMO', 'CREATE'),
                  row(3, 'Asha Patel', 'asha@acme.test', null, 'UPDATE'),
                ],
              },
            },
          },
        },
        {
          request: { query: ImportPeopleMutation, variables: { csv: goodCsv } },
          result: {
            data: { importPeople: { __typename: 'PeopleImportResult', created: 1, updated: 1, unchanged: 0, teamsCreated: 0 } },
          },
        },
        {
          request: { query: LinkSettingsQuery },
          result: { data: { linkSettings: { __typename: 'LinkSettings', publicUrl: 'https://trellis.example', loopback: false, emailConfigured: false } } },
          maxUsageCount: 5,
        },
        {
          request: { query: InvitePeopleMutation, variables: { input: { everyoneWithoutAccount: true } } },
          result: {
            data: {
              invitePeople: {
                __typename: 'InvitePeopleResult',
                emailConfigured: false,
                alreadyInvited: [],
                invited: [invitedPerson('p-dan', 'Dan Okafor', 'dan@acme.test'), invitedPerson('p-asha', 'Asha Patel', 'asha@acme.test')],
              },
            },
          },
        },
      ],
      { viewer: adminViewer },
    );

    paste(goodCsv);
    await user.click(screen.getByRole('button', { name: 'Preview import' }));
    expect(await screen.findByText(/Ready to import: 1 person to create, 1 person to update/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Problems' })).not.toBeInTheDocument();
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton).toBeEnabled();

    // Any edit makes the preview stale.
    paste(`${goodCsv}\n`);
    expect(importButton).toBeDisabled();
    paste(goodCsv);
    expect(importButton).toBeEnabled();

    await user.click(importButton);
    expect(await screen.findByRole('heading', { name: 'Import complete' })).toBeInTheDocument();
    expect(screen.getByText(/1 person created, 1 person updated, 0 people unchanged, 0 teams created/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled());

    // The next step: invite the imported people in one action, and copy their links.
    expect(await screen.findByText(/Links start with/)).toHaveTextContent('https://trellis.example');
    await user.click(screen.getByRole('button', { name: 'Invite everyone not yet invited' }));
    expect(await screen.findByRole('heading', { name: '2 people invited' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Invitation link for Asha Patel' })).toHaveValue('https://trellis.example/invitations/accept?token=p-asha');
    expect(screen.getByRole('button', { name: 'Copy all 2 links' })).toBeInTheDocument();
  });
});
