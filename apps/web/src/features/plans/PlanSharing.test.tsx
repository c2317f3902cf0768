import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { SharePlanMutation } from './PlanSharing';
import { myPlan, plan, sharingMock, planCommentsMock } from './planFixtures';

const cara = { __typename: 'Person' as const, id: 'p-cara', name: 'Cara Lind' };

describe('who can see my plan', () => {
  it('lists my manager, who I share with, and who looked', async () => {
    renderRoute('/my-plan', [
      planCommentsMock(), sharingMock({
        shared: [cara],
        accesses: [{ __typename: 'AuditEvent', id: 'ev-1', at: '2026-06-02T10:00:00.000Z', summary: 'viewed Dan Okafor’s development plan', actor: { __typename: 'Person', id: 'p-ben', name: 'Ben Okafor' } }],
      }),
      myPlan(plan('ACTIVE', 3)),
    ]);
    const who = await screen.findByRole('list', { name: 'Who can see my plan' });
    expect(within(who).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Ben Okafor (your manager, always)', 'Cara LindStop sharing']);
    expect(within(screen.getByRole('list', { name: 'Who looked at my plan' })).getByRole('listitem')).toHaveTextContent('Ben Okafor viewed Dan Okafor’s development plan');
  });

  it('shares with a colleague, and removes them with Undo', async () => {
    const answer = (shared: (typeof cara)[]) => ({ data: { sharePlan: shared } });
    const { user } = renderRoute('/my-plan', [
      myPlan(plan('ACTIVE', 3)),
      planCommentsMock(), sharingMock(),
      { request: { query: SharePlanMutation, variables: { viewerId: 'p-cara', shared: true } }, result: answer([cara]) },
      planCommentsMock(), sharingMock({ shared: [cara] }),
      { request: { query: SharePlanMutation, variables: { viewerId: 'p-cara', shared: false } }, result: answer([]) },
      planCommentsMock(), sharingMock(),
      { request: { query: SharePlanMutation, variables: { viewerId: 'p-cara', shared: true } }, result: answer([cara]) },
      planCommentsMock(), sharingMock({ shared: [cara] }),
    ].map((mock) => ({ ...mock, maxUsageCount: 1 })));

    expect(await screen.findByText('Nobody else has looked at your plan or assessments yet.')).toBeInTheDocument();
    // Neither I nor my manager are offered: the manager always sees the plan.
    await user.click(screen.getByRole('combobox', { name: 'Share with a colleague' }));
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.textContent)).toEqual(['Cara Lind', 'Eve Moss']);
    await user.click(screen.getByRole('option', { name: 'Cara Lind' }));
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(await screen.findByText('Cara Lind can now see your plan (read only).')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Stop sharing with Cara Lind' }));
    expect(await screen.findByText('Cara Lind can no longer see your plan.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Stop sharing with Cara Lind' })).toBeInTheDocument();
  });
});
