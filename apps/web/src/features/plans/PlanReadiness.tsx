import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { ReadinessFieldsFragment } from '../../gql/graphql';
import { forecastText, percent } from './planLabels';

/** What PlanReadiness shows: My plan and My career's chosen role both ask for it with this fragment. */
export const ReadinessFields = graphql(`
  fragment ReadinessFields on Readiness {
    shareMet
    totalShortfall
    assumption
    coverage {
      expected
      rated
      assumed
      unknown
    }
    skills {
      skillKey
      requiredLevel
    }
    forecast {
      kind
      reason
      monthsToReady
      levelsGained
      historyMonths
    }
  }
`);

/**
 * Readiness for the target, honestly: the share met of what is known, how much of the role is rated,
 * assumed from the current role or unknown (not counted), and a forecast that follows the ratings.
 */
export function PlanReadiness({ readiness }: { readiness: ReadinessFieldsFragment }) {
  const { coverage } = readiness;
  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Title order={3}>Readiness</Title>
        <Progress value={readiness.shareMet * 100} aria-label="Known expectations met" />
        <Text size="sm">
          {percent(readiness.shareMet)} of what is known of the role’s expectations met; {readiness.totalShortfall} {readiness.totalShortfall === 1 ? 'level' : 'levels'} to go on what is known.{' '}
          {forecastText(readiness.forecast)}
        </Text>
        <Group gap="xs" aria-label="What readiness rests on">
          <Badge variant="light" color="teal">
            {coverage.rated} rated
          </Badge>
          <Badge variant="light" color="gray">
            {coverage.assumed} assumed
          </Badge>
          <Badge variant="outline" color="gray">
            {coverage.unknown} unknown
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {readiness.assumption} Rate your skills to replace assumptions with what you can show.
        </Text>
      </Stack>
    </Card>
  );
}
