import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { FT_LEVELS, PMO_LEVELS, scaleFields } from '../../components/levels/fixtures';
import { FindMentorsQuery, MyMentorshipsQuery, RequestMentorMutation } from './mentoringOperations';
import { PublishedSkillsQuery } from './skills';

const skillsMock = {
  request: { query: PublishedSkillsQuery },
  result: {
    data: {
      frameworks: [
        {
          __typename: 'Framework' as const,
          id: 'f-1',
          currentVersion: {
            __typename: 'FrameworkVersion' as const,
            id: 'v-1',
            skills: [
              { __typename: 'Skill' as const, id: 'skill-risk', key: 'risk-management', name: 'Risk & opportunity management', ...scaleFields(PMO_LEVELS) },
              { __typename: 'Skill' as const, id: 'skill-stakeholders', key: 'stakeholder-engagement', name: 'Stakeholder engagement', ...scaleFields(FT_LEVELS) },
            ],
          },
        },
      ],
    },
  },
  maxUsageCount: 10,
};

const GRACE_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const meeting = { __typename: 'MeetingPreferences' as const, modes: ['video'], frequency: 'monthly', note: '' };
const search = (suggestions: unknown[], focusSource = 'plan') => ({
  request: { query: FindMentorsQuery, variables: { input: { includeReportingLine: false } } },
  result: {
    data: {
      findMentors: {
        __typename: 'MentorSearch' as const,
        focusSource,
        excludedCount: 1,
        uncoveredSkillKeys: [],
        focusSkills:
          focusSource === 'none'
            ? []
            : [
                { __typename: 'MentorFocusSkill' as const, skillKey: 'risk-management', skillName: 'Risk & opportunity management', currentLevel: 2, neededLevel: 3 },
                { __typename: 'MentorFocusSkill' as const, skillKey: 'stakeholder-engagement', skillName: 'Stakeholder engagement', currentLevel: 3, neededLevel: 4 },
              ],
        suggestions,
      },
    },
  },
  maxUsageCount: 10,
});
const grace = {
  __typename: 'MentorSuggestion' as const,
  mentorId: GRACE_ID,
  mentorName: 'Grace Liu',
  teamName: 'Projects',
  about: 'Happy to help.',
  score: 110,
  coverage: 100,
  crossTeamBonus: 10,
  team: 'other',
  freePlaces: 2,
  explanation: 'Risk & opportunity management: 4, you need 3; Stakeholder engagement: 5, you need 4',
  meeting,
  skills: [
    { __typename: 'MentorSkillMatch' as const, skillKey: 'risk-management', coverage: 'full', explanation: 'Risk & opportunity management: 4, you need 3' },
    { __typename: 'MentorSkillMatch' as const, skillKey: 'stakeholder-engagement', coverage: 'full', explanation: 'Stakeholder engagement: 5, you need 4' },
  ],
};

const person = (id: string, name: string) => ({ __typename: 'Person' as const, id, name, jobTitle: null });
const requested = {
  __typename: 'Mentorship' as const,
  id: 'm-1',
  status: 'requested',
  version: 1,
  focusSkillKeys: ['risk-management', 'stakeholder-engagement'],
  message: 'Could you help me with risk?',
  endsOn: null,
  requestedAt: '2026-06-01T10:00:00.000Z',
  activeSince: null,
  endedAt: null,
  endReason: null,
  declineReason: null,
  declineMessage: null,
  moveNote: null,
  myPart: 'mentee',
  availableMoves: ['withdraw'],
  programmeId: null,
  sharing: { __typename: 'MentorshipSharing' as const, plan: false, planComments: false, assessments: false, checkIns: false, evidence: false },
  mentee: person('p-dan', 'Dan Okafor'),
  mentor: person(GRACE_ID, 'Grace Liu'),
};

describe('find a mentor', () => {
  it('ranks mentors for my plan’s gaps, each with the explanation of its score', async () => {
    renderRoute('/mentoring/find', [skillsMock, search([grace])]);
    const list = await screen.findByRole('list', { name: 'Suggested mentors' });
    const card = within(list).getAllByRole('listitem')[0]!;
    expect(within(card).getByText('Another team: Projects')).toBeInTheDocument();
    expect(within(within(card).getByRole('list', { name: 'Why Grace Liu' })).getAllByRole('listitem').map((i) => i.textContent)).toEqual([
      'Risk & opportunity management: 4, you need 3',
      'Stakeholder engagement: 5, you need 4',
    ]);
    expect(screen.getByText(/From your plan’s gaps: Risk & opportunity management \(you need 3 · Competent\)/)).toBeInTheDocument();
  });

  it('checks the request with the domain schema before sending, then sends it', async () => {
    const sent = {
      request: {
        query: RequestMentorMutation,
        variables: { input: { mentorId: GRACE_ID, message: 'Could you help me with risk?', focusSkillKeys: ['risk-management', 'stakeholder-engagement'], endsOn: null } },
      },
      result: { data: { requestMentor: requested } },
    };
    const { user } = renderRoute('/mentoring/find', [skillsMock, search([grace]), sent, { request: { query: MyMentorshipsQuery }, result: { data: { myMentorships: [] } } }, search([grace])]);
    await user.click(await screen.findByRole('button', { name: 'Ask Grace Liu to mentor you' }));
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('must not be empty')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Could you help me with risk?');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('Request sent to Grace Liu. You will be told when they answer.')).toBeInTheDocument();
  });

  it('says what to do when there is nothing to match on', async () => {
    renderRoute('/mentoring/find', [skillsMock, search([], 'none')]);
    expect(await screen.findByRole('heading', { name: 'Nothing to match on yet' })).toBeInTheDocument();
  });
});

describe('my mentors', () => {
  it('invites me to find a mentor when I have none', async () => {
    renderRoute('/mentoring/mentors', [{ request: { query: MyMentorshipsQuery }, result: { data: { myMentorships: [] } } }]);
    expect(await screen.findByRole('heading', { name: 'No mentors yet' })).toBeInTheDocument();
    // The Mentoring navigation's link, and the empty state's own.
    const links = screen.getAllByRole('link', { name: 'Find a mentor' });
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toHaveAttribute('href', '/mentoring/find');
  });
});
