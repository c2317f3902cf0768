import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatMonths, moveColor, transitionKindLabel } from '../../lib/labels';
import type { Move } from './moves';

/** Every move as a table: the text alternative to the role graph. */
export function MovesTable({ moves, labelledBy }: { moves: Move[]; labelledBy: string }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-labelledby={labelledBy} striped highlightOnHover verticalSpacing="sm" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">From</Table.Th>
            <Table.Th scope="col">To</Table.Th>
            <Table.Th scope="col" miw={130}>
              Kind
            </Table.Th>
            <Table.Th scope="col" miw={120}>
              Typical time before the move
            </Table.Th>
            <Table.Th scope="col">Guidance</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {moves.map((move) => (
            <Table.Tr key={move.id}>
              <Table.Td>
                <Anchor component={Link} to={`/roles/${move.from.id}`} size="sm">
                  {move.from.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/roles/${move.to.id}`} size="sm">
                  {move.to.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant={move.kind === 'PROMOTION' ? 'light' : 'outline'}
                  color={moveColor[move.kind]}
                  size="sm"
                  styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                >
                  {transitionKindLabel[move.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatMonths(move.typicalMonths) ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={move.guidance ? undefined : 'dimmed'}>
                  {move.guidance ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
