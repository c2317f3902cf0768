import { Anchor, Badge, Button, Checkbox, Group, Loader, Paper, Select, Skeleton, Stack, Switch, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useDebouncedCallback } from '@mantine/hooks';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import type { PeopleQuery as PeopleQueryResult } from '../../gql/graphql';
import { accessRoleLabel, signInStatusColor, signInStatusLabel } from '../../lib/labels';
import { PeopleQuery, TeamOptionsQuery } from './queries';

export type DirectoryPerson = PeopleQueryResult['people'][number];

/** How long typing has to pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

/** Ticking people in the admin list (to invite them): which may be ticked, which are, and the toolbar that acts on them. */
export interface DirectorySelection {
  selectable: (person: DirectoryPerson) => boolean;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  toolbar: (shown: readonly DirectoryPerson[]) => ReactNode;
}

/**
 * The people directory: a debounced search (name, e-mail, job title), a team filter, a "show people who left"
 * switch, and a table. The admin variant adds e-mail, sign-in status, access role and an Edit link per person, and
 * a tick box per person when given a `selection`.
 */
export function PeopleDirectory({
  variant,
  labelledBy,
  selection,
}: {
  variant: 'directory' | 'admin';
  labelledBy: string;
  selection?: DirectorySelection;
}) {
  const [search, setSearch] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [includeLeft, setIncludeLeft] = useState(false);
  // The text the query runs with: it follows the box once typing pauses, and at once when the search is cleared.
  const [debouncedSearch, setDebouncedSearch] = useState('');
  const searchLater = useDebouncedCallback((text: string) => setDebouncedSearch(text), SEARCH_DEBOUNCE_MS);
  const changeSearch = (text: string) => {
    setSearch(text);
    if (text.trim() === '') {
      searchLater.cancel();
      setDebouncedSearch('');
    } else {
      searchLater(text.trim());
    }
  };
  const countId = useId();

  const variables = {
    includeLeft,
    ...(debouncedSearch ? { search: debouncedSearch } : {}),
    ...(teamId ? { teamId } : {}),
  };
  const { data, previousData, loading, error, refetch } = useQuery(PeopleQuery, { variables });
  const teams = useQuery(TeamOptionsQuery);
  const teamOptions = useMemo(
    () =>
      [...(teams.data?.teams ?? [])]
        .sort((a, b) => a.path.localeCompare(b.path))
        .map((team) => ({ value: team.id, label: team.path })),
    [teams.data],
  );

  // While a new search runs, keep showing the last answer (dimmed) rather than flashing a skeleton.
  const people = (data ?? previousData)?.people;
  const searching = loading && data === undefined && previousData !== undefined;
  const filtered = Boolean(debouncedSearch || teamId || includeLeft);
  const clearFilters = () => {
    changeSearch('');
    setTeamId(null);
    setIncludeLeft(false);
  };

  let content;
  if (error && !data) {
    content = <ErrorState title="Could not load people" error={error} onRetry={() => refetch()} />;
  } else if (!people) {
    content = (
      <LoadingState label="Loading people…">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} height={36} />
        ))}
      </LoadingState>
    );
  } else if (people.length === 0) {
    content = (
      <Paper withBorder>
        {filtered ? (
          <Empty
            title="No one matches"
            description="Try another search, another team, or include people who left."
            action={
              <Button variant="light" onClick={clearFilters}>
                Clear search and filters
              </Button>
            }
          />
        ) : (
          <Empty
            title="No people yet"
            description={
              variant === 'admin' ? (
                <>
                  <Anchor component={Link} to="/admin/invitations">
                    Invite people
                  </Anchor>{' '}
                  or{' '}
                  <Anchor component={Link} to="/admin/import">
                    import them from a CSV file
                  </Anchor>
                  .
                </>
              ) : (
                'When your organisation adds people, they will be listed here.'
              )
            }
          />
        )}
      </Paper>
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={variant === 'admin' ? 1040 : 760}>
        <Table
          aria-labelledby={labelledBy}
          aria-describedby={countId}
          aria-busy={searching || undefined}
          striped
          highlightOnHover
          verticalSpacing="sm"
          withTableBorder
          style={{ opacity: searching ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              {selection ? (
                <Table.Th scope="col" w={40}>
                  <SelectAll people={people} selection={selection} />
                </Table.Th>
              ) : null}
              <Table.Th scope="col">Name</Table.Th>
              {variant === 'admin' ? <Table.Th scope="col">E-mail</Table.Th> : null}
              {variant === 'admin' ? <Table.Th scope="col">Sign-in</Table.Th> : null}
              <Table.Th scope="col">Job title</Table.Th>
              <Table.Th scope="col">Team</Table.Th>
              <Table.Th scope="col">Manager</Table.Th>
              <Table.Th scope="col">Current role</Table.Th>
              {variant === 'admin' ? <Table.Th scope="col">Access role</Table.Th> : null}
              {variant === 'admin' ? (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((person) => (
              <PersonRow key={person.id} person={person} variant={variant} selection={selection} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label="Search people"
          description="Name, e-mail or job title"
          type="search"
          value={search}
          onChange={(event) => changeSearch(event.currentTarget.value)}
          rightSection={searching ? <Loader size="xs" aria-hidden="true" /> : null}
          style={{ flex: '1 1 260px' }}
        />
        <Select
          label="Team"
          description="Show one team"
          placeholder="All teams"
          data={teamOptions}
          value={teamId}
          onChange={setTeamId}
          searchable
          clearable
          nothingFoundMessage="No team has that name"
          style={{ flex: '1 1 220px' }}
        />
        <Switch
          label="Show people who left"
          checked={includeLeft}
          onChange={(event) => setIncludeLeft(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <Text id={countId} size="sm" c="dimmed" role="status" aria-live="polite">
        {people ? countText(people.length, searching) : ''}
      </Text>
      {selection && people ? selection.toolbar(people) : null}
      {content}
    </Stack>
  );
}

function countText(count: number, searching: boolean): string {
  if (searching) return 'Searching…';
  return count === 1 ? '1 person' : `${count} people`;
}

/** Ticks (or unticks) every person shown who may be ticked. */
function SelectAll({ people, selection }: { people: readonly DirectoryPerson[]; selection: DirectorySelection }) {
  const selectable = people.filter(selection.selectable).map((person) => person.id);
  const ticked = selectable.filter((id) => selection.selected.includes(id));
  return (
    <Checkbox
      aria-label="Select everyone shown who can be invited"
      disabled={selectable.length === 0}
      checked={selectable.length > 0 && ticked.length === selectable.length}
      indeterminate={ticked.length > 0 && ticked.length < selectable.length}
      onChange={(event) =>
        selection.onChange(
          event.currentTarget.checked
            ? [...new Set([...selection.selected, ...selectable])]
            : selection.selected.filter((id) => !selectable.includes(id)),
        )
      }
    />
  );
}

function PersonRow({ person, variant, selection }: { person: DirectoryPerson; variant: 'directory' | 'admin'; selection?: DirectorySelection }) {
  return (
    <Table.Tr>
      {selection ? (
        <Table.Td>
          {selection.selectable(person) ? (
            <Checkbox
              aria-label={`Select ${person.name}`}
              checked={selection.selected.includes(person.id)}
              onChange={(event) =>
                selection.onChange(
                  event.currentTarget.checked
                    ? [...selection.selected, person.id]
                    : selection.selected.filter((id) => id !== person.id),
                )
              }
            />
          ) : null}
        </Table.Td>
      ) : null}
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Anchor component={Link} to={`/people/${person.id}`} size="sm" fw={500}>
            {person.name}
          </Anchor>
          {person.active ? null : (
            <Badge size="xs" variant="outline" color="gray">
              Left
            </Badge>
          )}
        </Group>
      </Table.Td>
      {variant === 'admin' ? (
        <Table.Td>
          <Text size="sm">{person.email}</Text>
        </Table.Td>
      ) : null}
      {variant === 'admin' ? (
        <Table.Td>
          {person.signIn ? (
            <Badge variant="light" color={signInStatusColor[person.signIn.status]}>
              {signInStatusLabel[person.signIn.status]}
            </Badge>
          ) : (
            <Text size="sm">—</Text>
          )}
        </Table.Td>
      ) : null}
      <Table.Td>
        <Text size="sm">{person.jobTitle ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{person.team?.path ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        {person.manager ? (
          <Anchor component={Link} to={`/people/${person.manager.id}`} size="sm">
            {person.manager.name}
          </Anchor>
        ) : (
          <Text size="sm">—</Text>
        )}
      </Table.Td>
      <Table.Td>
        {person.currentRole ? (
          <Anchor component={Link} to={`/roles/${person.currentRole.id}`} size="sm">
            {person.currentRole.title}
          </Anchor>
        ) : (
          <Text size="sm">—</Text>
        )}
      </Table.Td>
      {variant === 'admin' ? (
        <Table.Td>
          <Text size="sm">{accessRoleLabel[person.accessRole]}</Text>
        </Table.Td>
      ) : null}
      {variant === 'admin' ? (
        <Table.Td>
          <Anchor component={Link} to={`/admin/people/${person.id}`} size="sm" aria-label={`Edit ${person.name}`}>
            Edit
          </Anchor>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
