import { ActionIcon, Group, NativeSelect, Tooltip } from '@mantine/core';
import type { FrameworkView } from '../frameworks/frameworkView';

export interface RolePair {
  fromId: string;
  toId: string;
}

/**
 * Two native selects (fully keyboard-operable, announced by every screen reader), roles grouped by track, and a
 * button that swaps them. An empty id means "not chosen yet".
 */
export function RolePairPicker({
  tracks,
  value,
  onChange,
  fromLabel,
  toLabel,
}: {
  tracks: FrameworkView['tracks'];
  value: RolePair;
  onChange: (pair: RolePair) => void;
  fromLabel: string;
  toLabel: string;
}) {
  const data = [
    { value: '', label: 'Choose a role…' },
    ...tracks
      .filter((track) => track.roles.length > 0)
      .map((track) => ({ group: track.name, items: track.roles.map((role) => ({ value: role.id, label: role.title })) })),
  ];
  const known = new Set(tracks.flatMap((track) => track.roles.map((role) => role.id)));
  const shown = (id: string) => (known.has(id) ? id : '');
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label={fromLabel}
        data={data}
        value={shown(value.fromId)}
        onChange={(event) => onChange({ ...value, fromId: event.currentTarget.value })}
        w={{ base: '100%', sm: 300 }}
      />
      <Tooltip label="Swap the two roles">
        <ActionIcon
          variant="default"
          size="lg"
          mb={2}
          aria-label="Swap the two roles"
          disabled={!value.fromId && !value.toId}
          onClick={() => onChange({ fromId: value.toId, toId: value.fromId })}
        >
          <span aria-hidden>⇄</span>
        </ActionIcon>
      </Tooltip>
      <NativeSelect
        label={toLabel}
        data={data}
        value={shown(value.toId)}
        onChange={(event) => onChange({ ...value, toId: event.currentTarget.value })}
        w={{ base: '100%', sm: 300 }}
      />
    </Group>
  );
}

/** The pair of roles kept in the page's address (?from=…&to=…), so a comparison or a route can be linked to. */
export function pairFromSearch(search: URLSearchParams): RolePair {
  return { fromId: search.get('from') ?? '', toId: search.get('to') ?? '' };
}

export function searchFromPair(pair: RolePair): URLSearchParams {
  const search = new URLSearchParams();
  if (pair.fromId) search.set('from', pair.fromId);
  if (pair.toId) search.set('to', pair.toId);
  return search;
}
