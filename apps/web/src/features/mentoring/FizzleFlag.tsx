import { Alert, Badge, Text } from '@mantine/core';
import type { MentorshipFieldsFragment } from '../../gql/graphql';

type Rhythm = MentorshipFieldsFragment['rhythm'];

/**
 * The flag on a pair that has gone quiet ("No session for 7 weeks"), with what to do about it:
 * `compact` on the lists, a full notice on the mentorship's page. Nothing when it is not fizzling.
 */
export function FizzleFlag({ rhythm, compact = false, canLog = true }: { rhythm: Rhythm | null | undefined; compact?: boolean; canLog?: boolean }) {
  if (!rhythm?.fizzling || !rhythm.message) return null;
  const suggestion = canLog ? 'Log the last session you held, or agree when you will meet next.' : 'The pair may need a nudge to meet again.';
  if (compact) {
    return (
      <Text size="sm">
        <Badge color="orange" variant="light" mr={6} style={{ textTransform: 'none' }}>
          {rhythm.message}
        </Badge>
        {suggestion}
      </Text>
    );
  }
  return (
    <Alert variant="light" color="orange" title={rhythm.message}>
      {canLog ? 'Pairs that keep meeting get the most from mentoring. Log the last session you held under Sessions below, or agree when you will meet next.' : suggestion}
    </Alert>
  );
}

/** "3 sessions · last on 2026-10-02" for an open relationship; null before the first. */
export function rhythmSummary(rhythm: Rhythm | null | undefined): string | null {
  if (!rhythm || rhythm.sessions === 0) return null;
  return `${rhythm.sessions} ${rhythm.sessions === 1 ? 'session' : 'sessions'}${rhythm.lastSessionOn ? ` · last on ${rhythm.lastSessionOn}` : ''}`;
}
