import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { NamePlanApproverMutation, PlanApproversQuery, RemovePlanApproverMutation } from './PlanApproversPage';

const person = (id: string, name: string) => ({ __typename: 'Person' as const, id, name, active: true });
const approvers = (rows: unknown[]) => ({
  request: { query: PlanApproversQuery },
  result: {
    data: {
      planApprovers: rows,
      people: [person('0b6c3f7e-5d1a-4f0e-9a4b-2c8d7e6f5a41', 'Farid Haddad'), person('1c7d4a8f-6e2b-4a1f-8b5c-3d9e8f7a6b52', 'Asha Patel')],
      teams: [{ __typename: 'Team', id: '2d8e5b9a-7f3c-4b2a-9c6d-4e0f9a8b7c63', path: 'Delivery' }],
    },
  },
});
const farid = { __typename: 'NamedPlanApprover', id: 'a-1', teamId: null, person: { __typename: 'Person', id: '0b6c3f7e-5d1a-4f0e-9a4b-2c8d7e6f5a41', name: 'Farid Haddad' }, team: null };

describe('Plan approvers (admin)', () => {
  it('names the organisation’s approver, and removes one with Undo', async () => {
    const { user } = renderRoute(
      '/admin/approvers',
      [
        approvers([]),
        { request: { query: NamePlanApproverMutation, variables: { input: { teamId: null, personId: '0b6c3f7e-5d1a-4f0e-9a4b-2c8d7e6f5a41' } } }, result: { data: { namePlanApprover: [{ __typename: 'NamedPlanApprover', id: 'a-1' }] } } },
        approvers([farid]),
        { request: { query: RemovePlanApproverMutation, variables: { teamId: null } }, result: { data: { removePlanApprover: [] } } },
        approvers([]),
        { request: { query: NamePlanApproverMutation, variables: { input: { teamId: null, personId: '0b6c3f7e-5d1a-4f0e-9a4b-2c8d7e6f5a41' } } }, result: { data: { namePlanApprover: [{ __typename: 'NamedPlanApprover', id: 'a-2' }] } } },
        approvers([{ ...farid, id: 'a-2' }]),
      ],
      { viewer: adminViewer },
    );
    expect(await screen.findByText('No approver named')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Name approver' }));
    expect(await screen.findByText('Choose who agrees the plans.')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Approver' }));
    await user.click(await screen.findByRole('option', { name: 'Farid Haddad' }));
    await user.click(screen.getByRole('button', { name: 'Name approver' }));
    expect(await screen.findByText('Farid Haddad now agrees plans for the organisation.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Plan approvers' });
    expect(within(table).getByRole('row', { name: /The whole organisation/ })).toHaveTextContent('Farid Haddad');

    await user.click(within(table).getByRole('button', { name: 'Remove Farid Haddad for the organisation' }));
    expect(await screen.findByText('Farid Haddad no longer agrees plans for the organisation.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('table', { name: 'Plan approvers' })).toBeInTheDocument();
  });
});
