import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { MentorshipFieldsFragment } from '../../gql/graphql';
import { FizzleFlag, rhythmSummary } from './FizzleFlag';
import { STATUS_COLOURS, STATUS_LABELS, endReasonLabel } from './labels';

/** Mentorships as cards: the other person, the status, and what happened (a decline's kind reason). */
export function MentorshipList({ mentorships, side }: { mentorships: readonly MentorshipFieldsFragment[]; side: 'mentor' | 'mentee' }) {
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {mentorships.map((m) => {
        const other = side === 'mentor' ? m.mentor : m.mentee;
        return (
          <Card key={m.id} component="li" withBorder padding="md">
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Anchor component={Link} to={`/mentoring/${m.id}`} fw={600}>
                  {other?.name ?? 'Someone'}
                </Anchor>
                <Badge color={STATUS_COLOURS[m.status] ?? 'gray'} variant="light">
                  {m.status === 'ended' && m.declineReason ? 'Declined' : (STATUS_LABELS[m.status] ?? m.status)}
                </Badge>
              </Group>
              {other?.jobTitle ? (
                <Text size="sm" c="dimmed">
                  {other.jobTitle}
                </Text>
              ) : null}
              {m.status === 'active' || m.status === 'paused' ? (
                rhythmSummary(m.rhythm) ? (
                  <Text size="sm" c="dimmed">
                    {rhythmSummary(m.rhythm)}
                  </Text>
                ) : null
              ) : null}
              <FizzleFlag rhythm={m.rhythm} compact />
              {m.declineMessage ? <Text size="sm">{m.declineMessage}</Text> : null}
              {m.status === 'ended' && !m.declineReason && m.endReason ? <Text size="sm">Ended: {endReasonLabel(m.endReason)}</Text> : null}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
