import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { SetPlanReviewRhythmMutation } from './ReviewCadence';
import { AbandonPlanMutation, CompletePlanMutation, StartPlanMutation, WithdrawPlanMutation } from './PlanLifecycle';
import { myPlan, plan, sharingMock, approverMock, planCommentsMock } from './planFixtures';

const input = (expectedVersion: number) => ({ input: { planId: 'plan-1', expectedVersion } });

describe('plan lifecycle and review cadence', () => {
  it('says who will agree the plan before proposing, and offers no proposal when nobody can', async () => {
    const nobody = 'Nobody can agree your plan yet: you have no manager and no approver is named. Ask an admin to name an approver.';
    renderRoute('/my-plan', [planCommentsMock(), sharingMock(), approverMock({ kind: 'NOBODY', personId: null, name: null, explanation: nobody }), myPlan(plan('DRAFT', 1))]);
    expect(await screen.findByText(nobody)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Propose/ })).not.toBeInTheDocument();
  });

  it('names an approver an admin named', async () => {
    const explanation = 'You have no manager: Dana Ruiz, named by an admin to agree plans for the organisation, agrees your plan.';
    renderRoute('/my-plan', [planCommentsMock(), sharingMock(), approverMock({ kind: 'ORGANISATION_APPROVER', personId: 'p-dana', name: 'Dana Ruiz', explanation }), myPlan(plan('DRAFT', 1))]);
    expect(await screen.findByRole('button', { name: 'Propose to Dana Ruiz (your approver)' })).toBeInTheDocument();
    expect(screen.getByText(explanation)).toBeInTheDocument();
  });

  it('offers what the status allows: withdraw a proposal, then propose again', async () => {
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(plan('PROPOSED', 2)),
      { request: { query: WithdrawPlanMutation, variables: input(2) }, result: { data: { withdrawPlan: plan('DRAFT', 3) } } },
    ]);
    expect(await screen.findByRole('button', { name: 'Withdraw the proposal' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Propose to Ben Okafor (your manager)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start the plan' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Withdraw the proposal' }));
    expect(await screen.findByText('Proposal withdrawn: the plan is a draft again.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Propose to Ben Okafor (your manager)' })).toBeInTheDocument();
  });

  it('starts an agreed plan and completes an active one', async () => {
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(plan('AGREED', 4)),
      { request: { query: StartPlanMutation, variables: input(4) }, result: { data: { startPlan: plan('ACTIVE', 5) } } },
      { request: { query: CompletePlanMutation, variables: input(5) }, result: { data: { completePlan: plan('COMPLETED', 6) } } },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Start the plan' }));
    expect(await screen.findByText('Plan started.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mark the plan completed' }));
    expect(await screen.findByText('Plan completed. Well done.')).toBeInTheDocument();
    // A closed plan offers nothing more, not even a check-in.
    expect(screen.queryByRole('button', { name: 'Abandon the plan' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save check-in' })).not.toBeInTheDocument();
  });

  it('abandons only after a confirmation, which can be declined', async () => {
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(plan('ACTIVE', 5)),
      { request: { query: AbandonPlanMutation, variables: input(5) }, result: { data: { abandonPlan: plan('ABANDONED', 6) } } },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Abandon the plan' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Abandon this plan?' })).getByRole('button', { name: 'Keep the plan' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Abandon the plan' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Abandon this plan?' })).getByRole('button', { name: 'Abandon' }));
    expect(await screen.findByText('Plan abandoned.')).toBeInTheDocument();
    expect(screen.getAllByText('Abandoned').length).toBeGreaterThan(0);
  });

  it('leads with the manager’s comment on a plan sent back', async () => {
    renderRoute('/my-plan', [planCommentsMock(), sharingMock(),
      approverMock(), myPlan({ ...plan('DRAFT', 3), sentBackComment: 'Add a due date to the PMP.' })]);
    const alert = await screen.findByText('“Add a due date to the PMP.”');
    expect(alert.closest('[role="status"]')).toHaveTextContent('Your manager sent the plan back');
  });

  it('shows the rhythm, the next review date, an overdue review and a quiet plan', async () => {
    renderRoute('/my-plan', [planCommentsMock(), sharingMock(),
      approverMock(), myPlan({ ...plan('ACTIVE', 5), reviewRhythmWeeks: 6, reviewDueOn: '2026-05-01', reviewState: 'OVERDUE', stale: true })]);
    const cadence = await screen.findByRole('group', { name: 'Review cadence' });
    expect(within(cadence).getByRole('combobox', { name: 'Review rhythm' })).toHaveValue('6');
    expect(cadence).toHaveTextContent('Next review by 2026-05-01');
    expect(within(cadence).getByText('Review overdue')).toBeInTheDocument();
    expect(within(cadence).getByText('No activity for 30 days')).toBeInTheDocument();
  });

  it('says a draft’s first review is set on agreement, and flags nothing', async () => {
    renderRoute('/my-plan', [planCommentsMock(), sharingMock(),
      approverMock(), myPlan(plan('DRAFT', 1))]);
    const cadence = await screen.findByRole('group', { name: 'Review cadence' });
    expect(within(cadence).getByRole('combobox', { name: 'Review rhythm' })).toHaveValue('8');
    expect(cadence).toHaveTextContent('The first review is set once the plan is agreed');
    expect(within(cadence).queryByText(/Review (due|overdue)/)).not.toBeInTheDocument();
  });

  it('changes the review rhythm, and the next review moves with it', async () => {
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      approverMock(),
      myPlan(plan('ACTIVE', 5)),
      {
        request: { query: SetPlanReviewRhythmMutation, variables: { input: { planId: 'plan-1', expectedVersion: 5, reviewRhythmWeeks: 4 } } },
        result: { data: { setPlanReviewRhythm: { ...plan('ACTIVE', 6), reviewRhythmWeeks: 4, reviewDueOn: '2026-07-15' } } },
      },
    ]);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Review rhythm' }), 'Every 4 weeks');
    expect(await screen.findByText('Reviews every 4 weeks; the next by 2026-07-15.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Review cadence' })).toHaveTextContent('Next review by 2026-07-15');
  });
});
