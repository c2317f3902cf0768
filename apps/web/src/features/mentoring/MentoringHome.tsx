import { useQuery } from '@apollo/client/react';
import { Navigate } from 'react-router';
import { LoadingState } from '../../components/QueryStates';
import { graphql } from '../../gql';

export const MentoringLandingQuery = graphql(`
  query MentoringLanding {
    myMentorProfile {
      id
    }
    myMentorships {
      id
      myPart
    }
  }
`);

/** "Mentoring" opens on My mentees for someone who mentors (an offer to mentor, or mentees), else on My mentors. */
export function MentoringHome() {
  const { data, error } = useQuery(MentoringLandingQuery);
  if (!data && !error) return <LoadingState label="Opening mentoring" lines={2} />;
  const mentors = Boolean(data?.myMentorProfile) || Boolean(data?.myMentorships.some((m) => m.myPart === 'mentor'));
  // On an error, My mentors (it shows the error itself if the API is still unreachable).
  return <Navigate to={mentors ? '/mentoring/mentees' : '/mentoring/mentors'} replace />;
}
