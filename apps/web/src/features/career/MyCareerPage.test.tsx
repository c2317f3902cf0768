import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { apiError } from '../../test/session';
import { CareerRouteQuery } from '../paths/CareerPathPage';
import { RoleComparisonQuery } from '../paths/RoleComparisonPage';
import { MyCareerQuery } from './careerData';
import { ChangePlanDirectionMutation, ClosestToProfileQuery } from '../plans/planOperations';
import { ChosenRoleReadinessQuery, StartPlanTowardsMutation } from './MyCareerPage';
import { careerFramework, careerVersion, myCareer, roleRef, skillRef } from '../../test/career';
import { PointsLevelQuery } from './WhatLevelAmI';

const profile = [{ skillId: 'skill-planning', level: 2 }];

const closest = {
  request: { query: ClosestToProfileQuery, variables: { frameworkVersionId: 'v1', profile, limit: 5 } },
  result: {
    data: {
      closestRoles: {
        __typename: 'ClosestRoles',
        assumedFrom: roleRef('role-analyst', 'PMO Analyst'),
        roles: [
          {
            __typename: 'RoleFit',
            role: roleRef('role-pm', 'Project Manager'),
            fit: 0.5,
            shortfall: 4,
            metSkillCount: 0,
            expectedSkillCount: 2,
            ratedSkillCount: 1,
            assumedSkillCount: 1,
            unknownSkillCount: 0,
            explanation: 'Fit 50%: 0 of 2 expectations met, short on 2 by 4 levels in all.',
          },
        ],
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** Readiness for a chosen role, on what is known: one rating, one assumed from PMO Analyst. */
const readinessFor = (roleId: string) => ({
  request: { query: ChosenRoleReadinessQuery, variables: { personId: 'p-dan', roleId } },
  result: {
    data: {
      readiness: {
        __typename: 'Readiness',
        shareMet: 0,
        totalShortfall: 4,
        assumption: '1 of 2 expectations rated; 1 assumed at the level your current role (PMO Analyst) expects.',
        coverage: { __typename: 'ProfileCoverage', expected: 2, rated: 1, assumed: 1, unknown: 0 },
        skills: [],
        forecast: { __typename: 'ReadinessForecast', kind: 'not-enough-history', reason: 'no ratings of this role’s skills yet', monthsToReady: null, levelsGained: null, historyMonths: null },
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const comparison = {
  request: { query: RoleComparisonQuery, variables: { fromRoleId: 'role-analyst', toRoleId: 'role-pm' } },
  result: {
    data: {
      roleComparison: {
        __typename: 'RoleComparison',
        from: roleRef('role-analyst', 'PMO Analyst'),
        to: roleRef('role-pm', 'Project Manager'),
        changes: [
          {
            __typename: 'SkillExpectationChange',
            skill: skillRef('skill-risk', 'Risk management'),
            fromLevel: 1,
            toLevel: 4,
            difference: 3,
            fromDescriptor: 'Keeps the risk log.',
            toDescriptor: 'Owns a project’s risks.',
          },
        ],
      },
    },
  },
};

const route = {
  // The route is measured against my assessed profile, not my role's expectations.
  request: { query: CareerRouteQuery, variables: { fromRoleId: 'role-analyst', toRoleId: 'role-pm', profile } },
  result: {
    data: {
      careerRoute: {
        __typename: 'CareerRoute',
        found: true,
        reason: null,
        message: null,
        profileSource: 'GIVEN',
        totalMonths: 24,
        totalShortfall: 5,
        from: roleRef('role-analyst', 'PMO Analyst'),
        to: roleRef('role-pm', 'Project Manager'),
        steps: [
          {
            __typename: 'CareerRouteStep',
            kind: 'PROMOTION',
            typicalMonths: 24,
            typicalMonthsAssumed: false,
            guidance: null,
            shortfall: 5,
            from: roleRef('role-analyst', 'PMO Analyst'),
            to: roleRef('role-pm', 'Project Manager'),
            gaps: [{ __typename: 'SkillGap', skill: skillRef('skill-risk', 'Risk management'), requiredLevel: 4, currentLevel: 0, shortfall: 4 }],
            missingQualifications: [],
          },
        ],
      },
    },
  },
};

describe('My career page', () => {
  it('draws my assessed profile against my role and a chosen one, ranks the closest roles, compares and routes with my own levels', async () => {
    const { user } = renderRoute('/my-career', [myCareer({ rated: [{ skillKey: 'planning', selfLevel: 2 }] }), careerFramework, closest, comparison, route, readinessFor('role-pm')]);

    expect(await screen.findByRole('link', { name: 'PMO Analyst' })).toHaveAttribute('href', '/roles/role-analyst');
    // Skills by category, only those that matter: rated, or expected by my role; unrated ones assumed at my role's level.
    // On a phone each category is one closed line against my role: what I meet, and the gaps flagged.
    expect(screen.getByText('Against PMO Analyst: gaps in 1 of 1 category.')).toBeInTheDocument();
    const delivery = screen.getByRole('button', { name: /^Delivery/ });
    expect(delivery).toHaveAttribute('aria-expanded', 'false');
    expect(delivery).toHaveTextContent('Delivery1 of 2 meet PMO Analyst1 gap');
    expect(screen.getByRole('heading', { level: 3, name: /^Delivery/ })).toContainElement(delivery);
    expect(screen.queryByRole('table', { name: 'My skills against the roles: Delivery' })).not.toBeInTheDocument();
    await user.click(delivery);
    expect(delivery).toHaveAttribute('aria-expanded', 'true');
    // The panel opens after its transition's first frames.
    const table = await screen.findByRole('table', { name: 'My skills against the roles: Delivery' });
    expect(screen.getByRole('region', { name: /^Delivery/ })).toContainElement(table);
    const planning = within(table).getByRole('row', { name: /Planning & scheduling/ });
    expect(within(planning).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Level 2 · Practised', 'Level 3 · Competentgap']);
    const risk = within(table).getByRole('row', { name: /Risk management/ });
    expect(within(risk).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Level 1 · Aware (assumed)', 'Level 1 · Aware']);
    expect(screen.queryByRole('table', { name: 'My skills against the roles: People' })).not.toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /Radar chart/ })).not.toBeInTheDocument();

    const closestList = await screen.findByRole('list', { name: 'Roles closest to me' });
    expect(within(closestList).getByText('Project Manager')).toBeInTheDocument();
    await user.click(within(closestList).getByRole('button', { name: 'Explore Project Manager' }));

    expect(screen.getByRole('combobox', { name: /Role to explore/ })).toHaveValue('role-pm');
    // Now counted against the role explored, and what I opened stays open.
    expect(delivery).toHaveTextContent('Delivery0 of 2 meet Project Manager2 gaps');
    expect(delivery).toHaveAttribute('aria-expanded', 'true');
    expect(within(planning).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Level 2 · Practised', 'Level 3 · Competent', 'Level 3 · Competentgap']);
    // The chosen role sits at the top with its readiness on what is known, and the button to choose it.
    const chosen = screen.getByRole('region', { name: 'Project Manager' });
    expect(within(chosen).getByText('Project Manager: what the role is for.')).toBeInTheDocument();
    expect(await within(chosen).findByText(/1 of 2 expectations rated; 1 assumed at the level your current role \(PMO Analyst\) expects/)).toBeInTheDocument();
    expect(within(chosen).getByRole('button', { name: 'Choose as my target' })).toBeInTheDocument();
    expect(within(closestList).getByText('Fit 50%: 0 of 2 expectations met, short on 2 by 4 levels in all.')).toBeInTheDocument();
    // On a phone the comparison and the route wait behind a button.
    const show = screen.getByRole('button', { name: 'Show the comparison and route' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table', { name: 'From PMO Analyst to Project Manager' })).not.toBeInTheDocument();
    await user.click(show);
    expect(screen.getByRole('button', { name: 'Hide the comparison and route' })).toHaveAttribute('aria-expanded', 'true');
    const compared = await screen.findByRole('table', { name: 'From PMO Analyst to Project Manager' });
    expect(within(compared).getByRole('columnheader', { name: 'You (assessed)' })).toBeInTheDocument();
    expect(within(within(compared).getByRole('row', { name: /Risk management/ })).getByText('Not assessed')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Route from PMO Analyst to Project Manager' })).toBeInTheDocument();
    expect(screen.getByText(/measured against your assessed skills/)).toBeInTheDocument();
  });

  it('chooses a target with no open plan by creating one, then opens My plan', async () => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const { user, router } = renderRoute('/my-career', [
      myCareer({ rated: [] }),
      careerFramework,
      comparison,
      { request: { query: CareerRouteQuery, variables: { fromRoleId: 'role-analyst', toRoleId: 'role-pm', profile: [] } }, result: route.result },
      { request: { query: StartPlanTowardsMutation, variables: { input: { targetRoleId: 'role-pm', timeZone } } }, result: { data: { createPlanFromTarget: { __typename: 'Plan', id: 'plan-1' } } } },
      readinessFor('role-pm'),
    ]);
    await user.selectOptions(await screen.findByRole('combobox', { name: /Role to explore/ }), 'role-pm');
    await user.click(screen.getByRole('button', { name: 'Choose as my target' }));
    await screen.findByRole('heading', { level: 1, name: 'My development plan' });
    expect(router.state.location.pathname).toBe('/my-plan');
  });

  it('changes the open plan’s direction with my reason, and keeps me here with why when it fails', async () => {
    const input = { planId: 'plan-1', expectedVersion: 3, targetRoleId: 'role-pm', reason: 'NEW_TARGET_ROLE', note: 'I want to run projects.' };
    const { user } = renderRoute('/my-career', [
      myCareer({ rated: [], plan: { id: 'plan-1', status: 'ACTIVE', version: 3, targetRole: roleRef('role-senior', 'Senior PMO Analyst') } }),
      careerFramework,
      comparison,
      { request: { query: CareerRouteQuery, variables: { fromRoleId: 'role-analyst', toRoleId: 'role-pm', profile: [] } }, result: route.result },
      { request: { query: ChangePlanDirectionMutation, variables: { input } }, result: apiError('Ben Okafor changed this plan at 14:02 UTC: reload to see it.', 'CONFLICT') },
      readinessFor('role-senior'),
      readinessFor('role-pm'),
    ]);
    const explore = await screen.findByRole('combobox', { name: /Role to explore/ });
    // The plan's own target is pre-chosen: it is already the direction.
    expect(explore).toHaveValue('role-senior');
    expect(screen.getByText('Your plan already aims at Senior PMO Analyst')).toBeInTheDocument();
    await user.selectOptions(explore, 'role-pm');
    await user.type(screen.getByRole('textbox', { name: 'Why I am changing direction' }), 'I want to run projects.');
    await user.click(screen.getByRole('button', { name: 'Choose as my target' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ben Okafor changed this plan');
    expect(screen.getByRole('heading', { level: 1, name: 'My career' })).toBeInTheDocument();
  });

  it('says when nothing is assessed yet and when I have no current role', async () => {
    renderRoute('/my-career', [myCareer({ rated: [], currentRole: null }), careerFramework]);
    expect(await screen.findByRole('heading', { name: 'Nothing assessed yet' })).toBeInTheDocument();
    expect(screen.getByText(/No current role is recorded for you/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Roles closest to me' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Planning & scheduling' })).toHaveAttribute('href', '/my-career/skills/skill-planning');
  });

  it('says when there is no published framework', async () => {
    renderRoute('/my-career', [myCareer({ rated: [], currentRole: null, published: false })]);
    expect(await screen.findByRole('heading', { name: 'No published framework yet' })).toBeInTheDocument();
  });

  it('offers a retry when it cannot load', async () => {
    const { user } = renderRoute('/my-career', [
      { request: { query: MyCareerQuery }, result: apiError('The database is not answering.', 'INTERNAL') },
      myCareer({ rated: [] }),
      careerFramework,
    ]);
    await user.click(await screen.findByRole('button', { name: /Try again|Retry/ }));
    expect(await screen.findByRole('heading', { name: 'Nothing assessed yet' })).toBeInTheDocument();
  });
});


describe('What level am I?', () => {
  const withRule = {
    request: careerFramework.request,
    result: {
      data: {
        framework: {
          __typename: 'Framework',
          id: 'fw-pmo',
          name: 'PMO career framework',
          currentVersion: {
            ...careerVersion,
            skills: careerVersion.skills.map(({ description: _d, levels: _l, ...skill }) => skill),
            levelling: {
              __typename: 'PointsLevellingRule',
              levels: [
                { __typename: 'PointsLevel', minPoints: 0, name: '1.1', subLevels: [] },
                {
                  __typename: 'PointsLevel',
                  minPoints: 5,
                  name: '1.2',
                  subLevels: ['A', 'B', 'C', 'D'].map((name, i) => ({ __typename: 'PointsSubLevel', name, minPoints: 5 + i })),
                },
              ],
            },
          },
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
  const rated = [
    { skillId: 'skill-planning', level: 2 },
    { skillId: 'skill-mentoring', level: 2 },
  ];
  const pointsLevel = {
    request: { query: PointsLevelQuery, variables: { frameworkId: 'fw-pmo', profile: rated } },
    result: {
      data: {
        pointsLevel: {
          __typename: 'PointsLevelResult',
          points: 6,
          level: '1.2',
          subLevel: 'C',
          nextSubLevel: { __typename: 'NextPointsSubLevel', name: 'D', pointsNeeded: 2 },
          titles: ['Analyst'],
          unratedSkills: 1,
          next: { __typename: 'NextPointsLevel', level: '2.1', pointsNeeded: 11 },
          skills: [
            { __typename: 'SkillPointsModel', skillId: 'skill-planning', level: 2, points: 3 },
            { __typename: 'SkillPointsModel', skillId: 'skill-mentoring', level: 2, points: 3 },
          ],
        },
      },
    },
  };
  const closestFor = { ...closest, request: { ...closest.request, variables: { frameworkVersionId: 'v1', profile: rated, limit: 5 } } };

  it('answers from my ratings by the organisation’s rule: the level and sub-level, points per skill on each skill’s own scale, what the next sub-level and level need, and that unrated skills may understate it', async () => {
    const { user } = renderRoute('/my-career', [
      myCareer({ rated: [{ skillKey: 'planning', selfLevel: 2 }, { skillKey: 'mentoring', selfLevel: 2 }] }),
      withRule,
      closestFor,
      pointsLevel,
    ]);
    const section = await screen.findByRole('region', { name: 'What level am I?' });
    expect(await within(section).findByText(/with 6 points/)).toHaveTextContent('Level 1.2 · C with 6 points');
    expect(within(section).getByText('Analyst')).toBeInTheDocument();
    const ladder = within(section).getByRole('list', { name: 'Sub-levels of Level 1.2' });
    expect(within(ladder).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['A from 5', 'B from 6', 'C from 7 (you are here)', 'D from 8']);
    expect(within(section).getByText(/2 more points to reach Level 1\.2 · D; 11 more points to reach Level 2\.1\./)).toBeInTheDocument();
    expect(within(section).getByText('This may understate your level')).toBeInTheDocument();
    expect(section).toHaveTextContent('1 of 3 skills are not rated yet');
    // On a phone the points per skill wait behind a button.
    expect(within(section).queryByRole('table', { name: 'Points per skill' })).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Show the points per skill (2)' }));
    expect(within(section).getByRole('button', { name: 'Hide the points per skill' })).toHaveAttribute('aria-expanded', 'true');
    const rows = within(within(section).getByRole('table', { name: 'Points per skill' })).getAllByRole('row').slice(1);
    // Coaching & mentoring is on its own scale: level 2 is "Coaching" there, not the framework's "Practised".
    expect(rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent))).toEqual([
      ['Planning & scheduling', 'Level 2 · Practised', '3'],
      ['Coaching & mentoring', 'Level 2 · Coaching', '3'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getByRole('button', { name: /^People/ })).toHaveTextContent('People1 skill, none expected by PMO Analyst');
    const people = await screen.findByRole('table', { name: 'My skills against the roles: People' });
    expect(within(within(people).getByRole('row', { name: /Coaching & mentoring/ })).getAllByRole('cell')[0]).toHaveTextContent('Level 2 · Coaching');
  });

  it('is not shown when the framework has no points rule', async () => {
    renderRoute('/my-career', [myCareer({ rated: [{ skillKey: 'planning', selfLevel: 2 }] }), careerFramework, closest]);
    await screen.findByRole('list', { name: 'Roles closest to me' });
    expect(screen.queryByRole('region', { name: 'What level am I?' })).not.toBeInTheDocument();
  });
});

describe('My skills against the roles, by category', () => {
  const both = [
    { skillId: 'skill-planning', level: 2 },
    { skillId: 'skill-mentoring', level: 2 },
  ];
  const closestBoth = { ...closest, request: { ...closest.request, variables: { frameworkVersionId: 'v1', profile: both, limit: 5 } } };
  const rated = () => myCareer({ rated: [{ skillKey: 'planning', selfLevel: 2 }, { skillKey: 'mentoring', selfLevel: 2 }] });
  const matchMedia = window.matchMedia;
  afterEach(() => {
    window.matchMedia = matchMedia;
  });

  it('on a wide screen opens the categories with gaps and leaves the others closed; expand all and collapse all', async () => {
    window.matchMedia = (query: string) => ({ ...matchMedia(query), matches: query === '(min-width: 62em)' });
    const { user } = renderRoute('/my-career', [rated(), careerFramework, closestBoth]);
    const delivery = await screen.findByRole('button', { name: /^Delivery/ });
    const people = screen.getByRole('button', { name: /^People/ });
    expect(delivery).toHaveAttribute('aria-expanded', 'true');
    expect(people).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('table', { name: 'My skills against the roles: Delivery' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'My skills against the roles: People' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(people).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByRole('table', { name: 'My skills against the roles: People' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(delivery).toHaveAttribute('aria-expanded', 'false');
    expect(people).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => expect(screen.queryByRole('table', { name: /My skills against the roles/ })).not.toBeInTheDocument());
  });

  it('on a wide screen shows the comparison and the route at once, with a button to hide them', async () => {
    window.matchMedia = (query: string) => ({ ...matchMedia(query), matches: query === '(min-width: 62em)' });
    const { user } = renderRoute('/my-career', [myCareer({ rated: [{ skillKey: 'planning', selfLevel: 2 }] }), careerFramework, closest, comparison, route, readinessFor('role-pm')]);
    await user.selectOptions(await screen.findByRole('combobox', { name: /Role to explore/ }), 'role-pm');
    expect(await screen.findByRole('table', { name: 'From PMO Analyst to Project Manager' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hide the comparison and route' }));
    expect(screen.queryByRole('table', { name: 'From PMO Analyst to Project Manager' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show the comparison and route' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('on a phone starts with every category closed, and a category opens from the keyboard', async () => {
    const { user } = renderRoute('/my-career', [rated(), careerFramework, closestBoth]);
    const people = await screen.findByRole('button', { name: /^People/ });
    expect(screen.getByRole('button', { name: /^Delivery/ })).toHaveAttribute('aria-expanded', 'false');
    expect(people).toHaveAttribute('aria-expanded', 'false');
    people.focus();
    await user.keyboard('{Enter}');
    expect(people).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByRole('table', { name: 'My skills against the roles: People' })).toBeInTheDocument();
  });
});
