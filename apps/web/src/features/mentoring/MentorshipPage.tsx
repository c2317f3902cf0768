import { Alert, Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState, NotFoundState } from '../../components/QueryStates';
import { isNotFoundError } from '../../lib/errors';
import { MentorshipComments } from './MentorshipComments';
import { MentorshipMoves } from './MentorshipMoves';
import { MentorshipSessions } from './MentorshipSessions';
import { FizzleFlag } from './FizzleFlag';
import { MentorshipSharing } from './MentorshipSharing';
import { MentorAssessments } from './MentorAssessments';
import { STATUS_COLOURS, STATUS_LABELS, endReasonLabel } from './labels';
import { MentorshipQuery, SharedAssessmentsQuery } from './mentoringOperations';
import { usePublishedSkills } from './skills';

/** One mentorship: the people, the moves, what the mentee shares, sessions, comments, mentor assessments. */
export function MentorshipPage() {
  const { mentorshipId = '' } = useParams();
  const { data, error, refetch } = useQuery(MentorshipQuery, { variables: { id: mentorshipId } });
  const { nameOf } = usePublishedSkills();
  if (error && !data) {
    if (isNotFoundError(error)) return <NotFoundState title="Mentorship not found" message="It may belong to another organisation, or the link is wrong." backTo="/mentoring/mentors" backLabel="Back to my mentors" />;
    return <ErrorState title="Could not load this mentorship" error={error} onRetry={refetch} />;
  }
  if (!data) return <LoadingState label="Loading the mentorship" />;
  const m = data.mentorship;
  const other = m.myPart === 'mentee' ? m.mentor : m.mentee;
  const open = m.status === 'active' || m.status === 'paused';
  const names = new Map([
    [m.mentee?.id ?? '', m.mentee?.name ?? 'Mentee'],
    [m.mentor?.id ?? '', m.mentor?.name ?? 'Mentor'],
  ]);
  return (
    <Stack gap="lg">
      <title>{`Mentorship with ${other?.name ?? 'someone'} · Trellis`}</title>
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Title order={1}>{m.myPart === 'mentee' ? `Mentored by ${m.mentor?.name ?? 'someone'}` : m.myPart === 'mentor' ? `Mentoring ${m.mentee?.name ?? 'someone'}` : `${m.mentee?.name} with ${m.mentor?.name}`}</Title>
          <Badge color={STATUS_COLOURS[m.status] ?? 'gray'} variant="light">
            {m.status === 'ended' && m.declineReason ? 'Declined' : (STATUS_LABELS[m.status] ?? m.status)}
          </Badge>
        </Group>
        <Text size="sm">Focus: {m.focusSkillKeys.map(nameOf).join(', ')}</Text>
        {m.endsOn ? <Text size="sm">Planned to end on {m.endsOn}</Text> : null}
        {m.message ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            “{m.message}”
          </Text>
        ) : null}
        {m.declineMessage ? (
          <Alert variant="light" color="blue" title="Not this time">
            {m.declineMessage}{' '}
            <Anchor component={Link} to="/mentoring/find">
              See other mentors
            </Anchor>
          </Alert>
        ) : null}
        {m.status === 'ended' && !m.declineReason ? <Text size="sm">Ended{m.endReason ? `: ${endReasonLabel(m.endReason)}` : ''}. Its sessions and comments stay here.</Text> : null}
      </Stack>
      <FizzleFlag rhythm={m.rhythm} canLog={m.myPart !== 'other'} />
      <MentorshipMoves mentorship={m} />
      {m.myPart === 'mentee' && open ? <MentorshipSharing mentorship={m} /> : null}
      {m.myPart === 'mentor' && open && m.sharing.plan && m.mentee ? (
        <Anchor component={Link} to={`/my-team/${m.mentee.id}`}>
          Open {m.mentee.name}’s shared plan
        </Anchor>
      ) : null}
      {m.myPart === 'mentor' && open ? <SharedData mentorshipId={m.id} menteeName={m.mentee?.name ?? 'Your mentee'} /> : null}
      {m.myPart !== 'other' ? <MentorshipSessions mentorship={m} sessions={m.sessions} names={names} /> : null}
      {m.myPart !== 'other' ? <MentorshipComments mentorship={m} comments={m.comments} names={names} /> : null}
      {m.myPart !== 'other' ? <MentorAssessments mentorship={m} assessments={m.mentorAssessments} /> : null}
    </Stack>
  );
}

/** What the mentee shares with me (a mentor): assessments now; the plan through the plans page once its policy asks mentoring. */
function SharedData({ mentorshipId, menteeName }: { mentorshipId: string; menteeName: string }) {
  const { data, error, refetch } = useQuery(SharedAssessmentsQuery, { variables: { id: mentorshipId }, fetchPolicy: 'network-only' });
  const { levelOf } = usePublishedSkills();
  let body;
  if (error && !data) body = <ErrorState title="Could not load what is shared" error={error} onRetry={refetch} />;
  else if (!data) body = <LoadingState label="Loading what is shared" lines={2} />;
  else if (!data.mentorship.sharedAssessments) body = <Text size="sm">{menteeName} has not shared their assessments with you.</Text>;
  else
    body = (
      <Stack gap="xs">
      <Text size="xs" c="dimmed">
        Readiness uses their own and their manager’s ratings (the more recent one); mentors’ ratings are a third view.
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table striped aria-label={`${menteeName}’s skill ratings`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Skill</Table.Th>
              <Table.Th>Self</Table.Th>
              <Table.Th>Manager</Table.Th>
              <Table.Th>Mentor</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.mentorship.sharedAssessments.current.map((row) => (
              <Table.Tr key={row.skillKey}>
                <Table.Td>{row.skillName}</Table.Td>
                <Table.Td>{levelOf(row.skillKey, row.selfLevel)}</Table.Td>
                <Table.Td>{levelOf(row.skillKey, row.managerLevel)}</Table.Td>
                <Table.Td>
                  {data.mentorship.sharedAssessments!.mentorRatings
                    .filter((r) => r.skillKey === row.skillKey)
                    .map((r) => `Mentor (${r.mentorName}): ${levelOf(r.skillKey, r.level)}`)
                    .join('; ') || '–'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      </Stack>
    );
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h3">
          What {menteeName} shares with you
        </Title>
        <Text size="xs" c="dimmed">
          {menteeName} chooses this and can see each time you look.
        </Text>
        {body}
      </Stack>
    </Card>
  );
}
