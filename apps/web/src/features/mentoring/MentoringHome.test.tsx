import { screen } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { MyMentorshipsQuery } from './mentoringOperations';
import { MentoringLandingQuery } from './MentoringHome';

const landing = (profile: boolean, parts: string[]) => ({
  request: { query: MentoringLandingQuery },
  result: {
    data: {
      myMentorProfile: profile ? { __typename: 'MentorProfile' as const, id: 'profile-1' } : null,
      myMentorships: parts.map((myPart, i) => ({ __typename: 'Mentorship' as const, id: `m-${i}`, myPart })),
    },
  },
});
const noMentorships = { request: { query: MyMentorshipsQuery }, result: { data: { myMentorships: [] } } };

describe('Mentoring landing', () => {
  it('opens on My mentees for someone who offers to mentor', async () => {
    renderRoute('/mentoring', [landing(true, []), noMentorships]);
    expect(await screen.findByRole('heading', { name: 'My mentees', level: 1 }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('opens on My mentees for someone with mentees but no profile', async () => {
    renderRoute('/mentoring', [landing(false, ['mentee', 'mentor']), noMentorships]);
    expect(await screen.findByRole('heading', { name: 'My mentees', level: 1 }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('opens on My mentors for everyone else', async () => {
    renderRoute('/mentoring', [landing(false, ['mentee']), noMentorships]);
    expect(await screen.findByRole('heading', { name: 'My mentors', level: 1 }, { timeout: 5000 })).toBeInTheDocument();
  });
});
