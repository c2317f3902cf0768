import { Alert, Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useId, useState, type ReactNode } from 'react';
import { graphql } from '../../gql';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { skillLevelLabel, type CareerVersion } from './careerData';
import { isWideScreen } from './wideScreen';

export const PointsLevelQuery = graphql(`
  query PointsLevel($frameworkId: ID!, $profile: [SkillLevelInput!]!) {
    pointsLevel(frameworkId: $frameworkId, profile: $profile) {
      points
      level
      subLevel
      nextSubLevel {
        name
        pointsNeeded
      }
      titles
      unratedSkills
      next {
        level
        pointsNeeded
      }
      skills {
        skillId
        level
        points
      }
    }
  }
`);

const pointsWord = (n: number) => `${n} more ${n === 1 ? 'point' : 'points'}`;

/** "Level 3 · C", "P2 · C": a level named with a bare number ("3", Snowflake's "2.1") reads "Level 3". */
function levelName(level: string, subLevel: string | null | undefined): string {
  const named = /^\d+(\.\d+)*$/.test(level.trim()) ? `Level ${level}` : level;
  return subLevel ? `${named} · ${subLevel}` : named;
}

/** What the next sub-level and the next level need, in one or two sentences. */
function nextSteps(result: {
  level: string;
  nextSubLevel?: { name: string; pointsNeeded: number } | null;
  next?: { level: string; pointsNeeded: number } | null;
}): string {
  const parts: string[] = [];
  if (result.nextSubLevel) parts.push(`${pointsWord(result.nextSubLevel.pointsNeeded)} to reach ${levelName(result.level, result.nextSubLevel.name)}`);
  if (result.next) parts.push(`${pointsWord(result.next.pointsNeeded)} to reach ${levelName(result.next.level, null)}`);
  if (parts.length === 0) return 'That is the rule’s top level.';
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/**
 * "What level am I?" by the organisation's own points rule, from my ratings only (nothing assumed: a skill I have
 * not rated earns nothing, and the page says the answer may be low because of it).
 */
export function WhatLevelAmI({
  frameworkId,
  version,
  profile,
}: {
  frameworkId: string;
  version: CareerVersion;
  profile: { skillId: string; level: number }[];
}) {
  const { data, loading, error, refetch } = useQuery(PointsLevelQuery, { variables: { frameworkId, profile } });
  const result = data?.pointsLevel;
  const skillById = new Map(version.skills.map((skill) => [skill.id, skill]));
  return (
    <section aria-labelledby="points-level-heading">
      <Stack gap="sm">
        <Title order={2} id="points-level-heading">
          What level am I?
        </Title>
        {error && !data ? (
          <ErrorState title="Could not work out your level" error={error} onRetry={() => refetch()} />
        ) : loading && !data ? (
          <LoadingState label="Working out your level…" lines={2} />
        ) : !result ? (
          <Text size="sm">This framework has no points rule for levels.</Text>
        ) : (
          <>
            <Group gap="sm" align="baseline">
              <Text size="lg">
                <strong>{levelName(result.level, result.subLevel)}</strong> with {result.points} {result.points === 1 ? 'point' : 'points'}
              </Text>
              {result.titles.map((title) => (
                <Badge key={title} variant="light">
                  {title}
                </Badge>
              ))}
            </Group>
            <SubLevelLadder version={version} level={result.level} subLevel={result.subLevel ?? null} />
            <Text size="sm">
              {nextSteps(result)} Worked out by your organisation’s own rule from your latest ratings.
            </Text>
            {result.unratedSkills > 0 ? (
              <Alert color="yellow" variant="light" title="This may understate your level">
                {result.unratedSkills} of {version.skills.length} skills are not rated yet and count as 0 points. Rate them to see your
                full level.
              </Alert>
            ) : null}
            {result.skills.length > 0 ? (
              <PointsPerSkill count={result.skills.length}>
              <Table.ScrollContainer minWidth={360}>
                <Table aria-label="Points per skill" withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Skill</Table.Th>
                      <Table.Th scope="col">My level</Table.Th>
                      <Table.Th scope="col">Points</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.skills.map((entry) => {
                      const skill = skillById.get(entry.skillId);
                      return (
                        <Table.Tr key={entry.skillId}>
                          <Table.Th scope="row">{skill?.name ?? 'A skill'}</Table.Th>
                          <Table.Td>{skillLevelLabel(version, skill, entry.level)}</Table.Td>
                          <Table.Td>{entry.points}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              </PointsPerSkill>
            ) : null}
          </>
        )}
      </Stack>
    </section>
  );
}

/** The points table is a line per rated skill (about 1,500 px on a phone): there it waits behind a button; on a wide screen it is shown. */
function PointsPerSkill({ count, children }: { count: number; children: ReactNode }) {
  const [shown, setShown] = useState(isWideScreen);
  const id = useId();
  return (
    <>
      <Group>
        <Button variant="subtle" size="compact-sm" aria-expanded={shown} aria-controls={id} onClick={() => setShown((value) => !value)}>
          {shown ? 'Hide the points per skill' : `Show the points per skill (${count})`}
        </Button>
      </Group>
      <div id={id} hidden={!shown}>
        {shown ? children : null}
      </div>
    </>
  );
}

/** The reached level's sub-levels in order, mine marked, so "B" reads as a step of a ladder. */
function SubLevelLadder({ version, level, subLevel }: { version: CareerVersion; level: string; subLevel: string | null }) {
  const subLevels = version.levelling?.levels.find((l) => l.name === level)?.subLevels ?? [];
  if (!subLevel || subLevels.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" c="dimmed" component="span">
        Sub-levels of {levelName(level, null)}:
      </Text>
      <Group gap={6} wrap="wrap" role="list" aria-label={`Sub-levels of ${levelName(level, null)}`}>
      {subLevels.map((sub) => {
        const mine = sub.name === subLevel;
        return (
          <Badge key={sub.name} role="listitem" variant={mine ? 'filled' : 'outline'} aria-current={mine ? 'step' : undefined} tt="none">
            {sub.name} from {sub.minPoints}
            {mine ? <VisuallyHidden> (you are here)</VisuallyHidden> : null}
          </Badge>
        );
      })}
      </Group>
    </Group>
  );
}
