import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { graphql } from '../../gql';
import type { TeamTreeQuery as TeamTreeResult } from '../../gql/graphql';
import { isAdmin, useSignedInViewer } from '../session/viewer';
import { buildTeamTree, teamIds, type TeamNode } from './teamTree';
import classes from './TeamsPage.module.css';

export const TeamTreeQuery = graphql(`
  query TeamTree {
    teams {
      id
      name
      path
      parent {
        id
      }
      people {
        id
        name
        jobTitle
        active
      }
    }
  }
`);

type ApiTeam = TeamTreeResult['teams'][number];
interface TreeTeam {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  people: ApiTeam['people'];
}
type Node = TeamNode<TreeTeam>;

const plural = (n: number) => (n === 1 ? '1 person' : `${n} people`);

function activePeople(team: TreeTeam) {
  return team.people.filter((person) => person.active);
}

function totalPeople(node: Node): number {
  return activePeople(node.team).length + node.children.reduce((sum, child) => sum + totalPeople(child), 0);
}

/** The team tree: each team a disclosure (a heading with a button), listing its people and then its sub-teams. */
export function TeamsPage() {
  const viewer = useSignedInViewer();
  const { data, loading, error, refetch } = useQuery(TeamTreeQuery);
  const tree = useMemo(
    () =>
      data
        ? buildTeamTree<TreeTeam>(
            data.teams.map((team) => ({
              id: team.id,
              parentId: team.parent?.id ?? null,
              name: team.name,
              path: team.path,
              people: team.people,
            })),
          )
        : null,
    [data],
  );
  // Top-level teams start open; everything else starts closed.
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const open = expanded ?? new Set(tree?.map((node) => node.team.id) ?? []);
  const toggle = (id: string) => {
    const nextOpen = new Set(open);
    if (nextOpen.has(id)) nextOpen.delete(id);
    else nextOpen.add(id);
    setExpanded(nextOpen);
  };

  let content;
  if (error && !data) {
    content = <ErrorState title="Could not load teams" error={error} onRetry={() => refetch()} />;
  } else if ((loading && !data) || !tree) {
    content = (
      <LoadingState label="Loading teams…">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={44} width={`${90 - i * 10}%`} ml={i * 24} />
        ))}
      </LoadingState>
    );
  } else if (tree.length === 0) {
    content = (
      <Paper withBorder>
        <Empty
          title="No teams yet"
          description={
            isAdmin(viewer) ? (
              <>
                Teams are created when you{' '}
                <Anchor component={Link} to="/admin/import">
                  import people
                </Anchor>{' '}
                with a team column, such as Delivery/PMO.
              </>
            ) : (
              'When your organisation sets up its teams, they will be shown here.'
            )
          }
        />
      </Paper>
    );
  } else {
    content = (
      <Stack gap="sm">
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setExpanded(new Set(teamIds(tree)))}>
            Expand all
          </Button>
          <Button variant="default" size="xs" onClick={() => setExpanded(new Set())}>
            Collapse all
          </Button>
        </Group>
        <Paper withBorder p="md">
          <ul className={classes.tree} aria-labelledby="teams-heading">
            {tree.map((node) => (
              <TeamBranch key={node.team.id} node={node} open={open} onToggle={toggle} />
            ))}
          </ul>
        </Paper>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <title>Teams · Trellis</title>
      <div>
        <Title order={1} id="teams-heading">
          Teams
        </Title>
        <Text c="dimmed" mt={4}>
          How your organisation is organised. Open a team to see its people and its sub-teams.
        </Text>
      </div>
      {content}
    </Stack>
  );
}

function TeamBranch({ node, open, onToggle }: { node: Node; open: Set<string>; onToggle: (id: string) => void }) {
  const { team } = node;
  const isOpen = open.has(team.id);
  const people = activePeople(team);
  const total = totalPeople(node);
  const panelId = `team-panel-${team.id}`;
  const level = Math.min(node.depth + 2, 6) as 2 | 3 | 4 | 5 | 6;
  return (
    <li className={classes.branch}>
      <Group gap="sm" wrap="nowrap" className={classes.row}>
        <Title order={level} size="h5" className={classes.heading}>
          <UnstyledButton
            className={classes.toggle}
            aria-expanded={isOpen}
            aria-controls={panelId}
            onClick={() => onToggle(team.id)}
          >
            <span className={classes.chevron} data-open={isOpen || undefined} aria-hidden="true">
              ▸
            </span>
            {team.name}
          </UnstyledButton>
        </Title>
        <Badge variant="light" size="sm" className={classes.count}>
          {plural(people.length)}
        </Badge>
        {node.children.length > 0 ? (
          <Text size="xs" c="dimmed">
            {plural(total)} with sub-teams
          </Text>
        ) : null}
      </Group>
      <div id={panelId} hidden={!isOpen} className={classes.panel}>
        {people.length === 0 ? (
          <Text size="sm" c="dimmed" className={classes.people}>
            No one is in {team.name} directly.
          </Text>
        ) : (
          <ul className={classes.people} aria-label={`People in ${team.path}`}>
            {people.map((person) => (
              <li key={person.id}>
                <Anchor component={Link} to={`/people/${person.id}`} size="sm">
                  {person.name}
                </Anchor>
                {person.jobTitle ? (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    · {person.jobTitle}
                  </Text>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {node.children.length > 0 ? (
          <ul className={classes.tree} aria-label={`Teams in ${team.path}`}>
            {node.children.map((child) => (
              <TeamBranch key={child.team.id} node={child} open={open} onToggle={onToggle} />
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
