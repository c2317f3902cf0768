import { ActionIcon, Badge, Button, Card, Group, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { ladderOf, uniqueKey, type FrameworkDocument, type RoleDocument, type TrackDocument } from '@trellis/domain';
import { useState } from 'react';
import { changedFields, FormDialog, linesOf, textOf, type DialogField, type DialogValues } from './FormDialog';
import type { DraftEditor } from './useDraftEditor';
import { TrackGroupsPanel } from './TrackGroupsPanel';

const NO_GROUP = '';

const TRACK_KINDS = [
  { value: 'core', label: 'Core' },
  { value: 'specialist', label: 'Specialist' },
  { value: 'lateral', label: 'Lateral' },
];

type Dialog =
  | { kind: 'addTrack' }
  | { kind: 'editTrack'; track: TrackDocument }
  | { kind: 'addRole'; track: TrackDocument }
  | { kind: 'editRole'; role: RoleDocument };

function roleFields(document: FrameworkDocument): DialogField[] {
  return [
    { name: 'title', label: 'Title', required: true },
    { name: 'trackKey', label: 'Track', kind: 'select', required: true, options: document.tracks.map((t) => ({ value: t.key, label: t.name })) },
    { name: 'level', label: 'Rung on the track', kind: 'number', min: 1, required: true },
    { name: 'band', label: 'Seniority band', kind: 'number', min: 1, description: 'Compares roles across tracks; optional.' },
    { name: 'summary', label: 'Summary', kind: 'textarea', required: true },
    { name: 'responsibilities', label: 'Responsibilities', kind: 'textarea', description: 'One per line.' },
    {
      name: 'sharedWithTrackKeys',
      label: 'Also a rung of',
      kind: 'multiselect',
      description: 'Other tracks this role belongs to as well (a first rung shared by two paths), at the same rung.',
      options: document.tracks.map((t) => ({ value: t.key, label: t.name })),
    },
  ];
}

/** Tracks as columns, their roles as cards from the first rung up: add, rename, reorder and delete (with undo). */
export function RolesBoard({ editor }: { editor: DraftEditor }) {
  const { document, apply } = editor;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const removeRole = (role: RoleDocument) => apply([{ kind: 'removeRole', key: role.key }], { undoMessage: `Deleted the role ${role.title}.` });
  const removeTrack = (track: TrackDocument) => apply([{ kind: 'removeTrack', key: track.key }], { undoMessage: `Deleted the track ${track.name}.` });

  const updateTrack = (track: TrackDocument, fields: { name: string; trackKind: 'core'; description: string | null; groupKey: string | null }) => {
    const changed = changedFields({ name: fields.name, kind: fields.trackKind, description: fields.description, groupKey: fields.groupKey }, track);
    if (Object.keys(changed).length === 0) return Promise.resolve(true);
    return apply([{ kind: 'updateTrack', key: track.key, name: changed.name, trackKind: changed.kind, description: changed.description, groupKey: changed.groupKey }]);
  };
  const groups = document.trackGroups ?? [];
  const sharedInto = (trackKey: string) => document.roles.filter((role) => role.sharedWithTrackKeys?.includes(trackKey));

  const saveRole = (values: DialogValues, role?: RoleDocument) => {
    const fields = {
      title: textOf(values.title)!,
      trackKey: values.trackKey as string,
      level: values.level as number,
      band: (values.band as number | null) ?? null,
      summary: textOf(values.summary)!,
      responsibilities: linesOf(values.responsibilities),
    };
    const shared = ((values.sharedWithTrackKeys as string[] | null) ?? []).filter((key) => key !== fields.trackKey);
    if (!role) {
      const key = uniqueKey(fields.title, document.roles.map((r) => r.key));
      return apply([{ kind: 'addRole', key, ...fields, band: fields.band ?? undefined }, ...(shared.length > 0 ? [{ kind: 'updateRole' as const, key, sharedWithTrackKeys: shared }] : [])]);
    }
    const changed: Record<string, unknown> = changedFields(fields, role);
    if (JSON.stringify(shared) !== JSON.stringify(role.sharedWithTrackKeys ?? [])) changed.sharedWithTrackKeys = shared;
    if (Object.keys(changed).length === 0) return Promise.resolve(true);
    return apply([{ kind: 'updateRole', key: role.key, ...changed }]);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          Each column is a track; its roles run from the first rung at the bottom.
        </Text>
        <Button onClick={() => setDialog({ kind: 'addTrack' })}>Add track</Button>
      </Group>
      <TrackGroupsPanel editor={editor} />
      {document.tracks.length === 0 ? <Text>No tracks yet. Add one to start placing roles.</Text> : null}
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="md">
          {document.tracks.map((track, trackIndex) => {
            const ladder = ladderOf(document, track.key);
            return (
              <Card key={track.key} withBorder padding="sm" w={280} component="section" aria-label={`Track ${track.name}`} style={{ flexShrink: 0 }}>
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" gap={4}>
                    <Title order={3} size="h5">
                      {track.name}
                    </Title>
                    <Badge variant="light" size="sm">
                      {track.kind}
                    </Badge>
                  </Group>
                  <Group gap={4}>
                    <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'editTrack', track })} aria-label={`Edit track ${track.name}`}>
                      Edit
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      disabled={trackIndex === 0}
                      onClick={() => void apply([{ kind: 'moveTrack', key: track.key, position: trackIndex - 1 }])}
                      aria-label={`Move track ${track.name} left`}
                    >
                      ←
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      disabled={trackIndex === document.tracks.length - 1}
                      onClick={() => void apply([{ kind: 'moveTrack', key: track.key, position: trackIndex + 1 }])}
                      aria-label={`Move track ${track.name} right`}
                    >
                      →
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void removeTrack(track)} aria-label={`Delete track ${track.name}`}>
                      Delete
                    </Button>
                  </Group>
                  {/* The first rung at the bottom, as on the framework page (TrackLadders). */}
                  <Stack
                    gap={6}
                    component="ol"
                    style={{ listStyle: 'none', padding: 0, margin: 0, flexDirection: 'column-reverse' }}
                    aria-label={`Roles of ${track.name}, from the first rung up`}
                  >
                    {ladder.map((role, rung) => (
                      <Card key={role.key} component="li" withBorder padding="xs" radius="sm">
                        <Stack gap={4}>
                          <Group justify="space-between" wrap="nowrap" gap={4}>
                            <Text fw={600} size="sm">
                              {role.title}
                            </Text>
                            <Badge size="xs" variant="outline">
                              Rung {role.level}
                            </Badge>
                          </Group>
                          <Group gap={2}>
                            <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'editRole', role })} aria-label={`Edit role ${role.title}`}>
                              Edit
                            </Button>
                            <Tooltip label="Move up a rung">
                              <ActionIcon
                                variant="subtle"
                                size="sm"
                                disabled={rung === ladder.length - 1}
                                onClick={() => void apply([{ kind: 'moveRole', key: role.key, trackKey: track.key, position: rung + 1 }])}
                                aria-label={`Move ${role.title} up`}
                              >
                                ↑
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label="Move down a rung">
                              <ActionIcon
                                variant="subtle"
                                size="sm"
                                disabled={rung === 0}
                                onClick={() => void apply([{ kind: 'moveRole', key: role.key, trackKey: track.key, position: rung - 1 }])}
                                aria-label={`Move ${role.title} down`}
                              >
                                ↓
                              </ActionIcon>
                            </Tooltip>
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => void removeRole(role)} aria-label={`Delete role ${role.title}`}>
                              Delete
                            </Button>
                          </Group>
                        </Stack>
                      </Card>
                    ))}
                  </Stack>
                  {sharedInto(track.key).length > 0 ? (
                    <Text size="xs" c="dimmed">
                      Shared from other tracks: {sharedInto(track.key).map((r) => `${r.title} (rung ${r.level})`).join(', ')}
                    </Text>
                  ) : null}
                  <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'addRole', track })} aria-label={`Add role to ${track.name}`}>
                    Add role
                  </Button>
                </Stack>
              </Card>
            );
          })}
        </Group>
      </ScrollArea>

      {dialog?.kind === 'addTrack' || dialog?.kind === 'editTrack' ? (
        <FormDialog
          title={dialog.kind === 'addTrack' ? 'Add a track' : `Edit track ${dialog.track.name}`}
          submitLabel={dialog.kind === 'addTrack' ? 'Add track' : 'Save'}
          fields={[
            { name: 'name', label: 'Name', required: true },
            { name: 'trackKind', label: 'Kind', kind: 'select', required: true, options: TRACK_KINDS },
            { name: 'description', label: 'Description', kind: 'textarea' },
            ...(groups.length > 0
              ? [{ name: 'groupKey', label: 'Group', kind: 'select' as const, options: [{ value: NO_GROUP, label: 'No group' }, ...groups.map((g) => ({ value: g.key, label: g.name }))] }]
              : []),
          ]}
          initial={
            dialog.kind === 'editTrack'
              ? { name: dialog.track.name, trackKind: dialog.track.kind, description: dialog.track.description ?? '', groupKey: dialog.track.groupKey ?? NO_GROUP }
              : { name: '', trackKind: 'core', description: '', groupKey: NO_GROUP }
          }
          onClose={close}
          onSubmit={(values) => {
            const fields = { name: textOf(values.name)!, trackKind: values.trackKind as 'core', description: textOf(values.description) ?? null };
            const groupKey = (values.groupKey as string | undefined) || null;
            if (dialog.kind === 'editTrack') return updateTrack(dialog.track, { ...fields, groupKey });
            const key = uniqueKey(fields.name, document.tracks.map((t) => t.key));
            return apply([
              { kind: 'addTrack', key, ...fields, description: fields.description ?? undefined },
              ...(groupKey ? [{ kind: 'updateTrack' as const, key, groupKey }] : []),
            ]);
          }}
        />
      ) : null}
      {dialog?.kind === 'addRole' ? (
        <FormDialog
          title={`Add a role to ${dialog.track.name}`}
          submitLabel="Add role"
          fields={roleFields(document)}
          initial={{ title: '', trackKey: dialog.track.key, level: ladderOf(document, dialog.track.key).length + 1, band: null, summary: '', responsibilities: '', sharedWithTrackKeys: [] }}
          onClose={close}
          onSubmit={(values) => saveRole(values)}
        />
      ) : null}
      {dialog?.kind === 'editRole' ? (
        <FormDialog
          title={`Edit role ${dialog.role.title}`}
          submitLabel="Save"
          fields={roleFields(document)}
          initial={{
            title: dialog.role.title,
            trackKey: dialog.role.trackKey,
            level: dialog.role.level,
            band: dialog.role.band ?? null,
            summary: dialog.role.summary,
            responsibilities: dialog.role.responsibilities.join('\n'),
            sharedWithTrackKeys: dialog.role.sharedWithTrackKeys ?? [],
          }}
          onClose={close}
          onSubmit={(values) => saveRole(values, dialog.role)}
        />
      ) : null}
    </Stack>
  );
}
