import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { skipToken, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { Markdown } from '../../components/markdown/Markdown';
import { FrameworkToolShell, type FrameworkTool } from './FrameworkToolShell';
import { pairFromSearch, RolePairPicker, searchFromPair } from './RolePairPicker';
import { skillLevelLabel, type ScaledSkill } from '../../components/levels/levels';

export const RoleComparisonQuery = graphql(`
  query RoleComparison($fromRoleId: ID!, $toRoleId: ID!) {
    roleComparison(fromRoleId: $fromRoleId, toRoleId: $toRoleId) {
      from {
        id
        title
      }
      to {
        id
        title
      }
      changes {
        skill {
          id
          name
          ...SkillScaleFields
        }
        fromLevel
        toLevel
        difference
        fromDescriptor
        toDescriptor
      }
    }
  }
`);

export function RoleComparisonPage() {
  return (
    <FrameworkToolShell
      title="Compare roles"
      intro="Choose two roles to see every skill whose expected level differs between them, with what each level looks like."
    >
      {(tool) => <RoleComparison tool={tool} />}
    </FrameworkToolShell>
  );
}

function RoleComparison({ tool }: { tool: FrameworkTool }) {
  const [search, setSearch] = useSearchParams();
  const pair = pairFromSearch(search);
  return (
    <Stack gap="lg">
      <RolePairPicker
        tracks={tool.view.tracks}
        value={pair}
        onChange={(next) => setSearch(searchFromPair(next), { replace: true })}
        fromLabel="Compare from"
        toLabel="Compare to"
      />
      <RoleComparisonResult fromRoleId={pair.fromId} toRoleId={pair.toId} />
    </Stack>
  );
}

/**
 * Every skill whose expected level differs between two roles. Given a person's profile (skill id → level), a
 * column shows their own level beside the two roles' (My career uses this).
 */
export function RoleComparisonResult({
  fromRoleId,
  toRoleId,
  profile,
}: {
  fromRoleId: string;
  toRoleId: string;
  profile?: ReadonlyMap<string, number>;
}) {
  const ready = !!fromRoleId && !!toRoleId;
  const { data, loading, error, refetch } = useQuery(
    RoleComparisonQuery,
    ready ? { variables: { fromRoleId, toRoleId } } : skipToken,
  );
  const comparison = data?.roleComparison;

  return (
    <section aria-labelledby="comparison-heading" aria-busy={loading}>
      {!ready ? (
        <Paper withBorder>
          <Empty title="Choose two roles" headingOrder={2} description="Pick a role in each list to compare them." />
        </Paper>
      ) : error && !comparison ? (
        <ErrorState title="Could not compare these roles" error={error} onRetry={() => refetch()} />
      ) : loading && !comparison ? (
        <LoadingState label="Comparing roles…" lines={5} />
      ) : comparison ? (
        <Stack gap="sm">
          <Title order={2} id="comparison-heading">
            From {comparison.from.title} to {comparison.to.title}
          </Title>
          {comparison.changes.length === 0 ? (
            <Paper withBorder>
              <Empty
                title="No differences"
                headingOrder={3}
                description={
                  comparison.from.id === comparison.to.id
                    ? 'You chose the same role twice.'
                    : 'These two roles expect the same level in every skill.'
                }
              />
            </Paper>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {comparison.changes.length === 1 ? '1 skill differs.' : `${comparison.changes.length} skills differ.`} Skills
                both roles expect at the same level are left out.
              </Text>
              <Table.ScrollContainer minWidth={760}>
                <Table aria-labelledby="comparison-heading" verticalSpacing="sm" withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Skill</Table.Th>
                      {profile ? <Table.Th scope="col">You (assessed)</Table.Th> : null}
                      <Table.Th scope="col">{comparison.from.title}</Table.Th>
                      <Table.Th scope="col">{comparison.to.title}</Table.Th>
                      <Table.Th scope="col">Change</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {comparison.changes.map((change) => (
                      <Table.Tr key={change.skill.id}>
                        <Table.Th scope="row" fw={600}>
                          {change.skill.name}
                        </Table.Th>
                        {profile ? (
                          <Table.Td>
                            <Text size="sm">{(profile.get(change.skill.id) ?? 0) > 0 ? skillLevelLabel(change.skill, profile.get(change.skill.id) ?? 0) : 'Not assessed'}</Text>
                          </Table.Td>
                        ) : null}
                        <Table.Td>
                          <LevelCell level={change.fromLevel} descriptor={change.fromDescriptor} skill={change.skill} />
                        </Table.Td>
                        <Table.Td>
                          <LevelCell level={change.toLevel} descriptor={change.toDescriptor} skill={change.skill} />
                        </Table.Td>
                        <Table.Td>
                          <ChangeText difference={change.difference} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Stack>
      ) : null}
    </section>
  );
}

function LevelCell({
  level,
  descriptor,
  skill,
}: {
  level: number;
  descriptor: string | null | undefined;
  /** The skill, on whose own scale the level is named. */
  skill: ScaledSkill;
}) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {skillLevelLabel(skill, level)}
      </Text>
      {descriptor ? (
        <Text size="sm" component="div">
          <Markdown text={descriptor} />
        </Text>
      ) : null}
    </Stack>
  );
}

/** The change in words and sign (never colour alone), kept on one line. */
function ChangeText({ difference }: { difference: number }) {
  const size = Math.abs(difference);
  const levels = size === 1 ? 'level' : 'levels';
  return (
    <Text size="sm" fw={600} c={difference > 0 ? 'pine.8' : 'red.9'} style={{ whiteSpace: 'nowrap' }}>
      {difference > 0 ? `+${size} (${size} ${levels} up)` : `−${size} (${size} ${levels} down)`}
    </Text>
  );
}
