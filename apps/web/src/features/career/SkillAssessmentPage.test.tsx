import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { apiError } from '../../test/session';
import { careerFrameworkWithSkillDetails as careerFramework, myCareer } from '../../test/career';
import { RecordMyAssessmentMutation } from './careerData';

const history = [
  { id: 'a1', skillKey: 'risk', level: 1, source: 'SELF' as const, assessedAt: '2026-03-02T10:00:00.000Z' },
  { id: 'a2', skillKey: 'risk', level: 3, source: 'MANAGER' as const, assessedAt: '2026-04-10T10:00:00.000Z', assessedBy: { id: 'p-ben', name: 'Ben Okafor' } },
  { id: 'a3', skillKey: 'planning', level: 2, source: 'SELF' as const, assessedAt: '2026-04-11T10:00:00.000Z' },
  {
    id: 'a4',
    skillKey: 'risk',
    level: 2,
    source: 'SELF' as const,
    assessedAt: '2026-05-20T10:00:00.000Z',
    evidenceNote: 'Ran the risk workshop.',
    evidenceUrl: 'https://wiki.example/risk-workshop',
  },
];
const rated = [{ skillKey: 'risk', selfLevel: 2, managerLevel: 3 }, { skillKey: 'planning', selfLevel: 2 }];

describe('A skill’s assessment page', () => {
  it('shows each level’s descriptor, my rating beside my manager’s, and the dated history of this skill only', async () => {
    renderRoute('/my-career/skills/skill-risk', [myCareer({ rated, history }), careerFramework]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Risk management' })).toBeInTheDocument();
    const radios = within(screen.getByRole('radiogroup', { name: 'My level' })).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    expect(screen.getByRole('radio', { name: '4 · Proficient' })).toHaveAccessibleDescription('Risk management at proficient: descriptor 4.');
    // My current rating is the starting choice.
    expect(screen.getByRole('radio', { name: '2 · Practised' })).toBeChecked();

    expect(screen.getByText('My latest rating').nextSibling).toHaveTextContent('Level 2 · Practised');
    expect(screen.getByText('My manager’s latest rating').nextSibling).toHaveTextContent('Level 3 · Competent');
    expect(screen.getByText('1 above mine')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Ratings of Risk management' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Newest first; the planning rating is another skill's.
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]!.textContent)).toEqual(['Level 2 · Practised', 'Level 3 · Competent', 'Level 1 · Aware']);
    expect(within(rows[1]!).getByText('Ben Okafor (manager)')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('link', { name: 'https://wiki.example/risk-workshop' })).toHaveAttribute('href', 'https://wiki.example/risk-workshop');
    expect(await screen.findByRole('img', { name: /Step chart of Risk management ratings/ })).toBeInTheDocument();
  });

  it('records a rating with its evidence, and keeps the form with why when it fails', async () => {
    const input = { skillId: 'skill-planning', level: 3, evidenceNote: 'Rebuilt the portfolio schedule.', evidenceUrl: 'https://wiki.example/schedule' };
    const { user } = renderRoute('/my-career/skills/skill-planning', [
      myCareer({ rated: [] }),
      careerFramework,
      { request: { query: RecordMyAssessmentMutation, variables: { input } }, result: apiError('The level must be on the framework’s scale.', 'BAD_USER_INPUT') },
      { request: { query: RecordMyAssessmentMutation, variables: { input } }, result: { data: { recordAssessment: { __typename: 'Assessment', id: 'a9', level: 3, assessedAt: '2026-06-01T09:00:00.000Z' } } } },
      myCareer({ rated: [{ skillKey: 'planning', selfLevel: 3 }], history: [{ id: 'a9', skillKey: 'planning', level: 3, source: 'SELF', assessedAt: '2026-06-01T09:00:00.000Z', evidenceNote: input.evidenceNote, evidenceUrl: input.evidenceUrl }] }),
    ]);
    expect(await screen.findByRole('heading', { name: 'No ratings yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save my rating' }));
    expect(screen.getByText('Choose the level that describes you best.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: '3 · Competent' }));
    await user.type(screen.getByRole('textbox', { name: /Evidence \(optional\)/ }), input.evidenceNote);
    await user.type(screen.getByRole('textbox', { name: /Evidence link/ }), input.evidenceUrl);
    await user.click(screen.getByRole('button', { name: 'Save my rating' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The level must be on the framework’s scale.');
    expect(screen.getByRole('textbox', { name: /Evidence \(optional\)/ })).toHaveValue(input.evidenceNote);

    await user.click(screen.getByRole('button', { name: 'Save my rating' }));
    expect(await screen.findByText('Rated Planning & scheduling at level 3.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Ratings of Planning & scheduling' });
    expect(within(table).getByText(input.evidenceNote)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Evidence \(optional\)/ })).toHaveValue('');
  });

  it('says so when the skill is not in the published framework', async () => {
    renderRoute('/my-career/skills/skill-gone', [myCareer({ rated: [] }), careerFramework]);
    expect(await screen.findByRole('heading', { name: 'Skill not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to my career' })).toHaveAttribute('href', '/my-career');
  });
});
