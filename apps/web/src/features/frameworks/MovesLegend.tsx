import { Group, Text } from '@mantine/core';
import type { TransitionKind } from '../../gql/graphql';
import { moveColor, transitionKindLabel } from '../../lib/labels';

function LineSample({ kind }: { kind: TransitionKind }) {
  const color = moveColor[kind];
  return (
    <svg width="44" height="12" viewBox="0 0 44 12" aria-hidden="true" focusable="false">
      <line
        x1="2"
        y1="6"
        x2="34"
        y2="6"
        stroke={color}
        strokeWidth="2.5"
        strokeDasharray={kind === 'LATERAL' ? '6 4' : undefined}
      />
      <path d="M34 1 L43 6 L34 11 Z" fill={color} />
    </svg>
  );
}

/** Explains the two edge styles of the role graph. */
export function MovesLegend({ tracks }: { tracks: { id: string; name: string; color: string }[] }) {
  return (
    <Group gap="lg" wrap="wrap" component="ul" aria-label="Legend" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {(['PROMOTION', 'LATERAL'] as const).map((kind) => (
        <Group key={kind} component="li" gap={6} wrap="nowrap">
          <LineSample kind={kind} />
          <Text size="sm">
            {transitionKindLabel[kind]}
            {kind === 'PROMOTION' ? ' (solid line)' : ' (dashed line)'}
          </Text>
        </Group>
      ))}
      {tracks.map((track) => (
        <Group key={track.id} component="li" gap={6} wrap="nowrap">
          <span
            aria-hidden="true"
            style={{ width: 12, height: 12, borderRadius: 3, background: track.color, display: 'inline-block' }}
          />
          <Text size="sm">{track.name}</Text>
        </Group>
      ))}
    </Group>
  );
}
