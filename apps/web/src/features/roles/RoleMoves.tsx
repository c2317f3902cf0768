import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { TransitionKind } from '../../gql/graphql';
import { formatMonths, moveColor, transitionKindLabel } from '../../lib/labels';

export interface RoleMove {
  id: string;
  kind: TransitionKind;
  typicalMonths?: number | null;
  guidance?: string | null;
  /** The role at the other end of the move. */
  other: { id: string; title: string; level: number; track: { name: string } };
}

function timing(typicalMonths: number, months: string, where: string): string {
  return typicalMonths <= 0 ? `No minimum time ${where}.` : `Typically after ${months} ${where}.`;
}

/** One direction of a role's moves (out of it, or into it) as a labelled list of cards. */
export function RoleMoves({
  headingId,
  heading,
  moves,
  direction,
  emptyText,
}: {
  headingId: string;
  heading: string;
  moves: RoleMove[];
  direction: 'out' | 'in';
  emptyText: string;
}) {
  const sorted = [...moves].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'PROMOTION' ? -1 : 1) ||
      a.other.level - b.other.level ||
      a.other.title.localeCompare(b.other.title),
  );
  return (
    <Stack gap="sm">
      <Title order={3} id={headingId}>
        {heading}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" aria-labelledby={headingId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {sorted.map((move) => {
            const months = formatMonths(move.typicalMonths);
            return (
              <Card key={move.id} component="li" withBorder padding="md">
                <Group justify="space-between" align="flex-start" gap="sm">
                  <div>
                    <Anchor component={Link} to={`/roles/${move.other.id}`} fw={600}>
                      {move.other.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {move.other.track.name} · Level {move.other.level}
                    </Text>
                  </div>
                  <Badge
                    variant={move.kind === 'PROMOTION' ? 'light' : 'outline'}
                    color={moveColor[move.kind]}
                    style={{ flexShrink: 0 }}
                  >
                    {transitionKindLabel[move.kind]}
                  </Badge>
                </Group>
                {months ? (
                  <Text size="sm" mt="xs">
                    {timing(move.typicalMonths ?? 0, months, direction === 'out' ? 'in this role' : `as ${move.other.title}`)}
                  </Text>
                ) : null}
                {move.guidance ? (
                  <Text size="sm" mt="xs" c="dimmed">
                    {move.guidance}
                  </Text>
                ) : null}
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
