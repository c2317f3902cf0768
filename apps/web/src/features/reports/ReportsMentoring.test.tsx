import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { CalibrationReportQuery, ParticipationReportQuery, ReportOverviewQuery } from './reportsData';

const leaderViewer = { ...adminViewer, accessRole: 'LEADERSHIP' as const, isManager: false };

const filter = (month: string | null) => ({ month, teamId: null, trackId: null, roleId: null, categoryId: null });

const overview = (month: string | null) => ({
  request: { query: ReportOverviewQuery, variables: { input: { month, teamId: null } } },
  result: {
    data: {
      reportOverview: {
        __typename: 'ReportOverview',
        meta: { __typename: 'ReportMeta', month, k: 5, refreshedAt: '2026-12-06T06:00:00.000Z', people: 72, filters: true },
        months: ['2026-11', '2026-10'],
        tracks: [],
        roles: [],
        categories: [],
        trail: [{ __typename: 'ReportTeam', teamId: '*', name: 'Acme Projects' }],
      },
    },
  },
});

const fig = (value: number | null, people: number | null, suppressed: string | null = null) => ({ __typename: 'ReportFigure', value, people, suppressed });
const hidden = fig(null, null, 'small');

const mentoring = (planCoverage: ReturnType<typeof fig>, activePairs: ReturnType<typeof fig>, fizzlingPairs: ReturnType<typeof fig>, waitingPeople: ReturnType<typeof fig>) => ({
  __typename: 'ParticipationMentoringModel',
  planCoverage,
  activePairs,
  fizzlingPairs,
  waitingPeople,
});

const participationRow = (teamId: string, teamName: string, people: number, mentoringFigures: ReturnType<typeof mentoring> | null) => ({
  __typename: 'ParticipationRowModel',
  teamId,
  teamName,
  people: fig(people, people),
  withPlan: fig(0.5, people),
  agreed: fig(0.4, people),
  active: fig(0.3, people),
  reviewedOnTime: fig(0.8, 10),
  overdue: fig(0.1, people),
  stale: fig(0.05, people),
  mentoring: mentoringFigures,
});

const participation = (month: string | null, rows: ReturnType<typeof participationRow>[]) => ({
  request: { query: ParticipationReportQuery, variables: { input: filter(month) } },
  result: { data: { participationReport: { __typename: 'ParticipationReportModel', meta: { __typename: 'ReportMeta', k: 5, month }, rows, training: [] } } },
});

const cell = (source: string, skillId: string, skillName: string, pairs: number | null, mean: number | null, suppressed: string | null = null) => ({
  __typename: 'CalibrationCellModel',
  teamId: '*',
  teamName: 'Acme Projects',
  skillId,
  skillName,
  source,
  pairs: suppressed ? fig(null, null, suppressed) : fig(pairs, pairs),
  meanDifference: suppressed ? fig(null, null, suppressed) : fig(mean, pairs),
  standardDeviation: suppressed ? fig(null, null, suppressed) : fig(0.5, pairs),
});

const assessor = (source: string, assessorId: string, assessorName: string, mean: number, flag: string | null) => ({
  __typename: 'AssessorCalibrationModel',
  assessorId,
  assessorName,
  source,
  people: fig(6, 6),
  meanDifference: fig(mean, 6),
  shrunkOffset: fig(mean / 2, 6),
  flag,
});

const calibration = {
  request: { query: CalibrationReportQuery, variables: { input: filter(null) } },
  result: {
    data: {
      calibrationReport: {
        __typename: 'CalibrationReportModel',
        meta: { __typename: 'ReportMeta', k: 5 },
        bySkill: [
          cell('manager', 's-plan', 'Planning', 20, -0.25),
          cell('mentor', 's-plan', 'Planning', 7, 0.5),
          cell('mentor', 's-risk', 'Risk', null, null, 'small'),
          // A sub-team's cell: the table shows the drill root's skills only.
          { ...cell('mentor', 's-scope', 'Scope', 9, 0.1), teamId: 'team-delivery', teamName: 'Delivery' },
        ],
        assessors: [assessor('manager', 'p-mia', 'Mia Manager', -0.3, null), assessor('mentor', 'p-tom', 'Tom Mentor', 1.2, 'above')],
      },
    },
  },
};

