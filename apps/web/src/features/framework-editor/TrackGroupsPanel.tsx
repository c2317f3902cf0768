import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { uniqueKey, type TrackGroupDocument } from '@trellis/domain';
import { useState } from 'react';
import { FormDialog, textOf } from './FormDialog';
import type { DraftEditor } from './useDraftEditor';

/** Groups of tracks (departments): add, rename, remove once no track is in it. A track joins a group in its own dialog. */
export function TrackGroupsPanel({ editor }: { editor: DraftEditor }) {
  const { document, apply } = editor;
  const groups = document.trackGroups ?? [];
  const [editing, setEditing] = useState<TrackGroupDocument | 'new' | null>(null);
  const save = (next: TrackGroupDocument[], undoMessage?: string) => apply([{ kind: 'setTrackGroups', trackGroups: next }], undoMessage ? { undoMessage } : undefined);
  const tracksIn = (key: string) => document.tracks.filter((t) => t.groupKey === key);

  return (
    <Stack gap="xs" component="section" aria-labelledby="track-groups-heading">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h5" id="track-groups-heading">
            Track groups
          </Title>
          <Text size="sm" c="dimmed">
            Departments or families the framework page groups the ladders by. Put a track in one with its Edit button.
          </Text>
        </div>
        <Button variant="light" size="xs" onClick={() => setEditing('new')}>
          Add group
        </Button>
      </Group>
      {groups.length === 0 ? (
        <Text size="sm">No groups: the ladders show side by side.</Text>
      ) : (
        <List size="sm" spacing={4} aria-label="Track groups">
          {groups.map((group) => {
            const tracks = tracksIn(group.key);
            return (
              <List.Item key={group.key}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {group.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {tracks.length === 0 ? 'no tracks yet' : tracks.map((t) => t.name).join(', ')}
                  </Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(group)} aria-label={`Rename group ${group.name}`}>
                    Rename
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    disabled={tracks.length > 0}
                    title={tracks.length > 0 ? 'Move its tracks out first' : undefined}
                    onClick={() => void save(groups.filter((g) => g.key !== group.key), `Removed the group ${group.name}.`)}
                    aria-label={`Remove group ${group.name}`}
                  >
                    Remove
                  </Button>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      {editing ? (
        <FormDialog
          title={editing === 'new' ? 'Add a track group' : `Rename group ${editing.name}`}
          submitLabel={editing === 'new' ? 'Add group' : 'Save'}
          fields={[
            { name: 'name', label: 'Name', required: true },
            { name: 'description', label: 'Description', kind: 'textarea' },
          ]}
          initial={editing === 'new' ? { name: '', description: '' } : { name: editing.name, description: editing.description ?? '' }}
          onClose={() => setEditing(null)}
          onSubmit={(values) => {
            const name = textOf(values.name)!;
            const description = textOf(values.description);
            const fields = { name, ...(description ? { description } : {}) };
            if (editing === 'new') return save([...groups, { key: uniqueKey(name, groups.map((g) => g.key)), ...fields }]);
            return save(groups.map((g) => (g.key === editing.key ? { key: g.key, ...fields } : g)));
          }}
        />
      ) : null}
    </Stack>
  );
}
