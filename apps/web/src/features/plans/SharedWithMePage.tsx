import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { PLAN_STATUS_LABELS, percent } from './planLabels';

export const PlansSharedWithMeQuery = graphql(`
  query PlansSharedWithMe {
    plansSharedWithMe {
      sharedAt
      person {
        id
        name
      }
      plan {
        id
        status
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

/** "Shared with me": the plans colleagues let me read, newest share first; each opens its plan page. */
export function SharedWithMePage() {
  const { data, loading, error, refetch } = useQuery(PlansSharedWithMeQuery);
  let content;
  if (error && !data) content = <ErrorState title="Could not load the plans shared with you" error={error} onRetry={() => refetch()} />;
  else if (loading && !data) content = <LoadingState label="Loading the plans shared with you…" />;
  else if (!data || data.plansSharedWithMe.length === 0) {
    content = <Empty title="Nothing shared with you yet" description="When a colleague shares their development plan with you, it shows here and you get a notification." />;
  } else {
    content = (
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" aria-label="Plans shared with me" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {data.plansSharedWithMe.map((shared) => (
          <Card key={shared.person.id} withBorder padding="md" component="li">
            <Stack gap={6}>
              <Anchor component={Link} to={`/plans/${shared.person.id}`} fw={600}>
                {shared.person.name}’s plan
              </Anchor>
              {shared.plan ? (
                <Group gap="xs" wrap="wrap">
                  <Text size="sm">Towards {shared.plan.targetRole.title}</Text>
                  <Badge variant="light">{PLAN_STATUS_LABELS[shared.plan.status]}</Badge>
                  <Text size="sm">{percent(shared.plan.readiness.shareMet)} met</Text>
                </Group>
              ) : (
                <Text size="sm">No plan yet.</Text>
              )}
              <Text size="xs" c="dimmed">
                Shared on {new Date(shared.sharedAt).toLocaleDateString()}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    );
  }
  return (
    <Stack gap="xl">
      <title>Shared with me · Trellis</title>
      <Title order={1}>Shared with me</Title>
      <Text size="sm">Plans colleagues shared with you, to read. They can see that you looked.</Text>
      {content}
    </Stack>
  );
}
