import { Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { MentorshipList } from './MentorshipList';
import { MyMentorshipsQuery } from './mentoringOperations';

/** The mentors I have (and asked for, and had): several at once; ended ones stay as history. */
export function MyMentorsPage() {
  const { data, error, refetch } = useQuery(MyMentorshipsQuery);
  let body;
  if (error && !data) body = <ErrorState title="Could not load your mentors" error={error} onRetry={refetch} />;
  else if (!data) body = <LoadingState label="Loading your mentors" rowHeight={72} />;
  else {
    const mine = data.myMentorships.filter((m) => m.myPart === 'mentee');
    const open = mine.filter((m) => m.status !== 'ended');
    const past = mine.filter((m) => m.status === 'ended');
    body =
      mine.length === 0 ? (
        <Empty
          title="No mentors yet"
          description="A mentor who has the skills your plan needs can help you grow them. Find one from your plan's gaps."
          action={
            <Button component={Link} to="/mentoring/find">
              Find a mentor
            </Button>
          }
        />
      ) : (
        <Stack gap="lg">
          <Stack gap="sm">
            <Title order={2}>Now</Title>
            {open.length === 0 ? <Text size="sm">No current mentors.</Text> : <MentorshipList mentorships={open} side="mentor" />}
          </Stack>
          {past.length > 0 ? (
            <Stack gap="sm">
              <Title order={2}>Earlier</Title>
              <MentorshipList mentorships={past} side="mentor" />
            </Stack>
          ) : null}
        </Stack>
      );
  }
  return (
    <Stack gap="lg">
      <title>My mentors · Trellis</title>
      <Stack gap={4}>
        <Title order={1}>My mentors</Title>
        <Text c="dimmed">You choose, for each mentor, what they see of your plan and assessments.</Text>
      </Stack>
      {body}
    </Stack>
  );
}
