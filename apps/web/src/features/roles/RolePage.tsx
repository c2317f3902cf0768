import { Anchor, Badge, Group, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { skipToken, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { Empty, ErrorState, LoadingState, NotFoundState } from '../../components/QueryStates';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { isNotFoundError } from '../../lib/errors';
import { trackKindColor, trackKindLabel } from '../../lib/labels';
import { ExpectationsTable } from './ExpectationsTable';
import { RoleMoves } from './RoleMoves';
import { RoleQualifications } from './RoleQualifications';

export const RolePageQuery = graphql(`
  query RolePage($id: ID!) {
    role(id: $id) {
      id
      key
      title
      level
      band
      summary
      responsibilities
      track {
        id
        name
        kind
      }
      frameworkVersion {
        id
        number
        status
        framework {
          id
          name
        }
        proficiencyScale {
          level
          name
          summary
        }
      }
      expectations {
        id
        level
        descriptor
        criteria
        examples
        optional
        weight
        statement
        skill {
          id
          key
          name
          description
          category {
            id
            key
            name
          }
          levels {
            level
            name
            descriptor
            hasDescriptor
            criteria
            examples
          }
        }
      }
      qualifications {
        requirement
        qualification {
          id
          key
          name
          provider
          url
          validityMonths
        }
      }
      transitionsOut {
        id
        kind
        typicalMonths
        guidance
        to {
          id
          title
          level
          track {
            id
            name
          }
        }
      }
      transitionsIn {
        id
        kind
        typicalMonths
        guidance
        from {
          id
          title
          level
          track {
            id
            name
          }
        }
      }
    }
  }
`);

export function RolePage() {
  const { roleId } = useParams();
  const { data, loading, error, refetch } = useQuery(RolePageQuery, roleId ? { variables: { id: roleId } } : skipToken);
  const role = data?.role;

  if (error && !role) {
    if (isNotFoundError(error)) return <RoleNotFound />;
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={[{ label: 'Frameworks', to: '/frameworks' }, { label: 'Role' }]} />
        <ErrorState title="Could not load this role" error={error} onRetry={() => refetch()} />
      </Stack>
    );
  }
  if (loading && !data) {
    return (
      <LoadingState label="Loading role…">
        <Skeleton height={14} width={260} />
        <Skeleton height={36} width="40%" />
        <Skeleton height={16} width="75%" />
        <Skeleton height={16} width="60%" />
        <Skeleton height={260} mt="md" />
      </LoadingState>
    );
  }
  if (!role) return <RoleNotFound />;

  const version = role.frameworkVersion;
  const framework = version.framework;

  return (
    <Stack gap="xl">
      <title>{`${role.title} · ${framework.name} · Trellis`}</title>
      <Stack gap="xs">
        <PageBreadcrumbs
          items={[
            { label: 'Frameworks', to: '/frameworks' },
            { label: framework.name, to: `/frameworks/${framework.id}` },
            { label: role.title },
          ]}
        />
        <Title order={1}>{role.title}</Title>
        <Group gap="xs">
          <Badge variant="light" color={trackKindColor[role.track.kind]} size="lg">
            {role.track.name}
          </Badge>
          <Badge variant="outline" size="lg">
            Level {role.level}
          </Badge>
          {role.band != null ? (
            <Badge variant="outline" color="gray" size="lg">
              Band {role.band}
            </Badge>
          ) : null}
          <Text size="sm" c="dimmed">
            {trackKindLabel[role.track.kind]} · {framework.name}, version {version.number}
          </Text>
        </Group>
        <Text size="lg" maw={820} mt="xs">
          {role.summary}
        </Text>
        <Group gap="md" mt="xs">
          <Anchor component={Link} to={`/frameworks/${framework.id}/compare?from=${role.id}`}>
            Compare with…
          </Anchor>
          <Anchor component={Link} to={`/frameworks/${framework.id}/paths?to=${role.id}`}>
            Find a route to this role
          </Anchor>
        </Group>
      </Stack>

      <section aria-labelledby="responsibilities-heading">
        <Title order={2} id="responsibilities-heading" mb="sm">
          Responsibilities
        </Title>
        {role.responsibilities.length === 0 ? (
          <Text c="dimmed">No responsibilities are listed for this role.</Text>
        ) : (
          <Paper withBorder p="lg">
            <List spacing="xs" aria-labelledby="responsibilities-heading">
              {role.responsibilities.map((responsibility, index) => (
                <List.Item key={index}>{responsibility}</List.Item>
              ))}
            </List>
          </Paper>
        )}
      </section>

      <section aria-labelledby="expected-skills-heading">
        <Title order={2} id="expected-skills-heading">
          Expected skills
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          The level this role expects in each skill, on the framework&apos;s proficiency scale. Open a skill to see every
          level.
        </Text>
        {role.expectations.length === 0 ? (
          <Paper withBorder>
            <Empty title="No expected skills yet" headingOrder={3} description="This role does not set any skill expectations." />
          </Paper>
        ) : (
          <ExpectationsTable
            expectations={role.expectations}
            scale={version.proficiencyScale}
            labelledBy="expected-skills-heading"
          />
        )}
      </section>

      <section aria-labelledby="qualifications-heading">
        <Title order={2} id="qualifications-heading" mb="sm">
          Qualifications
        </Title>
        {role.qualifications.length === 0 ? (
          <Text c="dimmed">No qualifications are required or recommended for this role.</Text>
        ) : (
          <RoleQualifications items={role.qualifications} />
        )}
      </section>

      <section aria-labelledby="moves-heading">
        <Title order={2} id="moves-heading" mb="sm">
          Moves
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <RoleMoves
            headingId="moves-out-heading"
            heading="Moves from this role"
            direction="out"
            emptyText="No moves out of this role are defined."
            moves={role.transitionsOut.map((move) => ({ ...move, other: move.to }))}
          />
          <RoleMoves
            headingId="moves-in-heading"
            heading="Moves into this role"
            direction="in"
            emptyText="No moves into this role are defined."
            moves={role.transitionsIn.map((move) => ({ ...move, other: move.from }))}
          />
        </SimpleGrid>
      </section>
    </Stack>
  );
}

function RoleNotFound() {
  return (
    <NotFoundState
      title="Role not found"
      message="There is no role at this address. It may have been removed from the framework, or the link may be wrong."
      backTo="/frameworks"
      backLabel="Back to all frameworks"
    />
  );
}
