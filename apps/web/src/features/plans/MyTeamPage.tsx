import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
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
  let content;
  if (error && !data) content = <ErrorState title="Could not load your team’s plans" error={error} onRetry={() => refetch()} />;
  else if (loading && !data) content = <LoadingState label="Loading your team’s plans…" />;
  else if (!data || data.teamPlans.length === 0) content = <Empty title="Nobody reports to you" description="Your reports’ development plans will show here." />;
  else {
    // The five columns do not fit a phone: the table scrolls sideways inside its own box, the page does not; the
    // summary above it says what needs the manager first.
    content = (
      <Stack gap="md">
      <Text aria-live="polite">{teamSummary(data.teamPlans)}</Text>
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
        {row.overdue ? (
          <Badge color="red.9">
            Overdue (due {plan?.reviewDueOn})
          </Badge>
        ) : plan?.reviewDueOn ? (
          <Text size="sm">By {plan.reviewDueOn}</Text>
        ) : (
          '—'
        )}
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
