import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { MAX_SCALE_LEVELS, uniqueKey, type FrameworkDocument, type ScaleDocument } from '@trellis/domain';
import { useState } from 'react';
import { FormDialog, linesOf, textOf } from './FormDialog';
import type { DraftEditor } from './useDraftEditor';

/** Who measures on a scale: the skills that name it, and the categories (whose skills without a scale of their own follow). */
export function scaleUsers(document: FrameworkDocument, scaleKey: string): string[] {
  return [
    ...document.skillCategories.filter((c) => c.scaleKey === scaleKey).map((c) => `category ${c.name}`),
    ...document.skills.filter((s) => s.scaleKey === scaleKey).map((s) => s.name),
  ];
}

/**
 * Scales of their own for skills or categories (FT's Awareness…Expert, a one-level topic): add one, rename it and its
 * levels, or remove it once nothing uses it. A scale is assigned in a skill's or a category's dialog.
 */
export function NamedScalesPanel({ editor }: { editor: DraftEditor }) {
  const { document, apply } = editor;
  const scales = document.scales ?? [];
  const [editing, setEditing] = useState<ScaleDocument | 'new' | null>(null);

  const save = (next: ScaleDocument[], undoMessage?: string) => apply([{ kind: 'setScales', scales: next }], undoMessage ? { undoMessage } : undefined);

  return (
    <Stack gap="sm" component="section" aria-labelledby="named-scales-heading">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h4" id="named-scales-heading">
            Skill scales
          </Title>
          <Text c="dimmed" size="sm">
            A skill (or a whole category) may have a scale of its own, with 1 to {MAX_SCALE_LEVELS} levels and their own names.
          </Text>
        </div>
        <Button variant="light" onClick={() => setEditing('new')}>
          Add scale
        </Button>
      </Group>
      {scales.length === 0 ? (
        <Text size="sm">No scales of their own yet: every skill is measured on the proficiency scale.</Text>
      ) : (
        <Table aria-label="Skill scales" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Scale</Table.Th>
              <Table.Th scope="col">Levels</Table.Th>
              <Table.Th scope="col">Used by</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scales.map((scale) => {
              const users = scaleUsers(document, scale.key);
              return (
                <Table.Tr key={scale.key}>
                  <Table.Th scope="row">{scale.name}</Table.Th>
                  <Table.Td>{[...scale.levels].sort((a, b) => a.level - b.level).map((l) => `${l.level} ${l.name}`).join(', ')}</Table.Td>
                  <Table.Td>{users.length === 0 ? 'Nothing yet' : users.join(', ')}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(scale)} aria-label={`Edit scale ${scale.name}`}>
                        Edit
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        disabled={users.length > 0}
                        title={users.length > 0 ? 'Choose another scale for what uses it first' : undefined}
                        onClick={() => void save(scales.filter((s) => s.key !== scale.key), `Removed the scale ${scale.name}.`)}
                        aria-label={`Remove scale ${scale.name}`}
                      >
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {editing ? (
        <FormDialog
          title={editing === 'new' ? 'Add a skill scale' : `Edit scale ${editing.name}`}
          submitLabel={editing === 'new' ? 'Add scale' : 'Save'}
          fields={[
            { name: 'name', label: 'Name', required: true },
            {
              name: 'levels',
              label: 'Level names',
              kind: 'textarea',
              required: true,
              description: `One per line, from level 1 up (at most ${MAX_SCALE_LEVELS}). Removing a level is refused while a role expects it or a descriptor is written for it.`,
            },
          ]}
          initial={
            editing === 'new'
              ? { name: '', levels: '' }
              : { name: editing.name, levels: [...editing.levels].sort((a, b) => a.level - b.level).map((l) => l.name).join('\n') }
          }
          onClose={() => setEditing(null)}
          onSubmit={(values) => {
            const names = linesOf(values.levels);
            const previous = editing === 'new' ? [] : editing.levels;
            // A level keeps its summary when only its name changes.
            const levels = names.map((name, i) => {
              const summary = previous.find((l) => l.level === i + 1)?.summary;
              return { level: i + 1, name, ...(summary ? { summary } : {}) };
            });
            const name = textOf(values.name)!;
            if (editing === 'new') {
              return save([...scales, { key: uniqueKey(name, scales.map((s) => s.key)), name, levels }]);
            }
            return save(scales.map((s) => (s.key === editing.key ? { ...s, name, levels } : s)));
          }}
        />
      ) : null}
    </Stack>
  );
}
