import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { TeamPlansQuery as TeamPlansResult } from '../../gql/graphql';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { PLAN_STATUS_LABELS, percent } from './planLabels';

export const TeamPlansQuery = graphql(`
  query TeamPlans {
    teamPlans {
      overdue
      waitingForAgreement
      person {
        id
        name
      }
      plan {
        id
        status
        version
        reviewDueOn
        reviewState
        targetRole {
          id
          title
        }
        readiness {
          shareMet
        }
      }
    }
  }
`);

export const AgreePlanMutation = graphql(`
  mutation AgreePlan($input: PlanVersionInput!) {
    agreePlan(input: $input) {
      id
      status
      version
      reviewDueOn
      reviewState
    }
  }
`);

export const SendBackPlanMutation = graphql(`
  mutation SendBackPlan($input: SendBackPlanInput!) {
    sendBackPlan(input: $input) {
      id
      status
      version
      sentBackComment
    }
  }
`);

type Row = TeamPlansResult['teamPlans'][number];

/** "My team": each report's plan, readiness and review state; plans waiting for agreement are agreed or sent back here. */
export function MyTeamPage() {
  const { data, loading, error, refetch } = useQuery(TeamPlansQuery);
  let content;
  if (error && !data) content = <ErrorState title="Could not load your team’s plans" error={error} onRetry={() => refetch()} />;
  else if (loading && !data) content = <LoadingState label="Loading your team’s plans…" />;
  else if (!data || data.teamPlans.length === 0) content = <Empty title="Nobody reports to you" description="Your reports’ development plans will show here." />;
  else {
    content = (
      <Table aria-label="Team plans" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Readiness</Table.Th>
            <Table.Th>Review</Table.Th>
            <Table.Th>Agreement</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.teamPlans.map((row) => (
            <TeamRow key={row.person.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Stack gap="xl">
      <title>My team · Trellis</title>
      <Title order={1}>My team’s plans</Title>
      {content}
    </Stack>
  );
}

function TeamRow({ row }: { row: Row }) {
  const plan = row.plan;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/my-team/${row.person.id}`}>
          {row.person.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        {plan ? (
          <Group gap="xs">
            <Text size="sm">{plan.targetRole.title}</Text>
            <Badge variant="light">{PLAN_STATUS_LABELS[plan.status]}</Badge>
          </Group>
        ) : (
          <Text size="sm">No plan yet</Text>
        )}
      </Table.Td>
      <Table.Td>{plan ? percent(plan.readiness.shareMet) : '—'}</Table.Td>
      <Table.Td>
        {row.overdue ? (
          <Badge color="red">Overdue (due {plan?.reviewDueOn})</Badge>
        ) : plan?.reviewDueOn ? (
          <Text size="sm">By {plan.reviewDueOn}</Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{plan && row.waitingForAgreement ? <AgreementControls plan={plan} name={row.person.name} /> : null}</Table.Td>
    </Table.Tr>
  );
}

function AgreementControls({ plan, name }: { plan: NonNullable<Row['plan']>; name: string }) {
  const toast = useToast();
  const [comment, setComment] = useState('');
  const [sendingBack, setSendingBack] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [agree, { loading: agreeing }] = useMutation(AgreePlanMutation);
  const [sendBack, { loading: sending }] = useMutation(SendBackPlanMutation, { refetchQueries: [TeamPlansQuery] });
  const input = { planId: plan.id, expectedVersion: plan.version };

  const run = async (work: () => Promise<unknown>, done: string) => {
    setFailure(null);
    try {
      await work();
      toast.show({ message: done });
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <Stack gap="xs">
      {failure ? (
        <Alert color="red" role="alert" title="That did not work">
          {failure}
        </Alert>
      ) : null}
      {sendingBack ? (
        <>
          <Textarea label={`Why send ${name}’s plan back?`} value={comment} onChange={(event) => setComment(event.currentTarget.value)} autosize minRows={2} />
          <Group gap="xs">
            <Button
              size="xs"
              loading={sending}
              onClick={() => {
                if (!comment.trim()) {
                  setFailure('Say why the plan is sent back: a comment is required.');
                  return;
                }
                void run(() => sendBack({ variables: { input: { ...input, comment } } }), `Sent ${name}’s plan back.`);
              }}
            >
              Send back
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setSendingBack(false)}>
              Cancel
            </Button>
          </Group>
        </>
      ) : (
        <Group gap="xs">
          <Button size="xs" loading={agreeing} onClick={() => void run(() => agree({ variables: { input }, refetchQueries: [TeamPlansQuery] }), `Agreed ${name}’s plan.`)}>
            Agree {name}’s plan
          </Button>
          <Button size="xs" variant="light" onClick={() => setSendingBack(true)}>
            Send back…
          </Button>
        </Group>
      )}
    </Stack>
  );
}
