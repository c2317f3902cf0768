import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { PMO_LEVELS, scaleFields } from '../../components/levels/fixtures';
import { adminViewer, apiError } from '../../test/session';
import { AgreeReportPlanMutation, RecordManagerAssessmentMutation, ReportPlanQuery, SendBackReportPlanMutation } from './ReportPlanPage';

const version = {
  __typename: 'FrameworkVersion' as const,
  id: 'v1',
  skills: [
    { __typename: 'Skill' as const, id: 'skill-planning', key: 'planning-scheduling', name: 'Planning & scheduling', ...scaleFields(PMO_LEVELS, { descriptors: { 4: 'Plans a **programme**' } }) },
    // Risk is on a 3-level scale of its own: the manager's rating offers exactly its levels.
    { __typename: 'Skill' as const, id: 'skill-risk', key: 'risk-management', name: 'Risk management', ...scaleFields(['Aware', 'Working', 'Leading'], { key: 'risk', name: 'Risk' }) },
  ],
};

const MANAGER = { view: true, edit: false, review: true, comment: true, checkIn: true, rate: true, seeCheckIns: true, seeEvidence: true, signOff: false };
const SHARED = { view: true, edit: false, review: false, comment: false, checkIn: false, rate: false, seeCheckIns: true, seeEvidence: true, signOff: false };

const NOT_STARTED = [{ __typename: 'PlanAction', id: 'a1', title: 'Gain the Project Management Professional (PMP)', status: 'NOT_STARTED', evidence: null as string | null, signOff: null }];

const answer = ({ status = 'PROPOSED', version: planVersion = 3, can = MANAGER, relationship = 'MANAGER', managerLevel = null as number | null, managerComment = null as string | null, actions = NOT_STARTED } = {}) => ({
  request: { query: ReportPlanQuery, variables: { personId: 'p-dan' } },
  result: {
    data: {
      person: { __typename: 'Person', id: 'p-dan', name: 'Dan Kowalski' },
      planOf: {
        __typename: 'Plan',
        id: 'plan-dan',
        status,
        version: planVersion,
        relationship,
        reviewDueOn: null,
        sentBackComment: null,
        viewerCan: { __typename: 'PlanAbilities', ...can },
        targetRole: { __typename: 'Role', id: 'role-pm', title: 'Project Manager' },
        actions,
        checkIns: [],
        readiness: {
          __typename: 'Readiness',
          shareMet: 0.3,
          totalShortfall: 9,
          skills: [{ __typename: 'ExpectationGap', skillKey: 'planning-scheduling', requiredLevel: 4 }, { __typename: 'ExpectationGap', skillKey: 'risk-management', requiredLevel: 2 }],
          forecast: { __typename: 'ReadinessForecast', kind: 'not-enough-history', reason: null, monthsToReady: null },
        },
      },
      assessmentsOf: {
        __typename: 'PersonAssessments',
        personId: 'p-dan',
        current: [
          {
            __typename: 'ProfileEntry',
            skillKey: 'planning-scheduling',
            selfLevel: 3,
            managerLevel,
            selfEvidenceNote: 'Rebuilt the portfolio schedule',
            selfEvidenceUrl: 'https://example.com/schedule',
            managerComment,
          },
        ],
        mentorRatings: [],
      },
      frameworks: [{ __typename: 'Framework', id: 'fw-pmo', currentVersion: version }],
    },
  },
});

