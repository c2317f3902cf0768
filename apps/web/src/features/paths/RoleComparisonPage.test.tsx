import { screen, within } from '@testing-library/react';
import { pmoFramework } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { PMO_LEVELS, scaleOnly } from '../../components/levels/fixtures';
import { apiError } from '../../test/session';
import { FrameworkBrowserQuery } from '../frameworks/FrameworkPage';
import { RoleComparisonQuery } from './RoleComparisonPage';

const framework = { request: { query: FrameworkBrowserQuery, variables: { id: 'fw-pmo' } }, result: { data: { framework: pmoFramework } } };
const role = (id: string, title: string) => ({ __typename: 'Role' as const, id, title });
// Coaching & mentoring is on a scale of its own (three levels, its own names): its levels are named on it.
const skill = (id: string, name: string) => ({ __typename: 'Skill' as const, id, name, ...scaleOnly(name.startsWith('Coaching') ? ['Learning', 'Coaching', 'Leading'] : PMO_LEVELS) });

const analystToSenior = {
  request: { query: RoleComparisonQuery, variables: { fromRoleId: 'role-pmo-analyst', toRoleId: 'role-senior-pmo-analyst' } },
  result: {
    data: {
      roleComparison: {
        __typename: 'RoleComparison',
        from: role('role-pmo-analyst', 'PMO Analyst'),
        to: role('role-senior-pmo-analyst', 'Senior PMO Analyst'),
        changes: [
          {
            __typename: 'SkillExpectationChange',
            skill: skill('skill-reporting', 'Status reporting'),
            fromLevel: 3,
            toLevel: 4,
            difference: 1,
            fromDescriptor: 'Owns a reporting cycle end to end.',
            toDescriptor: 'Designs reporting for a portfolio.',
          },
          {
            __typename: 'SkillExpectationChange',
            skill: skill('skill-mentoring', 'Coaching & mentoring'),
            fromLevel: 0,
            toLevel: 2,
            difference: 2,
            fromDescriptor: null,
            toDescriptor: 'Mentors new analysts.',
          },
          {
            __typename: 'SkillExpectationChange',
            skill: skill('skill-tools', 'PPM tools'),
            fromLevel: 3,
            toLevel: 2,
            difference: -1,
            fromDescriptor: 'Configures the PPM tool.',
            toDescriptor: 'Uses the PPM tool fluently.',
          },
        ],
      },
    },
  },
};

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent));

describe('Compare roles page', () => {
  it('lists each differing skill with both levels, both descriptors and the change', async () => {
    renderRoute('/frameworks/fw-pmo/compare?from=role-pmo-analyst&to=role-senior-pmo-analyst', [framework, analystToSenior]);

    const table = await screen.findByRole('table', { name: 'From PMO Analyst to Senior PMO Analyst' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Skill', 'PMO Analyst', 'Senior PMO Analyst', 'Change']);
    expect(rowsOf(table)).toEqual([
      ['Status reporting', 'Level 3 · CompetentOwns a reporting cycle end to end.', 'Level 4 · ProficientDesigns reporting for a portfolio.', '+1 (1 level up)'],
      ['Coaching & mentoring', 'Not expected', 'Level 2 · CoachingMentors new analysts.', '+2 (2 levels up)'],
      ['PPM tools', 'Level 3 · CompetentConfigures the PPM tool.', 'Level 2 · PractisedUses the PPM tool fluently.', '−1 (1 level down)'],
    ]);
    expect(screen.getByText(/3 skills differ\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'PMO career framework' })).toHaveAttribute('href', '/frameworks/fw-pmo');
  });

  it('asks for two roles, then compares the ones picked with the keyboard-operable selects', async () => {
    const { user, router } = renderRoute('/frameworks/fw-pmo/compare?from=role-pmo-analyst', [framework, analystToSenior]);

    expect(await screen.findByRole('heading', { name: 'Choose two roles' })).toBeInTheDocument();
    const from = screen.getByRole('combobox', { name: 'Compare from' });
    expect(from).toHaveDisplayValue('PMO Analyst');
    const to = screen.getByRole('combobox', { name: 'Compare to' });
    // Roles are grouped by track.
    expect(within(to).getByRole('group', { name: 'Project delivery track' })).toBeInTheDocument();

    await user.selectOptions(to, 'Senior PMO Analyst');
    expect(await screen.findByRole('table', { name: 'From PMO Analyst to Senior PMO Analyst' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?from=role-pmo-analyst&to=role-senior-pmo-analyst');
  });

  it('says when two roles expect the same, and when the same role is chosen twice', async () => {
    renderRoute('/frameworks/fw-pmo/compare?from=role-pmo-manager&to=role-pmo-manager', [
      framework,
      {
        request: { query: RoleComparisonQuery, variables: { fromRoleId: 'role-pmo-manager', toRoleId: 'role-pmo-manager' } },
        result: {
          data: {
            roleComparison: {
              __typename: 'RoleComparison',
              from: role('role-pmo-manager', 'PMO Manager'),
              to: role('role-pmo-manager', 'PMO Manager'),
              changes: [],
            },
          },
        },
      },
    ]);

    expect(await screen.findByRole('heading', { name: 'No differences' })).toBeInTheDocument();
    expect(screen.getByText('You chose the same role twice.')).toBeInTheDocument();
  });

  it('shows the API refusal, with a retry', async () => {
    renderRoute('/frameworks/fw-pmo/compare?from=role-pmo-analyst&to=role-senior-pmo-analyst', [
      framework,
      {
        request: analystToSenior.request,
        result: apiError('PMO Analyst and Senior PMO Analyst belong to different framework versions (3 and 2): choose two roles of the same version.', 'BAD_USER_INPUT'),
      },
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not compare these roles');
    expect(alert).toHaveTextContent(/different framework versions/);
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('says when the published version has no roles to compare', async () => {
    const version = pmoFramework.currentVersion!;
    const empty = { ...pmoFramework, currentVersion: { ...version, tracks: version.tracks.map((track) => ({ ...track, roles: [] })), transitions: [] } };
    renderRoute('/frameworks/fw-pmo/compare', [{ request: framework.request, result: { data: { framework: empty } } }]);

    expect(await screen.findByRole('heading', { name: 'No roles yet' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Compare from' })).not.toBeInTheDocument();
  });
});
