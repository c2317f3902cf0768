import { Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ProficiencyLevel } from '@trellis/domain';
import { useState } from 'react';
import { FormDialog, textOf } from './FormDialog';
import type { DraftEditor } from './useDraftEditor';
import { NamedScalesPanel } from './NamedScalesPanel';

/** The proficiency scale: how many levels, and their names and summaries. */
export function ScalePanel({ editor }: { editor: DraftEditor }) {
  const { document, apply } = editor;
  const [editing, setEditing] = useState<ProficiencyLevel | 'new' | null>(null);
  const scale = document.proficiencyScale;
  const top = scale[scale.length - 1];

  const setScale = (levels: ProficiencyLevel[]) => apply([{ kind: 'setProficiencyScale', levels }], { undoMessage: 'Changed the proficiency scale.' });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          Levels run from 1 up. Removing the top level is refused while a role still expects it.
        </Text>
        <Group gap="xs">
          <Button variant="default" disabled={!top || scale.length === 1} onClick={() => void setScale(scale.slice(0, -1))}>
            Remove top level
          </Button>
          <Button onClick={() => setEditing('new')}>Add level</Button>
        </Group>
      </Group>
      <Table aria-label="Proficiency scale">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Level</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Summary</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scale.map((step) => (
            <Table.Tr key={step.level}>
              <Table.Td>{step.level}</Table.Td>
              <Table.Td>{step.name}</Table.Td>
              <Table.Td>{step.summary}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(step)} aria-label={`Edit level ${step.level}`}>
                  Edit
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NamedScalesPanel editor={editor} />
      {editing ? (
        <FormDialog
          title={editing === 'new' ? `Add level ${scale.length + 1}` : `Edit level ${editing.level}`}
          submitLabel={editing === 'new' ? 'Add level' : 'Save'}
          fields={[
            { name: 'name', label: 'Name', required: true },
            { name: 'summary', label: 'Summary', kind: 'textarea', required: true },
          ]}
          initial={editing === 'new' ? { name: '', summary: '' } : { name: editing.name, summary: editing.summary }}
          onClose={() => setEditing(null)}
          onSubmit={(values) => {
            const step = { name: textOf(values.name)!, summary: textOf(values.summary)! };
            return setScale(
              editing === 'new'
                ? [...scale, { level: scale.length + 1, ...step }]
                : scale.map((current) => (current.level === editing.level ? { level: current.level, ...step } : current)),
            );
          }}
        />
      ) : null}
    </Stack>
  );
}
