import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { ACTION_STATUS_LABELS, PLAN_STATUS_LABELS, forecastText, percent } from './planLabels';
import { SkillRatings } from './SkillRatings';

export const ReportPlanQuery = graphql(`
  query ReportPlan($personId: ID!) {
    person(id: $personId) {
      id
      name
    }
    planOf(personId: $personId) {
      id
      status
      reviewDueOn
      targetRole {
        id
        title
      }
      actions {
        id
        title
        status
      }
      checkIns {
        id
        reflection
        recordedAt
      }
      readiness {
        shareMet
        totalShortfall
        skills {
          skillKey
          requiredLevel
        }
        forecast {
          kind
          reason
          monthsToReady
        }
      }
    }
    assessmentsOf(personId: $personId) {
      personId
      current {
        skillKey
        selfLevel
        managerLevel
      }
    }
    frameworks {
      id
      currentVersion {
        id
        proficiencyScale {
          level
          name
        }
        skills {
          id
          key
          name
        }
      }
    }
  }
`);

export const RecordManagerAssessmentMutation = graphql(`
  mutation RecordManagerAssessment($personId: ID!, $input: RecordAssessmentInput!) {
    recordManagerAssessment(personId: $personId, input: $input) {
      id
      level
    }
  }
`);

/** A report's plan as their manager sees it (the read is audited), with the manager's ratings beside theirs. */
export function ReportPlanPage() {
  const { personId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ReportPlanQuery, { variables: { personId } });
  const [record] = useMutation(RecordManagerAssessmentMutation, { refetchQueries: [ReportPlanQuery], awaitRefetchQueries: true });
  const name = data?.person?.name ?? 'Report';

  let content;
  if (error && !data) content = <ErrorState title="Could not load this plan" error={error} onRetry={() => refetch()} />;
  else if (loading && !data) content = <LoadingState label="Loading the plan…" />;
  else if (data) {
    const plan = data.planOf;
    const version = data.frameworks.find((f) => f.currentVersion)?.currentVersion ?? null;
    content = (
      <>
        {plan ? (
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={2}>Towards {plan.targetRole.title}</Title>
              <Badge size="lg" variant="light">
                {PLAN_STATUS_LABELS[plan.status]}
              </Badge>
            </Group>
            <Text size="sm">
              {percent(plan.readiness.shareMet)} of the role’s expectations met; {plan.readiness.totalShortfall} levels to go. {forecastText(plan.readiness.forecast)}
            </Text>
            <Table aria-label="Actions" striped>
              <Table.Tbody>
                {plan.actions.map((action) => (
                  <Table.Tr key={action.id}>
                    <Table.Td>{action.title}</Table.Td>
                    <Table.Td>{ACTION_STATUS_LABELS[action.status]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={3}>Check-ins</Title>
            {plan.checkIns.length === 0 ? <Text size="sm">No check-ins yet.</Text> : null}
            {plan.checkIns.map((checkIn) => (
              <Card key={checkIn.id} withBorder padding="sm">
                <Text size="sm" c="dimmed">
                  {new Date(checkIn.recordedAt).toLocaleDateString()}
                </Text>
                <Text>{checkIn.reflection}</Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Empty title="No plan yet" description={`${name} has not started a development plan.`} />
        )}
        {version ? (
          <SkillRatings
            title="Skills"
            rater="manager"
            version={version}
            current={data.assessmentsOf.current}
            expected={plan?.readiness.skills ?? null}
            onRate={(skill, level) => record({ variables: { personId, input: { skillId: skill.id, level } } })}
          />
        ) : null}
      </>
    );
  }
  return (
    <Stack gap="xl">
      <title>{`${name}’s plan · Trellis`}</title>
      <Anchor component={Link} to="/my-team">
        My team
      </Anchor>
      <Title order={1}>{name}’s development plan</Title>
      {content}
    </Stack>
  );
}
