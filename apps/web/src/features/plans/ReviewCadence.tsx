import { Badge, Group, Text } from '@mantine/core';
import type { MyPlanFieldsFragment } from '../../gql/graphql';

const REVIEW_STATE = {
  UPCOMING: { label: 'Review upcoming', color: 'gray' },
  DUE: { label: 'Review due', color: 'yellow' },
  OVERDUE: { label: 'Review overdue', color: 'red' },
} as const;

/** The plan's review rhythm and when the next review is due (due or overdue stand out), and whether it has gone quiet. */
export function ReviewCadence({ plan }: { plan: Pick<MyPlanFieldsFragment, 'reviewRhythmWeeks' | 'reviewDueOn' | 'reviewState' | 'stale' | 'lastActivityAt'> }) {
  const state = plan.reviewState ? REVIEW_STATE[plan.reviewState] : null;
  return (
    <Group gap="xs" aria-label="Review cadence" role="group">
      <Text size="sm">
        Reviewed every {plan.reviewRhythmWeeks} weeks · {plan.reviewDueOn ? `next review by ${plan.reviewDueOn}` : 'the first review is set once the plan is agreed'}
      </Text>
      {state ? (
        <Badge color={state.color} variant={state.color === 'gray' ? 'light' : 'filled'}>
          {state.label}
        </Badge>
      ) : null}
      {plan.stale ? (
        <Badge color="orange" variant="light" title={`Last activity ${new Date(plan.lastActivityAt).toLocaleDateString()}`}>
          No activity for 30 days
        </Badge>
      ) : null}
    </Group>
  );
}
