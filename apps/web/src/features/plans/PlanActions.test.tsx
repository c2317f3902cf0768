import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { apiError } from '../../test/session';
import { AddPlanActionMutation, RemovePlanActionMutation, UpdatePlanActionMutation } from './PlanActions';
import { myPlan, plan, sharingMock, planCommentsMock } from './planFixtures';

const PMP = 'Gain the Project Management Professional (PMP)';
const withAction = (base: ReturnType<typeof plan>, id: string, change: Record<string, unknown>) => ({
  ...base,
  actions: base.actions.map((action) => (action.id === id ? { ...action, ...change } : action)),
});

describe('plan actions', () => {
  it('shows each action’s type, skills, due date, status and evidence', async () => {
    renderRoute('/my-plan', [planCommentsMock(), sharingMock(), myPlan(withAction(plan('ACTIVE', 3), 'a-mentor', { evidence: 'https://wiki.example/mentoring' }))]);
    const table = await screen.findByRole('table', { name: 'Actions' });
    const mentor = within(table).getByRole('row', { name: /Find a mentor/ }) as HTMLTableRowElement;
    expect(Array.from(mentor.cells, (cell) => cell.textContent).slice(1, 4)).toEqual(['Mentoring', 'Risk management', '2026-09-30']);
    expect(within(mentor).getByRole('combobox', { name: 'Status of Find a mentor for Risk management' })).toHaveValue('IN_PROGRESS');
    expect(within(table).getByRole('row', { name: /PMP/ })).toHaveTextContent('Planning & scheduling, Risk management');
  });

  it('sets a due date while the plan is a draft, naming the plan version', async () => {
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      myPlan(plan('DRAFT', 2)),
      {
        request: { query: UpdatePlanActionMutation, variables: { input: { actionId: 'a-pmp', expectedPlanVersion: 2, dueOn: '2026-12-31' } } },
        result: { data: { updatePlanAction: withAction(plan('DRAFT', 3), 'a-pmp', { dueOn: '2026-12-31' }) } },
      },
    ]);
    const due = await screen.findByLabelText(`Due date of ${PMP}`);
    expect(due).toHaveAttribute('type', 'date');
    // A date input takes the whole date at once, as a browser's date picker gives it.
    await user.click(due);
    await user.paste('2026-12-31');
    expect(await screen.findByText(`“${PMP}” is due by 2026-12-31.`)).toBeInTheDocument();
    expect(screen.getByLabelText(`Due date of ${PMP}`)).toHaveValue('2026-12-31');
    expect(screen.getByRole('combobox', { name: `Status of ${PMP}` })).toBeDisabled();
  });

  it('drops an action with Undo, which puts the previous status back on the new version', async () => {
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      myPlan(plan('ACTIVE', 4)),
      {
        request: { query: UpdatePlanActionMutation, variables: { input: { actionId: 'a-pmp', expectedPlanVersion: 4, status: 'DROPPED' } } },
        result: { data: { updatePlanAction: withAction(plan('ACTIVE', 5), 'a-pmp', { status: 'DROPPED' }) } },
      },
      {
        request: { query: UpdatePlanActionMutation, variables: { input: { actionId: 'a-pmp', expectedPlanVersion: 5, status: 'NOT_STARTED' } } },
        result: { data: { updatePlanAction: plan('ACTIVE', 6) } },
      },
    ]);
    await user.selectOptions(await screen.findByRole('combobox', { name: `Status of ${PMP}` }), 'Dropped');
    expect(await screen.findByText(`“${PMP}” is now dropped.`)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: `Status of ${PMP}` })).toHaveValue('DROPPED');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: `Status of ${PMP}` })).toHaveValue('NOT_STARTED'));
  });

  it('records evidence, and says why when a save is refused', async () => {
    const stale = 'This plan was changed by Ben Okafor (recorded a check-in) since you opened it: it is now version 5. Reload to see the change; what you entered is kept in the form.';
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      myPlan(plan('ACTIVE', 4)),
      {
        request: { query: UpdatePlanActionMutation, variables: { input: { actionId: 'a-pmp', expectedPlanVersion: 4, evidence: 'https://pmi.example/cert/123' } } },
        result: apiError(stale, 'CONFLICT'),
      },
    ]);
    const evidence = await screen.findByRole('textbox', { name: `Evidence for ${PMP}` });
    await user.type(evidence, 'https://pmi.example/cert/123');
    await user.click(screen.getByRole('button', { name: `Save evidence for ${PMP}` }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`“${PMP}” was not changed: This plan was changed by Ben Okafor (recorded a check-in)`);
    expect(evidence).toHaveValue('https://pmi.example/cert/123');
  });

  it('changes a draft action’s type, removes it with Undo, and adds one of my own', async () => {
    const draft = plan('DRAFT', 2);
    const pmp = draft.actions[0]!;
    const withoutPmp = { ...plan('DRAFT', 4), actions: plan('DRAFT', 4).actions.slice(1) };
    const course = { __typename: 'PlanAction' as const, id: 'a-course', type: 'COURSE', title: 'Risk workshop', description: '', status: 'NOT_STARTED', skillKeys: [], dueOn: null, evidence: null, suggestionId: null, signOff: null };
    const { user } = renderRoute('/my-plan', [
      planCommentsMock(), sharingMock(),
      myPlan(draft),
      {
        request: { query: UpdatePlanActionMutation, variables: { input: { actionId: 'a-pmp', expectedPlanVersion: 2, type: 'COURSE' } } },
        result: { data: { updatePlanAction: withAction(plan('DRAFT', 3), 'a-pmp', { type: 'COURSE' }) } },
      },
      {
        request: { query: RemovePlanActionMutation, variables: { input: { actionId: 'a-pmp', expectedPlanVersion: 3 } } },
        result: { data: { removePlanAction: withoutPmp } },
      },
      {
        request: {
          query: AddPlanActionMutation,
          variables: { input: { planId: 'plan-1', expectedVersion: 4, type: 'COURSE', title: pmp.title, description: pmp.description, skillKeys: pmp.skillKeys, dueOn: null } },
        },
        result: { data: { addPlanAction: { ...withAction(plan('DRAFT', 5), 'a-pmp', { id: 'a-pmp-2', type: 'COURSE' }) } } },
      },
      {
        request: { query: AddPlanActionMutation, variables: { input: { planId: 'plan-1', expectedVersion: 5, type: 'COURSE', title: 'Risk workshop', skillKeys: [], dueOn: null } } },
        result: { data: { addPlanAction: { ...plan('DRAFT', 6), actions: [...plan('DRAFT', 6).actions, course] } } },
      },
    ]);

    await user.selectOptions(await screen.findByRole('combobox', { name: `Type of ${PMP}` }), 'Course');
    await waitFor(() => expect(screen.getByRole('combobox', { name: `Type of ${PMP}` })).toHaveValue('COURSE'));

    await user.click(screen.getByRole('button', { name: `Remove ${PMP}` }));
    expect(await screen.findByText(`Removed “${PMP}”.`)).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Actions' })).queryByText(PMP)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await within(screen.getByRole('table', { name: 'Actions' })).findByText(PMP)).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Add an action' });
    await user.click(within(form).getByRole('button', { name: 'Add action' }));
    expect(within(form).getByText('Give the action a title.')).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: 'New action' }), 'Risk workshop');
    await user.click(within(form).getByRole('button', { name: 'Add action' }));
    expect(await screen.findByText('Added “Risk workshop”.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Actions' })).getByText('Risk workshop')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'New action' })).toHaveValue('');
  }, 15_000);
});
