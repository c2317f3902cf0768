import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { skipToken, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { isAdmin, useSignedInViewer } from '../session/viewer';
import { graphql } from '../../gql';
import { Empty, ErrorState, LoadingState, NotFoundState } from '../../components/QueryStates';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { SkipLink } from '../../components/SkipLink';
import { isNotFoundError } from '../../lib/errors';
import { formatDate } from '../../lib/labels';
import { MovesLegend } from './MovesLegend';
import { MovesTable } from './MovesTable';
import { buildFrameworkView } from './frameworkView';
import { ProficiencyScaleTable } from './ProficiencyScale';
import { GroupedLadders } from './TrackLadders';
import { FrameworkSkills } from './FrameworkSkills';
import { LevellingRule } from './LevellingRule';

// React Flow and dagre are the heaviest part of the app: load them only when a framework is opened.
const RoleGraph = lazy(() => import('./RoleGraph'));

export const FrameworkBrowserQuery = graphql(`
  query FrameworkBrowser($id: ID!) {
    framework(id: $id) {
      id
      key
      name
      description
      currentVersion {
        id
        number
        status
        publishedAt
        proficiencyScale {
          level
          name
          summary
        }
        trackGroups {
          key
          name
          description
        }
        tracks {
          id
          key
          name
          kind
          description
          groupKey
          roles {
            id
            key
            title
            level
            band
            track {
              id
              name
            }
          }
        }
        scales {
          key
          name
          levels {
            level
            name
          }
        }
        skillCategories {
          id
          name
          description
          skills {
            id
            name
            description
            scale {
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
        levelling {
          pointsByLevel {
            level
            points
          }
          levels {
            minPoints
            name
            subLevels {
              name
              minPoints
            }
          }
          titles {
            title
            minPoints
            maxPoints
          }
        }
        transitions {
          id
          kind
          typicalMonths
          guidance
          from {
            id
            title
          }
          to {
            id
            title
          }
        }
      }
    }
  }
`);

function GraphFallback() {
  return (
    <div role="status" aria-live="polite">
      <Skeleton height={640} radius="md" />
      <VisuallyHidden>Loading the role graph…</VisuallyHidden>
    </div>
  );
}

export function FrameworkPage() {
  const { frameworkId } = useParams();
  const admin = isAdmin(useSignedInViewer());
  const { data, loading, error, refetch } = useQuery(
    FrameworkBrowserQuery,
    frameworkId ? { variables: { id: frameworkId } } : skipToken,
  );
  const framework = data?.framework;
  const version = framework?.currentVersion ?? null;

  const view = useMemo(() => (version ? buildFrameworkView(version) : null), [version]);

  if (error && !framework) {
    if (isNotFoundError(error)) return <FrameworkNotFound />;
    return (
      <Stack gap="lg">
        <PageBreadcrumbs items={[{ label: 'Frameworks', to: '/frameworks' }, { label: 'Framework' }]} />
        <ErrorState title="Could not load this framework" error={error} onRetry={() => refetch()} />
      </Stack>
    );
  }
  if (loading && !data) {
    return (
      <LoadingState label="Loading framework…">
        <Skeleton height={14} width={160} />
        <Skeleton height={36} width="45%" />
        <Skeleton height={16} width="70%" />
        <Group grow align="stretch" gap="md" wrap="nowrap">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={320} />
          ))}
        </Group>
      </LoadingState>
    );
  }
  if (!framework) return <FrameworkNotFound />;

  const published = formatDate(version?.publishedAt);

  return (
    <Stack gap="xl">
      <title>{`${framework.name} · Trellis`}</title>
      <Stack gap="xs">
        <PageBreadcrumbs items={[{ label: 'Frameworks', to: '/frameworks' }, { label: framework.name }]} />
        <Group justify="space-between" align="flex-end">
          <Title order={1}>{framework.name}</Title>
          {admin ? (
            <Button component={Link} to={`/frameworks/${framework.id}/edit`} variant="light">
              Edit framework
            </Button>
          ) : null}
        </Group>
        <Group gap="xs">
          {version ? (
            <Badge variant="light" size="lg">
              Version {version.number}
            </Badge>
          ) : null}
          {published ? (
            <Text size="sm" c="dimmed">
              Published {published}
            </Text>
          ) : null}
          {admin ? (
            <Anchor component={Link} to={`/frameworks/${framework.id}/versions`} size="sm">
              Versions
            </Anchor>
          ) : null}
        </Group>
        {framework.description ? <Text maw={820}>{framework.description}</Text> : null}
        {version ? (
          <Group gap="md">
            <Anchor component={Link} to={`/frameworks/${framework.id}/compare`}>
              Compare two roles
            </Anchor>
            <Anchor component={Link} to={`/frameworks/${framework.id}/paths`}>
              Find a route between roles
            </Anchor>
          </Group>
        ) : null}
      </Stack>

      {!version || !view ? (
        <Paper withBorder p="lg">
          <Empty
            title="No published version yet"
            description="This framework has no published version. Once an administrator publishes one, its tracks and roles appear here."
          />
        </Paper>
      ) : (
        <>
          <section aria-labelledby="tracks-heading">
            <Stack gap="sm">
              <div>
                <Title order={2} id="tracks-heading">
                  Tracks
                </Title>
                <Text size="sm" c="dimmed">
                  Each track is a ladder: its first rung is at the bottom. Open a role to see what it expects.
                </Text>
              </div>
              {view.tracks.length === 0 ? (
                <Empty title="No tracks yet" headingOrder={3} description="This version has no tracks." />
              ) : (
                <GroupedLadders tracks={view.tracks} groups={version.trackGroups} />
              )}
            </Stack>
          </section>

          <section aria-labelledby="moves-heading">
            <Stack gap="sm">
              <div>
                <Title order={2} id="moves-heading">
                  Moves between roles
                </Title>
                <Text size="sm" c="dimmed">
                  Promotions climb within a track; lateral moves cross to another track.
                </Text>
              </div>
              {view.moves.length === 0 ? (
                <Empty title="No moves yet" headingOrder={3} description="This version defines no moves between roles." />
              ) : (
                <>
                  <MovesLegend tracks={view.tracks.map((t) => ({ id: t.id, name: t.name, color: t.color }))} />
                  <div>
                    <SkipLink targetId="moves-list-heading">Skip the graph and go to the list of moves</SkipLink>
                  </div>
                  <div role="group" aria-label="Graph of roles and moves" aria-describedby="moves-graph-help">
                    <Text id="moves-graph-help" size="xs" c="dimmed" mb={6}>
                      Drag to pan; use the buttons to zoom. Every move is also listed in the table below.
                    </Text>
                    <Suspense fallback={<GraphFallback />}>
                      <RoleGraph roles={view.graphRoles} moves={view.graphMoves} />
                    </Suspense>
                  </div>
                  <Title order={3} id="moves-list-heading" mt="md" tabIndex={-1}>
                    List of moves
                  </Title>
                  <MovesTable moves={view.moves} labelledBy="moves-list-heading" />
                </>
              )}
            </Stack>
          </section>

          <section aria-labelledby="scale-heading">
            <Stack gap="sm">
              <div>
                <Title order={2} id="scale-heading">
                  Proficiency scale
                </Title>
                <Text size="sm" c="dimmed">
                  {version.scales.length > 0
                    ? 'The levels skills are measured on, unless a skill has a scale of its own (see Skills).'
                    : 'The levels every skill expectation in this framework is measured on.'}
                </Text>
              </div>
              {version.proficiencyScale.length === 0 ? (
                <Empty title="No proficiency scale" headingOrder={3} />
              ) : (
                <ProficiencyScaleTable levels={version.proficiencyScale} labelledBy="scale-heading" />
              )}
            </Stack>
          </section>

          <FrameworkSkills categories={version.skillCategories} scales={version.scales} />

          {version.levelling ? <LevellingRule rule={version.levelling} /> : null}
        </>
      )}
    </Stack>
  );
}

function FrameworkNotFound() {
  return (
    <NotFoundState
      title="Framework not found"
      message="There is no framework at this address. It may have been removed, or the link may be wrong."
      backTo="/frameworks"
      backLabel="Back to all frameworks"
    />
  );
}
