import { Anchor, Badge, Button, DataList, Group, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { skipToken, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../components/QueryStates';
import { isNotFoundError } from '../../lib/errors';
import { accessRoleLabel, formatDate } from '../../lib/labels';
import { isAdmin, useSignedInViewer } from '../session/viewer';
import { PersonPageQuery } from './queries';

export function PersonPage() {
  const { personId } = useParams();
  const viewer = useSignedInViewer();
  const { data, loading, error, refetch } = useQuery(PersonPageQuery, personId ? { variables: { id: personId } } : skipToken);
  const person = data?.person;

  if (error && !person) {
    if (isNotFoundError(error)) return <PersonNotFound />;
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={[{ label: 'People', to: '/people' }, { label: 'Person' }]} />
        <ErrorState title="Could not load this person" error={error} onRetry={() => refetch()} />
      </Stack>
    );
  }
  if (loading && !data) {
    return (
      <LoadingState label="Loading person…">
        <Skeleton height={14} width={200} />
        <Skeleton height={36} width="40%" />
        <Skeleton height={220} mt="md" />
      </LoadingState>
    );
  }
  if (!person) return <PersonNotFound />;

  const startDate = formatDate(person.startDate);
  const isMe = person.id === viewer.person.id;

  return (
    <Stack gap="xl">
      <title>{`${person.name} · People · Trellis`}</title>
      <Stack gap="xs">
        <PageBreadcrumbs items={[{ label: 'People', to: '/people' }, { label: person.name }]} />
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1}>{person.name}</Title>
            {person.jobTitle ? (
              <Text size="lg" c="dimmed">
                {person.jobTitle}
              </Text>
            ) : null}
          </div>
          {isAdmin(viewer) ? (
            <Button component={Link} to={`/admin/people/${person.id}`} variant="light">
              Edit {isMe ? 'your details' : person.name}
            </Button>
          ) : null}
        </Group>
        <Group gap="xs">
          {person.active ? (
            <Badge variant="light" size="lg">
              Active
            </Badge>
          ) : (
            <Badge variant="outline" color="gray" size="lg">
              Left the organisation
            </Badge>
          )}
          {isMe ? (
            <Badge variant="outline" size="lg">
              This is you
            </Badge>
          ) : null}
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="sm" id="person-details-heading">
            Details
          </Title>
          <DataList aria-labelledby="person-details-heading" labelWidth="130px">
            <DataList.Item>
              <DataList.ItemLabel>E-mail</DataList.ItemLabel>
              <DataList.ItemValue>
                <Anchor href={`mailto:${person.email}`} size="sm">
                  {person.email}
                </Anchor>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Team</DataList.ItemLabel>
              <DataList.ItemValue>{person.team?.path ?? 'No team'}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Manager</DataList.ItemLabel>
              <DataList.ItemValue>
                {person.manager ? (
                  <Anchor component={Link} to={`/people/${person.manager.id}`} size="sm">
                    {person.manager.name}
                  </Anchor>
                ) : (
                  'No manager'
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Current role</DataList.ItemLabel>
              <DataList.ItemValue>
                {person.currentRole ? (
                  <Anchor component={Link} to={`/roles/${person.currentRole.id}`} size="sm">
                    {person.currentRole.title}
                  </Anchor>
                ) : (
                  'Not set'
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Start date</DataList.ItemLabel>
              <DataList.ItemValue>{startDate ?? 'Not recorded'}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Status</DataList.ItemLabel>
              <DataList.ItemValue>{person.active ? 'Active' : 'Left the organisation'}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Access role</DataList.ItemLabel>
              <DataList.ItemValue>{accessRoleLabel[person.accessRole]}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Paper>

        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="sm" id="reports-heading">
            Reports
          </Title>
          {person.reports.length === 0 ? (
            <Text c="dimmed">No one reports to {isMe ? 'you' : person.name}.</Text>
          ) : (
            <List spacing="xs" aria-labelledby="reports-heading" listStyleType="none" p={0}>
              {person.reports.map((report) => (
                <List.Item key={report.id}>
                  <Anchor component={Link} to={`/people/${report.id}`} fw={500}>
                    {report.name}
                  </Anchor>
                  {report.jobTitle ? (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      · {report.jobTitle}
                    </Text>
                  ) : null}
                  {report.active ? null : (
                    <Badge ml="xs" size="xs" variant="outline" color="gray">
                      Left
                    </Badge>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

function PersonNotFound() {
  return (
    <NotFoundState
      title="Person not found"
      message="There is no one at this address. The link may be wrong, or you may not be allowed to see this person."
      backTo="/people"
      backLabel="Back to people"
    />
  );
}
