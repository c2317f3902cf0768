import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { MentorshipList } from './MentorshipList';
import { MyMentorshipsQuery } from './mentoringOperations';

/** People I mentor: requests waiting for my answer first, then current mentees, then past ones. */
export function MyMenteesPage() {
  const { data, error, refetch } = useQuery(MyMentorshipsQuery);
  let body;
  if (error && !data) body = <ErrorState title="Could not load your mentees" error={error} onRetry={refetch} />;
  else if (!data) body = <LoadingState label="Loading your mentees" rowHeight={72} />;
  else {
    const mine = data.myMentorships.filter((m) => m.myPart === 'mentor');
    const groups = [
      { title: 'Waiting for your answer', items: mine.filter((m) => m.status === 'requested') },
      { title: 'Current mentees', items: mine.filter((m) => m.status === 'active' || m.status === 'paused') },
      { title: 'Earlier', items: mine.filter((m) => m.status === 'ended') },
    ].filter((g) => g.items.length > 0);
    body =
      groups.length === 0 ? (
        <Empty
          title="No mentees yet"
          description="Offer to mentor and people whose plans need your skills will find you."
          action={
            <Button component={Link} to="/mentoring/profile">
              Offer to mentor
            </Button>
          }
        />
      ) : (
        <Stack gap="lg">
          {groups.map((g) => (
            <Stack key={g.title} gap="sm">
              <Title order={2}>{g.title}</Title>
              <MentorshipList mentorships={g.items} side="mentee" />
            </Stack>
          ))}
        </Stack>
      );
  }
  return (
    <Stack gap="lg">
      <title>My mentees · Trellis</title>
      <Stack gap={4}>
        <Title order={1}>My mentees</Title>
        <Text c="dimmed">You see only what each mentee chooses to share with you.</Text>
      </Stack>
      {body}
    </Stack>
  );
}
