import { Badge, Group, NativeSelect, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { MyPlanFieldsFragment } from '../../gql/graphql';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';

export const SetPlanReviewRhythmMutation = graphql(`
  mutation SetPlanReviewRhythm($input: SetReviewRhythmInput!) {
    setPlanReviewRhythm(input: $input) {
      ...MyPlanFields
    }
  }
`);

const RHYTHMS = [4, 6, 8, 12].map((weeks) => ({ value: String(weeks), label: `Every ${weeks} weeks` }));

const REVIEW_STATE = {
  UPCOMING: { label: 'Review upcoming', color: 'gray' },
  DUE: { label: 'Review due', color: 'yellow' },
  OVERDUE: { label: 'Review overdue', color: 'red' },
} as const;

/**
 * The plan's review rhythm (the person changes it; the next review moves with it), when the next review is
 * due (due or overdue stand out), and whether the plan has gone quiet.
 */
export function ReviewCadence({ plan }: { plan: MyPlanFieldsFragment }) {
  const toast = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const [setRhythm, { loading }] = useMutation(SetPlanReviewRhythmMutation);
  const state = plan.reviewState ? REVIEW_STATE[plan.reviewState] : null;

  const change = async (weeks: number) => {
    setFailure(null);
    try {
      const result = await setRhythm({ variables: { input: { planId: plan.id, expectedVersion: plan.version, reviewRhythmWeeks: weeks } } });
      const due = result.data?.setPlanReviewRhythm.reviewDueOn;
      toast.show({ message: `Reviews every ${weeks} weeks${due ? `; the next by ${due}` : ''}.` });
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <Group gap="xs" aria-label="Review cadence" role="group">
      <NativeSelect
        aria-label="Review rhythm"
        size="xs"
        data={RHYTHMS}
        value={String(plan.reviewRhythmWeeks)}
        disabled={loading}
        onChange={(event) => void change(Number(event.currentTarget.value))}
        error={failure}
      />
      <Text size="sm">{plan.reviewDueOn ? `Next review by ${plan.reviewDueOn}` : 'The first review is set once the plan is agreed'}</Text>
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
