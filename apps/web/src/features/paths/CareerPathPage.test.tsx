import { screen, within } from '@testing-library/react';
import { pmoFramework } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { FT_LEVELS, PMO_LEVELS, scaleOnly } from '../../components/levels/fixtures';
import { apiError } from '../../test/session';
import { FrameworkBrowserQuery } from '../frameworks/FrameworkPage';
import { CareerRouteQuery, ClosestRolesQuery, PathViewerQuery } from './CareerPathPage';

const framework = { request: { query: FrameworkBrowserQuery, variables: { id: 'fw-pmo' } }, result: { data: { framework: pmoFramework } } };
const role = (id: string, title: string) => ({ __typename: 'Role' as const, id, title });
// Facilitation is on a scale of its own (FT's names): its levels are named on it.
const skill = (id: string, name: string) => ({ __typename: 'Skill' as const, id, name, ...scaleOnly(name === 'Facilitation' ? FT_LEVELS : PMO_LEVELS) });

const viewerIn = (currentRole: ReturnType<typeof role> | null) => ({
  request: { query: PathViewerQuery },
  result: { data: { viewer: { __typename: 'Viewer', person: { __typename: 'Person', id: 'p-dan', currentRole } } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const closestToAnalyst = {
  request: { query: ClosestRolesQuery, variables: { roleId: 'role-pmo-analyst' } },
  result: {
    data: {
      closestRoles: {
        __typename: 'ClosestRoles',
        profileSource: 'CURRENT_ROLE_EXPECTATIONS',
        roles: [
          { __typename: 'RoleFit', role: role('role-pmo-administrator', 'PMO Administrator'), shortfall: 0, metSkillCount: 6, expectedSkillCount: 6, explanation: 'Fit 80%: 6 of 6 expectations met (2 above).' },
          { __typename: 'RoleFit', role: role('role-business-analyst', 'Business Analyst'), shortfall: 3, metSkillCount: 4, expectedSkillCount: 6, explanation: 'Fit 70%: 4 of 6 expectations met, short on 2 by 3 levels in all.' },
        ],
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const routeRequest = (fromRoleId: string, toRoleId: string) => ({ query: CareerRouteQuery, variables: { fromRoleId, toRoleId } });

const analystToBa = {
  request: routeRequest('role-pmo-analyst', 'role-business-analyst'),
  result: {
    data: {
      careerRoute: {
        __typename: 'CareerRoute',
        found: true,
        reason: null,
        message: null,
        profileSource: 'CURRENT_ROLE_EXPECTATIONS',
        totalMonths: 18,
        totalShortfall: 3,
        from: role('role-pmo-analyst', 'PMO Analyst'),
        to: role('role-business-analyst', 'Business Analyst'),
        steps: [
          {
            __typename: 'CareerRouteStep',
            kind: 'LATERAL',
            typicalMonths: 18,
            typicalMonthsAssumed: false,
            guidance: 'Shadow a business analyst first.',
            shortfall: 3,
            from: role('role-pmo-analyst', 'PMO Analyst'),
            to: role('role-business-analyst', 'Business Analyst'),
            gaps: [
              { __typename: 'SkillGap', skill: skill('skill-requirements', 'Requirements analysis'), requiredLevel: 3, currentLevel: 1, shortfall: 2 },
              { __typename: 'SkillGap', skill: skill('skill-facilitation', 'Facilitation'), requiredLevel: 1, currentLevel: 0, shortfall: 1 },
            ],
            missingQualifications: [{ __typename: 'Qualification', id: 'q-babok', name: 'BCS Business Analysis' }],
          },
        ],
      },
    },
  },
};

describe('Find a route page', () => {
  it("starts from the viewer's current role, then shows the route's steps with gaps, months and qualifications", async () => {
    const { user, router } = renderRoute('/frameworks/fw-pmo/paths', [framework, viewerIn(role('role-pmo-analyst', 'PMO Analyst')), closestToAnalyst, analystToBa]);

    const from = await screen.findByRole('combobox', { name: 'From role' });
    expect(await within(from).findByRole('option', { name: 'PMO Analyst', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Choose two roles' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'To role' }), 'Business Analyst');
    expect(router.state.location.search).toBe('?from=role-pmo-analyst&to=role-business-analyst');

    expect(await screen.findByRole('heading', { level: 2, name: 'Route from PMO Analyst to Business Analyst' })).toBeInTheDocument();
    expect(screen.getByText('1 move')).toBeInTheDocument();
    expect(screen.getByText('About 18 months')).toBeInTheDocument();
    expect(screen.getByText('3 levels to grow')).toBeInTheDocument();
    expect(screen.getByText(/Gaps assume you meet exactly what your current role expects/)).toBeInTheDocument();

    const steps = screen.getByRole('list', { name: 'Steps of the route' });
    const step = within(steps).getByRole('listitem', { name: 'Step 1: PMO Analyst → Business Analyst' });
    expect(step).toHaveTextContent('Lateral move · typically 18 months');
    expect(step).toHaveTextContent('Shadow a business analyst first.');
    const gaps = within(step).getByRole('table', { name: 'Skill gaps for Business Analyst' });
    expect(
      within(gaps)
        .getAllByRole('row')
        .slice(1)
        .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent)),
    ).toEqual([
      ['Requirements analysis', 'Level 1 · Aware', 'Level 3 · Competent', '2 levels'],
      ['Facilitation', 'None', 'Level 1 · Awareness', '1 level'],
    ]);
    expect(within(step).getByText('BCS Business Analysis')).toBeInTheDocument();
    expect(within(step).getByRole('link', { name: 'About Business Analyst' })).toHaveAttribute('href', '/roles/role-business-analyst');
  });

  it('lists the roles closest to the viewer, each a click away from its route', async () => {
    const { user, router } = renderRoute('/frameworks/fw-pmo/paths', [framework, viewerIn(role('role-pmo-analyst', 'PMO Analyst')), closestToAnalyst, analystToBa]);

    const closest = await screen.findByRole('list', { name: 'Roles closest to you' });
    const items = await within(closest).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'PMO AdministratorYou meet every expectation · meets 6 of 6 skillsFit 80%: 6 of 6 expectations met (2 above).Find a route',
      'Business Analyst3 levels to grow · meets 4 of 6 skillsFit 70%: 4 of 6 expectations met, short on 2 by 3 levels in all.Find a route',
    ]);

    await user.click(within(closest).getByRole('button', { name: 'Find a route to Business Analyst' }));
    expect(router.state.location.search).toBe('?from=role-pmo-analyst&to=role-business-analyst');
    expect(await screen.findByRole('heading', { level: 2, name: 'Route from PMO Analyst to Business Analyst' })).toBeInTheDocument();
  });

  it('lets the viewer clear the "from" role it filled in', async () => {
    const { user } = renderRoute('/frameworks/fw-pmo/paths', [framework, viewerIn(role('role-pmo-analyst', 'PMO Analyst')), closestToAnalyst]);

    const from = await screen.findByRole('combobox', { name: 'From role' });
    await within(from).findByRole('option', { name: 'PMO Analyst', selected: true });
    await user.selectOptions(from, 'Choose a role…');
    await screen.findByRole('list', { name: 'Roles closest to you' });
    expect(from).toHaveValue('');
  });

  it('highlights the route on the role graph with text labels, not colour alone', async () => {
    renderRoute('/frameworks/fw-pmo/paths?from=role-pmo-analyst&to=role-business-analyst', [framework, viewerIn(null), analystToBa]);

    await screen.findByRole('heading', { name: 'Route from PMO Analyst to Business Analyst' });
    const graph = await screen.findByTestId('role-graph');
    const start = (await within(graph).findByRole('link', { name: 'PMO Analyst' })).parentElement!;
    expect(start).toHaveTextContent(/^Start/);
    const goal = within(graph).getByRole('link', { name: 'Business Analyst' }).parentElement!;
    expect(goal).toHaveTextContent(/^Step 1/);
    expect(within(graph).getByRole('link', { name: 'Head of PMO' }).parentElement).not.toHaveTextContent(/Start|Step/);

    const onRoute = await within(graph).findByTestId('rf__edge-t-analyst-ba');
    const offRoute = within(graph).getByTestId('rf__edge-t-analyst-senior');
    expect(onRoute).toHaveAttribute('aria-label', 'On the route: Lateral move: PMO Analyst to Business Analyst');
    expect(offRoute).toHaveAttribute('aria-label', 'Promotion: PMO Analyst to Senior PMO Analyst');
    expect(onRoute.querySelector('path.react-flow__edge-path')?.getAttribute('style')).toMatch(/stroke-width: 5/);
    expect(offRoute.querySelector('path.react-flow__edge-path')?.getAttribute('style')).toMatch(/opacity: 0.25/);
  });

  it('says when the route found may not be the cheapest (a very large framework)', async () => {
    const route = analystToBa.result.data.careerRoute;
    const note = 'This framework is very large: this is the cheapest route found within the time allowed, and a cheaper one may exist.';
    renderRoute('/frameworks/fw-pmo/paths?from=role-pmo-analyst&to=role-business-analyst', [
      framework,
      viewerIn(role('role-pmo-analyst', 'PMO Analyst')),
      closestToAnalyst,
      { request: analystToBa.request, result: { data: { careerRoute: { ...route, message: note } } } },
    ]);

    expect(await screen.findByRole('heading', { level: 2, name: 'Route from PMO Analyst to Business Analyst' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(`A cheaper route may exist${note}`);
    expect(screen.getByRole('list', { name: 'Steps of the route' })).toBeInTheDocument();
  });

  it('explains when there is no route', async () => {
    renderRoute('/frameworks/fw-pmo/paths?from=role-head-of-pmo&to=role-pmo-administrator', [
      framework,
      viewerIn(null),
      {
        request: routeRequest('role-head-of-pmo', 'role-pmo-administrator'),
        result: {
          data: {
            careerRoute: {
              __typename: 'CareerRoute',
              found: false,
              reason: 'NO_MOVES_OUT',
              message: 'The framework defines no moves out of Head of PMO, so no route starts there.',
              profileSource: 'NONE',
              totalMonths: 0,
              totalShortfall: 0,
              from: role('role-head-of-pmo', 'Head of PMO'),
              to: role('role-pmo-administrator', 'PMO Administrator'),
              steps: [],
            },
          },
        },
      },
    ]);

    expect(await screen.findByRole('heading', { name: 'No route from Head of PMO to PMO Administrator' })).toBeInTheDocument();
    expect(screen.getByText('The framework defines no moves out of Head of PMO, so no route starts there.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Steps of the route' })).not.toBeInTheDocument();
  });

  it('leaves "from" empty when the viewer has no current role', async () => {
    renderRoute('/frameworks/fw-pmo/paths?to=role-pmo-manager', [framework, viewerIn(null)]);
    const from = await screen.findByRole('combobox', { name: 'From role' });
    expect(from).toHaveValue('');
    expect(screen.getByRole('heading', { name: 'Choose two roles' })).toBeInTheDocument();
  });

  it('shows an error from the route query, with a retry', async () => {
    renderRoute('/frameworks/fw-pmo/paths?from=role-pmo-analyst&to=role-business-analyst', [
      framework,
      viewerIn(null),
      { request: analystToBa.request, result: apiError('The first role does not exist.', 'NOT_FOUND') },
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not find a route');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('says when the framework has no published version', async () => {
    renderRoute('/frameworks/fw-pmo/paths', [
      { request: framework.request, result: { data: { framework: { ...pmoFramework, currentVersion: null } } } },
      viewerIn(null),
    ]);
    expect(await screen.findByRole('heading', { name: 'No published version yet' })).toBeInTheDocument();
  });
});
