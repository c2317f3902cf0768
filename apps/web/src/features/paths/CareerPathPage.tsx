import { Alert, Anchor, Badge, Button, Group, List, Paper, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { skipToken, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { CareerRouteQuery as CareerRouteData } from '../../gql/graphql';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { formatMonths, transitionKindLabel } from '../../lib/labels';
import { MovesLegend } from '../frameworks/MovesLegend';
import { FrameworkToolShell, type FrameworkTool } from './FrameworkToolShell';
import { skillLevelLabel } from '../../components/levels/levels';
import { pairFromSearch, RolePairPicker, searchFromPair } from './RolePairPicker';

const RoleGraph = lazy(() => import('../frameworks/RoleGraph'));

export const CareerRouteQuery = graphql(`
  query CareerRoute($fromRoleId: ID!, $toRoleId: ID!, $profile: [SkillLevelInput!]) {
    careerRoute(fromRoleId: $fromRoleId, toRoleId: $toRoleId, profile: $profile) {
      found
      reason
      message
      profileSource
      totalMonths
      totalShortfall
      from {
        id
        title
      }
      to {
        id
        title
      }
      steps {
        kind
        typicalMonths
        typicalMonthsAssumed
        guidance
        shortfall
        from {
          id
          title
        }
        to {
          id
          title
        }
        gaps {
          skill {
            id
            name
            ...SkillScaleFields
          }
          requiredLevel
          currentLevel
          shortfall
        }
        missingQualifications {
          id
          name
        }
      }
    }
  }
`);

export const ClosestRolesQuery = graphql(`
  query ClosestRoles($roleId: ID!) {
    closestRoles(roleId: $roleId, currentRoleId: $roleId, limit: 5) {
      profileSource
      roles {
        role {
          id
          title
        }
        shortfall
        metSkillCount
        expectedSkillCount
        explanation
      }
    }
  }
`);

export const PathViewerQuery = graphql(`
  query PathViewer {
    viewer {
      person {
        id
        currentRole {
          id
          title
        }
      }
    }
  }
`);

type Route = CareerRouteData['careerRoute'];

export function CareerPathPage() {
  return (
    <FrameworkToolShell
      title="Find a route"
      intro="Choose where you are and where you want to go: Trellis finds the route of moves with the least to learn, counting a year of typical time as much as one level of skill."
    >
      {(tool) => <CareerPath tool={tool} />}
    </FrameworkToolShell>
  );
}

function CareerPath({ tool }: { tool: FrameworkTool }) {
  const [search, setSearch] = useSearchParams();
  const pair = pairFromSearch(search);
  const viewer = useQuery(PathViewerQuery);
  const currentRoleId = viewer.data?.viewer?.person.currentRole?.id ?? null;
  const inThisVersion = useMemo(
    () => new Set(tool.view.tracks.flatMap((track) => track.roles.map((role) => role.id))),
    [tool.view.tracks],
  );

  const ownRoleId = currentRoleId && inThisVersion.has(currentRoleId) ? currentRoleId : null;

  // "From" starts at the viewer's current role when it belongs to this version and none was chosen; once only,
  // so that clearing the choice afterwards sticks.
  const defaulted = useRef(false);
  useEffect(() => {
    if (defaulted.current || !ownRoleId) return;
    defaulted.current = true;
    if (!search.get('from')) setSearch(searchFromPair({ fromId: ownRoleId, toId: search.get('to') ?? '' }), { replace: true });
  }, [ownRoleId, search, setSearch]);

  return (
    <Stack gap="lg">
      <RolePairPicker
        tracks={tool.view.tracks}
        value={pair}
        onChange={(next) => setSearch(searchFromPair(next), { replace: true })}
        fromLabel="From role"
        toLabel="To role"
      />
      <CareerRouteResult fromRoleId={pair.fromId} toRoleId={pair.toId}>
        {(highlighted) => (
          <>
            {ownRoleId ? (
              <ClosestRolesPanel
                currentRoleId={ownRoleId}
                onRouteTo={(toId) => setSearch(searchFromPair({ fromId: ownRoleId, toId }), { replace: true })}
              />
            ) : null}
            {tool.view.graphMoves.length > 0 ? <RouteGraph tool={tool} highlighted={highlighted} /> : null}
          </>
        )}
      </CareerRouteResult>
    </Stack>
  );
}

type RouteHighlight = { roleIds: string[] } | undefined;

/**
 * The route between two roles, measured against `profile` when given (the person's assessed skills: My career)
 * and against the viewer's current role's expectations otherwise. `children` gets the roles on the route, to
 * draw them on the role graph.
 */
export function CareerRouteResult({
  fromRoleId,
  toRoleId,
  profile,
  children,
}: {
  fromRoleId: string;
  toRoleId: string;
  profile?: { skillId: string; level: number }[];
  children?: (highlighted: RouteHighlight) => ReactNode;
}) {
  const ready = !!fromRoleId && !!toRoleId;
  const { data, loading, error, refetch } = useQuery(
    CareerRouteQuery,
    ready ? { variables: profile ? { fromRoleId, toRoleId, profile } : { fromRoleId, toRoleId } } : skipToken,
  );
  const route = ready ? data?.careerRoute : undefined;
  const highlighted = route?.found ? { roleIds: [route.from.id, ...route.steps.map((step) => step.to.id)] } : undefined;

  return (
    <>
      <section aria-labelledby="route-heading" aria-busy={loading}>
        {!ready ? (
          <Paper withBorder>
            <Empty title="Choose two roles" headingOrder={2} description="Pick where you start and where you want to go." />
          </Paper>
        ) : error && !route ? (
          <ErrorState title="Could not find a route" error={error} onRetry={() => refetch()} />
        ) : loading && !route ? (
          <LoadingState label="Finding a route…" lines={5} />
        ) : route ? (
          <RouteAnswer route={route} />
        ) : null}
      </section>
      {children?.(highlighted)}
    </>
  );
}

function RouteGraph({ tool, highlighted }: { tool: FrameworkTool; highlighted: RouteHighlight }) {
  return (
    <section aria-labelledby="route-graph-heading">
      <Stack gap="sm">
        <Title order={2} id="route-graph-heading">
          {highlighted ? 'The route on the role graph' : 'Role graph'}
        </Title>
        <Text size="sm" c="dimmed" id="route-graph-help">
          {highlighted
            ? 'Roles on the route carry a “Start” or “Step” label and a heavy outline; moves on the route are drawn thick, everything else is faded. The steps above say the same in words.'
            : 'Every role and move of this framework version. Choose two roles to highlight a route.'}
        </Text>
        <MovesLegend tracks={tool.view.tracks.map((t) => ({ id: t.id, name: t.name, color: t.color }))} />
        <div role="group" aria-label="Graph of roles and moves" aria-describedby="route-graph-help">
          <Suspense
            fallback={
              <div role="status" aria-live="polite">
                <Skeleton height={640} radius="md" />
                <VisuallyHidden>Loading the role graph…</VisuallyHidden>
              </div>
            }
          >
            <RoleGraph roles={tool.view.graphRoles} moves={tool.view.graphMoves} route={highlighted} />
          </Suspense>
        </div>
      </Stack>
    </section>
  );
}

const profileNote: Record<Route['profileSource'], string> = {
  CURRENT_ROLE_EXPECTATIONS:
    'Gaps assume you meet exactly what your current role expects; your own assessments will refine them once recorded.',
  NONE: 'You have no current role recorded, so gaps count every skill from zero.',
  GIVEN: 'Gaps are measured against your assessed skills (a skill not yet assessed counts from zero).',
};

function RouteAnswer({ route }: { route: Route }) {
  if (!route.found) {
    return (
      <Stack gap="sm">
        <Title order={2} id="route-heading" tabIndex={-1}>
          No route from {route.from.title} to {route.to.title}
        </Title>
        <Alert color="yellow" variant="light" title="There is no route between these roles">
          {route.message}
        </Alert>
      </Stack>
    );
  }
  if (route.steps.length === 0) {
    return (
      <Stack gap="sm">
        <Title order={2} id="route-heading" tabIndex={-1}>
          Route to {route.to.title}
        </Title>
        <Paper withBorder>
          <Empty title="You are already there" headingOrder={3} description="The two roles are the same: there is nothing to move." />
        </Paper>
      </Stack>
    );
  }
  const moves = route.steps.length === 1 ? '1 move' : `${route.steps.length} moves`;
  return (
    <Stack gap="md">
      <Title order={2} id="route-heading" tabIndex={-1}>
        Route from {route.from.title} to {route.to.title}
      </Title>
      <Group gap="xs">
        <Badge variant="light" size="lg">
          {moves}
        </Badge>
        <Badge variant="light" size="lg" color="gray">
          {`About ${formatMonths(route.totalMonths) ?? '0 months'}`}
        </Badge>
        <Badge variant="light" size="lg" color="orange">
          {`${route.totalShortfall} ${route.totalShortfall === 1 ? 'level' : 'levels'} to grow`}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {profileNote[route.profileSource]}
      </Text>
      {route.message ? (
        <Alert color="blue" variant="light" title="A cheaper route may exist">
          {route.message}
        </Alert>
      ) : null}
      <Stack component="ol" gap="md" aria-label="Steps of the route" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
        {route.steps.map((step, index) => {
          const headingId = `route-step-${index + 1}`;
          return (
            <Paper component="li" withBorder p="md" key={`${step.from.id}-${step.to.id}`} aria-labelledby={headingId}>
              <Stack gap="xs">
                <Title order={3} id={headingId} size="h4">
                  {`Step ${index + 1}: ${step.from.title} → ${step.to.title}`}
                </Title>
                <Text size="sm">
                  {transitionKindLabel[step.kind]} ·{' '}
                  {step.typicalMonthsAssumed
                    ? `${formatMonths(step.typicalMonths)} assumed (the framework gives no typical time for this move)`
                    : step.typicalMonths > 0
                      ? `typically ${formatMonths(step.typicalMonths)}`
                      : 'no minimum time'}{' '}
                  ·{' '}
                  <Anchor component={Link} to={`/roles/${step.to.id}`}>
                    {`About ${step.to.title}`}
                  </Anchor>
                </Text>
                {step.guidance ? <Text size="sm">{step.guidance}</Text> : null}
                {step.gaps.length === 0 ? (
                  <Text size="sm">No skill gaps: the skills gained so far meet this role.</Text>
                ) : (
                  <Table.ScrollContainer minWidth={420}>
                    <Table withTableBorder verticalSpacing="xs" aria-label={`Skill gaps for ${step.to.title}`}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Skill</Table.Th>
                          <Table.Th scope="col">Now</Table.Th>
                          <Table.Th scope="col">Needed</Table.Th>
                          <Table.Th scope="col">To grow</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {step.gaps.map((gap) => (
                          <Table.Tr key={gap.skill.id}>
                            <Table.Th scope="row">{gap.skill.name}</Table.Th>
                            <Table.Td>{gap.currentLevel > 0 ? skillLevelLabel(gap.skill, gap.currentLevel) : 'None'}</Table.Td>
                            <Table.Td>{skillLevelLabel(gap.skill, gap.requiredLevel)}</Table.Td>
                            <Table.Td>{`${gap.shortfall} ${gap.shortfall === 1 ? 'level' : 'levels'}`}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
                {step.missingQualifications.length > 0 ? (
                  <div>
                    <Text size="sm" fw={600}>
                      Required qualifications to gain
                    </Text>
                    <List size="sm">
                      {step.missingQualifications.map((qualification) => (
                        <List.Item key={qualification.id}>{qualification.name}</List.Item>
                      ))}
                    </List>
                  </div>
                ) : null}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}

/**
 * The roles nearest the viewer's current role (its expectations: the API is told it is their current role,
 * so it assumes nothing else), ranked by fit, each one click from a route.
 */
function ClosestRolesPanel({ currentRoleId, onRouteTo }: { currentRoleId: string; onRouteTo: (roleId: string) => void }) {
  const { data, loading, error, refetch } = useQuery(ClosestRolesQuery, { variables: { roleId: currentRoleId } });
  const fits = data?.closestRoles.roles;
  return (
    <section aria-labelledby="closest-roles-heading">
      <Stack gap="sm">
        <div>
          <Title order={2} id="closest-roles-heading">
            Roles closest to you
          </Title>
          <Text size="sm" c="dimmed">
            Ranked by how well what your current role expects fits them: levels short, levels above and skills they do not use all count.
          </Text>
        </div>
        {error && !fits ? (
          <ErrorState title="Could not rank the roles" error={error} onRetry={() => refetch()} />
        ) : loading && !fits ? (
          <LoadingState label="Ranking roles…" lines={3} />
        ) : !fits || fits.length === 0 ? (
          <Text c="dimmed">There are no other roles in this framework version.</Text>
        ) : (
          <Stack component="ol" gap="xs" aria-labelledby="closest-roles-heading" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
            {fits.map((fit) => (
              <Paper component="li" withBorder px="md" py="xs" key={fit.role.id}>
                <Group justify="space-between" gap="sm">
                  <div>
                    <Anchor component={Link} to={`/roles/${fit.role.id}`} fw={600}>
                      {fit.role.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {fit.shortfall === 0 ? 'You meet every expectation' : `${fit.shortfall} ${fit.shortfall === 1 ? 'level' : 'levels'} to grow`} ·{' '}
                      {`meets ${fit.metSkillCount} of ${fit.expectedSkillCount} skills`}
                    </Text>
                    <Text size="xs">{fit.explanation}</Text>
                  </div>
                  <Button variant="light" size="xs" onClick={() => onRouteTo(fit.role.id)} aria-label={`Find a route to ${fit.role.title}`}>
                    Find a route
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </section>
  );
}
