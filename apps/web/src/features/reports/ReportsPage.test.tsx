import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer, employeeViewer } from '../../test/session';
import { ReportOverviewQuery, SkillHeatmapQuery, SkillGapsQuery } from './reportsData';

const leaderViewer = { ...adminViewer, accessRole: 'LEADERSHIP' as const, isManager: false };

const overview = (input: Record<string, unknown>) => ({
  request: { query: ReportOverviewQuery, variables: { input } },
  result: {
    data: {
      reportOverview: {
        __typename: 'ReportOverview',
        meta: { __typename: 'ReportMeta', month: null, k: 5, refreshedAt: '2026-12-06T06:00:00.000Z', people: 72, filters: true },
        months: ['2026-11', '2026-10'],
        tracks: [{ __typename: 'ReportOption', id: 't-delivery', name: 'Delivery' }],
        roles: [{ __typename: 'ReportOption', id: 'r-pm', name: 'Project Manager', trackId: 't-delivery' }],
        categories: [{ __typename: 'ReportOption', id: 'c-plan', name: 'Planning' }],
        trail: input.teamId
          ? [
              { __typename: 'ReportTeam', teamId: '*', name: 'Acme Projects' },
              { __typename: 'ReportTeam', teamId: 'team-delivery', name: 'Delivery' },
            ]
          : [{ __typename: 'ReportTeam', teamId: '*', name: 'Acme Projects' }],
      },
    },
  },
});

const heatmap = (teamId: string | null) => ({
  request: { query: SkillHeatmapQuery, variables: { input: { month: null, teamId, trackId: null, roleId: null, categoryId: null } } },
  result: {
    data: {
      skillHeatmap: {
        __typename: 'SkillHeatmap',
        meta: { __typename: 'ReportMeta', k: 5, month: null },
        columns: [
          { __typename: 'HeatmapColumnModel', skillId: 's-plan', name: 'Planning', categoryId: 'c-plan', categoryName: 'Planning' },
          { __typename: 'HeatmapColumnModel', skillId: 's-risk', name: 'Risk', categoryId: 'c-plan', categoryName: 'Planning' },
        ],
        rows: [
          {
            __typename: 'HeatmapRowModel',
            teamId: teamId ?? '*',
            name: teamId ? 'Delivery' : 'Acme Projects',
            isDrillRoot: true,
            hasChildren: true,
            assessed: [40, 12],
            averageLevel: [2.5, 3],
            shareMeeting: [0.625, 0.9],
            assessedSuppressed: [false, false],
            meetingSuppressed: [false, false],
          },
          {
            __typename: 'HeatmapRowModel',
            teamId: teamId ? 'team-pmo' : 'team-delivery',
            name: teamId ? 'PMO' : 'Delivery',
            isDrillRoot: false,
            hasChildren: !teamId,
            assessed: [null, 0],
            averageLevel: [null, null],
            shareMeeting: [null, null],
            assessedSuppressed: [true, false],
            meetingSuppressed: [true, false],
          },
        ],
      },
    },
  },
});

describe('Reports page', () => {
  it('draws the heatmap as a table with a figure in every cell, "<k" for hidden ones, and drills into a team', async () => {
    const { user, router } = renderRoute('/reports', [overview({ month: null, teamId: null }), heatmap(null), overview({ month: null, teamId: 'team-delivery' }), heatmap('team-delivery')], {
      viewer: leaderViewer,
    });
    const table = await screen.findByRole('table');
    const root = within(table).getByRole('row', { name: /Acme Projects/ });
    expect(within(root).getByText('2.5 · 63%')).toBeInTheDocument();
    expect(within(root).getByText('Planning: 40 assessed, average level 2.5, 63% meeting their role')).toBeInTheDocument();
    const delivery = within(table).getByRole('row', { name: /Delivery/ });
    expect(within(delivery).getByText('<5')).toBeInTheDocument();
    expect(within(delivery).getByText('Planning: hidden, fewer than 5 people')).toBeInTheDocument();
    expect(within(delivery).getByText('Risk: nobody assessed')).toBeInTheDocument();
    expect(screen.getByText(/"<5" marks a figure about fewer than 5 people/)).toBeInTheDocument();

    await user.click(within(delivery).getByRole('button', { name: /Delivery: open its sub-teams/ }));
    expect(router.state.location.search).toBe('?team=team-delivery');
    expect(await screen.findByRole('row', { name: /PMO/ })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Team drill-down' })).toHaveTextContent('Acme Projects›Delivery');
  });

  it('says the reports are on their way before the first snapshot', async () => {
    renderRoute(
      '/reports',
      [
        {
          request: { query: ReportOverviewQuery, variables: { input: { month: null, teamId: null } } },
          result: { data: { reportOverview: { __typename: 'ReportOverview', meta: null, months: [], tracks: [], roles: [], categories: [], trail: [] } } },
        },
      ],
      { viewer: leaderViewer },
    );
    expect(await screen.findByText('The reports are being prepared')).toBeInTheDocument();
  });

  it('shows a gaps tab with bars that also read as figures', async () => {
    const { user } = renderRoute(
      '/reports?tab=gaps',
      [
        overview({ month: null, teamId: null }),
        {
          request: { query: SkillGapsQuery, variables: { input: { month: null, teamId: null, trackId: null, roleId: null, categoryId: null } } },
          result: {
            data: {
              skillGaps: {
                __typename: 'SkillGapsReport',
                meta: { __typename: 'ReportMeta', k: 5 },
                byTeam: [
                  {
                    __typename: 'GapRowModel',
                    teamId: '*',
                    teamName: 'Acme Projects',
                    gaps: [
                      {
                        __typename: 'SkillGapModel',
                        skillId: 's-plan',
                        skillName: 'Planning',
                        withExpectation: { __typename: 'ReportFigure', value: 30, people: 30, suppressed: null },
                        short: { __typename: 'ReportFigure', value: 12, people: 24, suppressed: null },
                        shareShort: { __typename: 'ReportFigure', value: 0.5, people: 24, suppressed: null },
                        meanShortfall: { __typename: 'ReportFigure', value: 0.75, people: 24, suppressed: null },
                      },
                    ],
                  },
                ],
                byRole: [],
                coverage: [{ __typename: 'TeamCoverageModel', teamId: '*', teamName: 'Acme Projects', people: 72, suppressed: null, risks: [] }],
                requiredVsActualSuppressed: null,
                requiredVsActual: [],
              },
            },
          },
        },
      ],
      { viewer: leaderViewer },
    );
    expect(await screen.findByRole('heading', { name: 'Where people fall short of their role' })).toBeInTheDocument();
    expect(screen.getByLabelText('Planning, share short: 50%')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download gaps CSV' })).toBeInTheDocument();
    expect(user).toBeDefined();
  });

  it('tells an employee the reports are for leadership, and has no Reports entry in their navigation', async () => {
    renderRoute('/reports', [], { viewer: employeeViewer });
    expect(await screen.findByText('Reports are for leadership')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Reports' })).not.toBeInTheDocument();
  });

  it('lists Reports in the navigation of leadership', async () => {
    renderRoute('/reports', [overview({ month: null, teamId: null }), heatmap(null)], { viewer: leaderViewer });
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Reports' })).toBeInTheDocument();
    await screen.findByRole('table');
  });
});
