import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { TeamPlansQuery as TeamPlansResult } from '../../gql/graphql';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
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

type Row = TeamPlansResult['teamPlans'][number];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What needs the manager, in one sentence: plans to agree, overdue reviews, people without a plan. */
export function teamSummary(rows: readonly Row[]): string {
  const waiting = rows.filter((r) => r.plan && r.waitingForAgreement).length;
  const overdue = rows.filter((r) => r.overdue).length;
  const none = rows.filter((r) => !r.plan).length;
  const parts = [
    waiting > 0 ? `${count(waiting, 'plan waits', 'plans wait')} for your agreement` : null,
    overdue > 0 ? `${count(overdue, 'review is', 'reviews are')} overdue` : null,
    none > 0 ? `${count(none, 'person has', 'people have')} no plan yet` : null,
  ].filter((part): part is string => part !== null);
  const who = `${count(rows.length, 'person reports', 'people report')} to you`;
  return parts.length > 0 ? `${who}: ${parts.join(', ')}.` : `${who}; nothing waits for you.`;
}

/** "My team": each report's plan, readiness and review state; a plan waiting for agreement links to its page, where it is agreed or sent back. */
export function MyTeamPage() {
  const { data, loading, error, refetch } = useQuery(TeamPlansQuery);
  // Five columns do not fit a phone: there each person is a card, what needs the manager on it.
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  let content;
  if (error && !data) content = <ErrorState title="Could not load your team’s plans" error={error} onRetry={() => refetch()} />;
  else if (loading && !data) content = <LoadingState label="Loading your team’s plans…" />;
  else if (!data || data.teamPlans.length === 0) content = <Empty title="Nobody reports to you" description="Your reports’ development plans will show here." />;
  else {
    content = (
      <Stack gap="md">
        <Text aria-live="polite">{teamSummary(data.teamPlans)}</Text>
        {phone ? (
          <Stack component="ul" gap="sm" aria-label="Team plans" p={0} m={0} style={{ listStyle: 'none' }}>
            {data.teamPlans.map((row) => (
              <TeamCard key={row.person.id} row={row} />
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
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
          </Table.ScrollContainer>
        )}
      </Stack>
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

function ReviewState({ row }: { row: Row }) {
  const plan = row.plan;
  if (row.overdue) return <Badge color="red.9">Overdue (due {plan?.reviewDueOn})</Badge>;
  return plan?.reviewDueOn ? <Text size="sm">By {plan.reviewDueOn}</Text> : <>—</>;
}

function TeamCard({ row }: { row: Row }) {
  const plan = row.plan;
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={6}>
        <Anchor component={Link} to={`/my-team/${row.person.id}`} fw={600}>
          {row.person.name}
        </Anchor>
        {plan ? (
          <>
            <Group gap="xs">
              <Text size="sm">Towards {plan.targetRole.title}</Text>
              <Badge variant="light">{PLAN_STATUS_LABELS[plan.status]}</Badge>
            </Group>
            <Group gap="xs">
              <Text size="sm">Readiness {percent(plan.readiness.shareMet)}</Text>
              {row.overdue || plan.reviewDueOn ? (
                <Text size="sm" c="dimmed">
                  · Review
                </Text>
              ) : null}
              {row.overdue || plan.reviewDueOn ? <ReviewState row={row} /> : null}
            </Group>
            {row.waitingForAgreement ? (
              <Button component={Link} to={`/my-team/${row.person.id}`} size="xs" style={{ alignSelf: 'flex-start' }}>
                Review {row.person.name}’s plan
              </Button>
            ) : null}
          </>
        ) : (
          <Text size="sm">No plan yet</Text>
        )}
      </Stack>
    </Card>
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
            <Badge variant="light">
              {PLAN_STATUS_LABELS[plan.status]}
            </Badge>
          </Group>
        ) : (
          <Text size="sm">No plan yet</Text>
        )}
      </Table.Td>
      <Table.Td>{plan ? percent(plan.readiness.shareMet) : '—'}</Table.Td>
      <Table.Td>
        <ReviewState row={row} />
      </Table.Td>
      <Table.Td>
        {plan && row.waitingForAgreement ? (
          // Agreeing happens on the plan page, where the actions and the evidence are.
          <Button component={Link} to={`/my-team/${row.person.id}`} size="xs">
            Review {row.person.name}’s plan
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