describe('Reports: mentoring', () => {
  it('shows mentoring coverage per team in participation, "<k" for hidden figures', async () => {
    renderRoute(
      '/reports?tab=participation',
      [
        overview(null),
        participation(null, [
          participationRow('*', 'Acme Projects', 72, mentoring(fig(0.42, 30), fig(12, 12), fig(3, 12), fig(2, 2))),
          participationRow('team-pmo', 'PMO', 8, mentoring(hidden, hidden, hidden, hidden)),
        ]),
      ],
      { viewer: leaderViewer },
    );
    const section = (await screen.findByRole('heading', { name: 'Mentoring' })).closest('section')!;
    const table = within(section).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Team', 'Open plans with a mentor', 'Active pairs', 'Fizzling pairs', 'Waiting for a mentor']);
    const root = within(table).getByRole('row', { name: /Acme Projects/ });
    expect(within(root).getByLabelText('Acme Projects, open plans with a mentor: 42%')).toBeInTheDocument();
    expect(within(root).getAllByRole('cell').map((c) => c.textContent)).toEqual(['42%', '12', '3', '2']);
    const pmo = within(table).getByRole('row', { name: /PMO/ });
    expect(within(pmo).getAllByRole('cell').map((c) => c.textContent)).toEqual(['<5', '<5', '<5', '<5']);
    expect(within(pmo).getByLabelText('PMO, open plans with a mentor: hidden, fewer than 5 people')).toBeInTheDocument();
    expect(within(section).queryByText(/before mentoring joined the reports/)).not.toBeInTheDocument();
  });

  it('says a month snapshot without mentoring data has none, with "—" rather than a figure', async () => {
    renderRoute(
      '/reports?tab=participation&month=2026-10',
      [overview('2026-10'), participation('2026-10', [participationRow('*', 'Acme Projects', 70, null)])],
      { viewer: leaderViewer },
    );
    const section = (await screen.findByRole('heading', { name: 'Mentoring' })).closest('section')!;
    const root = within(within(section).getByRole('table')).getByRole('row', { name: /Acme Projects/ });
    expect(within(root).getAllByRole('cell').map((c) => c.textContent)).toEqual(['—', '—', '—', '—']);
    expect(within(root).getAllByLabelText('Acme Projects: no mentoring data in this snapshot')).toHaveLength(4);
    expect(within(section).getByText(/the October 2026 snapshot was taken before mentoring joined the reports/)).toBeInTheDocument();
    // The plan figures of that month are still there.
    expect(screen.getByLabelText('Acme Projects, With a plan: 50%')).toBeInTheDocument();
  });

  it('switches calibration between manager vs self, mentor vs self and mentor vs manager', async () => {
    const { user } = renderRoute('/reports?tab=calibration', [overview(null), calibration], { viewer: leaderViewer });
    const chooser = await screen.findByRole('radiogroup', { name: 'Comparison' });
    expect(within(chooser).getByRole('radio', { name: 'Manager vs self' })).toBeChecked();
    expect(screen.getByText(/Manager minus self rating/)).toBeInTheDocument();
    const skills = () => screen.getAllByRole('table')[0]!;
    expect(within(skills()).getByRole('row', { name: /Planning/ })).toHaveTextContent('-0.25');
    expect(within(skills()).queryByRole('row', { name: /Risk/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Managers as assessors' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Mia Manager/ })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /Tom Mentor/ })).not.toBeInTheDocument();

    await user.click(within(chooser).getByRole('radio', { name: 'Mentor vs self' }));
    expect(screen.getByText(/Mentor minus self rating/)).toBeInTheDocument();
    expect(within(skills()).getByRole('row', { name: /Planning/ })).toHaveTextContent('+0.50');
    expect(within(within(skills()).getByRole('row', { name: /Risk/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['<5', '<5', '<5']);
    expect(within(skills()).queryByRole('row', { name: /Scope/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Mentors as assessors' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Tom Mentor/ })).toHaveTextContent('Rates far above the others (+0.60)');
    expect(screen.queryByRole('row', { name: /Mia Manager/ })).not.toBeInTheDocument();

    await user.click(within(chooser).getByRole('radio', { name: 'Mentor vs manager' }));
    expect(screen.getByText('No mentor vs manager pairs yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
