import { Badge, Table, Text } from '@mantine/core';

export interface ScaleLevel {
  level: number;
  name: string;
  summary: string;
}

export function ProficiencyScaleTable({ levels, labelledBy }: { levels: ScaleLevel[]; labelledBy: string }) {
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  return (
    <Table aria-labelledby={labelledBy} verticalSpacing="sm" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={80}>
            Level
          </Table.Th>
          <Table.Th scope="col" w={180}>
            Name
          </Table.Th>
          <Table.Th scope="col">What it means</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((level) => (
          <Table.Tr key={level.level}>
            <Table.Td>
              <Badge variant="light" size="lg" circle>
                {level.level}
              </Badge>
            </Table.Td>
            <Table.Th scope="row" fw={600}>
              {level.name}
            </Table.Th>
            <Table.Td>
              <Text size="sm">{level.summary}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
