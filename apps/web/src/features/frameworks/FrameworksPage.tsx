import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { formatDate } from '../../lib/labels';
import { NewFrameworkDialog } from '../framework-editor/NewFrameworkDialog';
import { ImportDialog } from '../framework-import/ImportDialog';
import { isAdmin, useSignedInViewer } from '../session/viewer';
import classes from './FrameworksPage.module.css';

export const FrameworksQuery = graphql(`
  query Frameworks {
    frameworks {
      id
      key
      name
      description
      currentVersion {
        id
        number
        status
        publishedAt
      }
    }
  }
`);

export function FrameworksPage() {
  const { data, loading, error, refetch } = useQuery(FrameworksQuery);
  const frameworks = data?.frameworks;
  const admin = isAdmin(useSignedInViewer());
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  let content;
  if (error && !frameworks) {
    content = <ErrorState title="Could not load frameworks" error={error} onRetry={() => refetch()} />;
  } else if (loading && !frameworks) {
    content = (
      <LoadingState label="Loading frameworks…">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {[0, 1, 2].map((i) => (
            <Card key={i} withBorder padding="lg">
              <Stack gap="sm">
                <Skeleton height={20} width="70%" />
                <Skeleton height={14} width="95%" />
                <Skeleton height={14} width="60%" />
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </LoadingState>
    );
  } else if (!frameworks || frameworks.length === 0) {
    content = (
      <Empty
        title="No frameworks yet"
        description="When your organisation creates or imports a career framework, it will appear here."
      />
    );
  } else {
    content = (
      <SimpleGrid component="ul" aria-labelledby="frameworks-heading" cols={{ base: 1, sm: 2, lg: 3 }} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {frameworks.map((framework) => {
          const version = framework.currentVersion;
          const published = formatDate(version?.publishedAt);
          return (
            <Card key={framework.id} component="li" withBorder padding="lg" className={classes.card}>
              <Stack gap="xs" h="100%">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Title order={2} size="h4">
                    <Link to={`/frameworks/${framework.id}`} className={classes.cardLink}>
                      {framework.name}
                    </Link>
                  </Title>
                  {version ? (
                    <Badge variant="light" size="lg" style={{ flexShrink: 0 }}>
                      Version {version.number}
                    </Badge>
                  ) : (
                    <Badge variant="outline" color="gray" size="lg" style={{ flexShrink: 0 }}>
                      No published version
                    </Badge>
                  )}
                </Group>
                {framework.description ? (
                  <Text size="sm" c="dimmed" lineClamp={3}>
                    {framework.description}
                  </Text>
                ) : null}
                <Group justify="space-between" mt="auto">
                  {published ? (
                    <Text size="xs" c="dimmed">
                      Published {published}
                    </Text>
                  ) : (
                    <span />
                  )}
                  {admin ? (
                    <Anchor
                      component={Link}
                      to={`/frameworks/${framework.id}/edit`}
                      size="sm"
                      aria-label={`Edit ${framework.name}`}
                      className={classes.cardAction}
                    >
                      Edit
                    </Anchor>
                  ) : null}
                </Group>
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    );
  }

  return (
    <Stack gap="lg">
      <title>Frameworks · Trellis</title>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} id="frameworks-heading">
            Frameworks
          </Title>
          <Text c="dimmed" mt={4}>
            Your organisation&apos;s career frameworks. Open one to browse its tracks, roles and the moves between them.
          </Text>
        </div>
        {admin ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => setImporting(true)}>
              Import…
            </Button>
            <Button onClick={() => setCreating(true)}>New framework</Button>
          </Group>
        ) : null}
      </Group>
      {content}
      {creating ? <NewFrameworkDialog frameworks={frameworks ?? []} onClose={() => setCreating(false)} /> : null}
      {importing ? <ImportDialog target={{ kind: 'new' }} onClose={() => setImporting(false)} /> : null}
    </Stack>
  );
}
