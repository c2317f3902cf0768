import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';

export interface BrowsedLevelling {
  pointsByLevel: readonly { level: number; points: number }[];
  levels: readonly { minPoints: number; name: string; subLevels?: readonly { name: string; minPoints: number }[] }[];
  titles: readonly { title: string; minPoints: number; maxPoints?: number | null }[];
}

/** The framework's points rule (Snowflake-like): what each skill level is worth, the levels by points, titles by range. */
export function LevellingRule({ rule }: { rule: BrowsedLevelling }) {
  const levels = [...rule.levels].sort((a, b) => a.minPoints - b.minPoints);
  const hasSubLevels = levels.some((l) => (l.subLevels?.length ?? 0) > 0);
  return (
    <section aria-labelledby="levelling-heading">
      <Stack gap="sm">
        <div>
          <Title order={2} id="levelling-heading">
            Levelling by points
          </Title>
          <Text size="sm" c="dimmed">
            Each skill&apos;s level earns points; the total gives the level{hasSubLevels ? ', its sub-level' : ''} and the titles whose range
            holds it. My career works out yours from your ratings.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Table aria-label="Points per skill level" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Skill level</Table.Th>
                <Table.Th scope="col">Points</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rule.pointsByLevel.map((p) => (
                <Table.Tr key={p.level}>
                  <Table.Td>{p.level}</Table.Td>
                  <Table.Td>{p.points}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table aria-label="Levels by points" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Level</Table.Th>
                <Table.Th scope="col">From points</Table.Th>
                {hasSubLevels ? <Table.Th scope="col">Sub-levels from points</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {levels.map((l) => (
                <Table.Tr key={`${l.name}-${l.minPoints}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.name}</Table.Td>
                  <Table.Td>{l.minPoints}</Table.Td>
                  {hasSubLevels ? (
                    <Table.Td>
                      {l.subLevels && l.subLevels.length > 0 ? (
                        <Text size="sm" component="span">
                          {l.subLevels.map((s) => `${s.name} ${s.minPoints}`).join(' · ')}
                        </Text>
                      ) : (
                        <Text size="sm" component="span" c="dimmed">
                          none
                        </Text>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rule.titles.length > 0 ? (
            <Table aria-label="Titles by points" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Title</Table.Th>
                  <Table.Th scope="col">Points</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rule.titles.map((t) => (
                  <Table.Tr key={`${t.title}-${t.minPoints}`}>
                    <Table.Td>{t.title}</Table.Td>
                    <Table.Td>{t.maxPoints != null ? `${t.minPoints}–${t.maxPoints}` : `${t.minPoints}+`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </SimpleGrid>
      </Stack>
    </section>
  );
}