describe('A person’s plan page, as someone else reads it', () => {
  it('shows the person’s evidence beside each rating, and the manager rates with a comment', async () => {
    const { user } = renderRoute(
      '/my-team/p-dan',
      [
        answer(),
        {
          request: { query: RecordManagerAssessmentMutation, variables: { personId: 'p-dan', input: { skillId: 'skill-planning', level: 2, evidenceNote: 'Needs to run a replan alone' } } },
          result: { data: { recordManagerAssessment: { __typename: 'Assessment', id: 'as-9', level: 2 } } },
        },
        answer({ managerLevel: 2, managerComment: 'Needs to run a replan alone' }),
      ],
      { viewer: adminViewer },
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Dan Kowalski’s development plan' })).toBeInTheDocument();
    const skills = screen.getByRole('table', { name: 'Skills and evidence' });
    expect(within(skills).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Skill', 'Expected', 'Their rating', 'Their evidence', 'Manager’s rating']);
    const row = within(skills).getByRole('row', { name: /Planning & scheduling/ });
    expect(within(row).getByText('Rebuilt the portfolio schedule')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Evidence link for Planning & scheduling' })).toHaveAttribute('href', 'https://example.com/schedule');

    await user.click(within(row).getByRole('button', { name: 'Rate Planning & scheduling' }));
    const dialog = await screen.findByRole('dialog', { name: 'Your rating of Planning & scheduling' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Level' }), '2 · Practised');
    await user.click(within(dialog).getByRole('button', { name: 'Save rating' }));
    // The comment is asked for before anything is sent.
    expect(await within(dialog).findByText(/^Say what the rating is based on: it differs from their own rating \(\d\), so a comment is required\.$/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Your comment/ }), 'Needs to run a replan alone');
    await user.click(within(dialog).getByRole('button', { name: 'Save rating' }));
    expect(await screen.findByText('Rated Planning & scheduling at 2 · Practised.')).toBeInTheDocument();
    expect(await within(skills).findByText('“Needs to run a replan alone”')).toBeInTheDocument();
  });

  it('rates each skill on its own scale: exactly its levels, the chosen one’s descriptor written out', async () => {
    const { user } = renderRoute('/my-team/p-dan', [answer()], { viewer: adminViewer });
    const skills = await screen.findByRole('table', { name: 'Skills and evidence' });
    await user.click(within(within(skills).getByRole('row', { name: /Risk management/ })).getByRole('button', { name: 'Rate Risk management' }));
    let dialog = await screen.findByRole('dialog', { name: 'Your rating of Risk management' });
    expect(within(within(dialog).getByRole('combobox', { name: 'Level' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['1 · Aware', '2 · Working', '3 · Leading']);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(within(skills).getByRole('row', { name: /Planning & scheduling/ })).getByRole('button', { name: 'Rate Planning & scheduling' }));
    dialog = await screen.findByRole('dialog', { name: 'Your rating of Planning & scheduling' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Level' }), '4');
    // The descriptor is Markdown, rendered (once the renderer has loaded).
    await waitFor(() => expect(within(dialog).getByText(/^Proficient:/)).toHaveTextContent('Proficient: Plans a programme'));
    expect(within(dialog).getByText('programme').tagName).toBe('STRONG');
  });

  it('gives a mentor the evidence shared with them to sign off, on a button whose name holds its visible text (axe label-content-name-mismatch)', async () => {
    const MENTOR = { ...SHARED, comment: true, signOff: true };
    const done = [{ ...NOT_STARTED[0]!, status: 'DONE', evidence: 'Certificate on the wiki' }];
    renderRoute('/my-team/p-dan', [answer({ status: 'ACTIVE', relationship: 'MENTOR', can: MENTOR, actions: done })], { viewer: adminViewer });
    const button = await screen.findByRole('button', { name: 'Sign off evidence of Gain the Project Management Professional (PMP)' });
    const visible = (button.textContent ?? '').replace(/…/g, '').trim().toLowerCase();
    expect(visible).toBe('sign off evidence');
    expect(button.getAttribute('aria-label')!.toLowerCase()).toContain(visible);
  });

  it('agrees a proposed plan after a confirmation', async () => {
    const { user } = renderRoute(
      '/my-team/p-dan',
      [
        answer(),
        {
          request: { query: AgreeReportPlanMutation, variables: { input: { planId: 'plan-dan', expectedVersion: 3 } } },
          result: { data: { agreePlan: { __typename: 'Plan', id: 'plan-dan', status: 'AGREED', version: 4, reviewDueOn: '2026-08-12' } } },
        },
        answer({ status: 'AGREED', version: 4 }),
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('button', { name: 'Agree…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Agree Dan Kowalski’s plan?' });
    await user.click(within(dialog).getByRole('button', { name: 'Agree the plan' }));
    expect(await screen.findByText('Agreed Dan Kowalski’s plan.')).toBeInTheDocument();
    expect(await screen.findByText('Agreed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Agree…' })).not.toBeInTheDocument();
  });

  it('asks for the comment before sending a plan back', async () => {
    const { user } = renderRoute(
      '/my-team/p-dan',
      [
        answer(),
        {
          request: { query: SendBackReportPlanMutation, variables: { input: { planId: 'plan-dan', expectedVersion: 3, comment: 'Add a date to the PMP' } } },
          result: { data: { sendBackPlan: { __typename: 'Plan', id: 'plan-dan', status: 'DRAFT', version: 4, sentBackComment: 'Add a date to the PMP' } } },
        },
        answer({ status: 'DRAFT', version: 4 }),
      ],
      { viewer: adminViewer },
    );
    await user.click(await screen.findByRole('button', { name: 'Send back…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send Dan Kowalski’s plan back?' });
    await user.click(within(dialog).getByRole('button', { name: 'Send back' }));
    expect(await within(dialog).findByText('Say why the plan is sent back: a comment is required.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /What should change/ }), 'Add a date to the PMP');
    await user.click(within(dialog).getByRole('button', { name: 'Send back' }));
    expect(await screen.findByText('Sent Dan Kowalski’s plan back.')).toBeInTheDocument();
    expect(await screen.findByText('Draft')).toBeInTheDocument();
  });

  it('shows a colleague it was shared with no controls at all', async () => {
    renderRoute('/plans/p-dan', [answer({ can: SHARED, relationship: 'SHARED' })], { viewer: adminViewer });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dan Kowalski’s development plan' })).toBeInTheDocument();
    expect(screen.getByText('Dan Kowalski shared this plan with you to read.')).toBeInTheDocument();
    expect(screen.getByText('Rebuilt the portfolio schedule')).toBeInTheDocument();
    expect(screen.queryAllByRole('button')).toEqual(expect.not.arrayContaining([expect.objectContaining({ textContent: expect.stringMatching(/Agree|Send back|Rate/) })]));
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Shared with me' })).toHaveAttribute('href', '/shared-with-me');
  });

  it('explains a refusal when the viewer may not see the plan', async () => {
    renderRoute('/my-team/p-dan', [
      {
        request: { query: ReportPlanQuery, variables: { personId: 'p-dan' } },
        result: apiError("You are not allowed to see Dan Kowalski's development plan: only they, their manager, whoever agrees their plan and people they share with can.", 'FORBIDDEN'),
      },
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent('You do not have access to this');
    // The refused page names no one ("Someone's development plan" read as if a plan were there).
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Development plan$/);
  });
});
