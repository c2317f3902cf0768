import { Button, Group, Stack, Table, Text } from '@mantine/core';
import type { TransitionDocument } from '@trellis/domain';
import { useState } from 'react';
import { changedFields, FormDialog, textOf, type DialogValues } from './FormDialog';
import type { DraftEditor } from './useDraftEditor';

const KINDS = [
  { value: 'promotion', label: 'Promotion' },
  { value: 'lateral', label: 'Lateral move' },
];

/** The moves between roles: promotions up a track and lateral moves across tracks, with typical months. */
export function TransitionsPanel({ editor }: { editor: DraftEditor }) {
  const { document, apply } = editor;
  const [dialog, setDialog] = useState<{ transition: TransitionDocument | null } | null>(null);
  const title = (key: string) => document.roles.find((role) => role.key === key)?.title ?? key;
  const roleOptions = document.roles.map((role) => ({ value: role.key, label: role.title }));

  const save = (values: DialogValues, transition: TransitionDocument | null) => {
    const fields = {
      kind: values.kind as 'promotion',
      typicalMonths: (values.typicalMonths as number | null) ?? null,
      guidance: textOf(values.guidance) ?? null,
    };
    if (!transition) {
      return apply([
        {
          kind: 'addTransition',
          fromRoleKey: values.fromRoleKey as string,
          toRoleKey: values.toRoleKey as string,
          transitionKind: fields.kind,
          typicalMonths: fields.typicalMonths ?? undefined,
          guidance: fields.guidance ?? undefined,
        },
      ]);
    }
    const changed = changedFields(fields, transition);
    if (Object.keys(changed).length === 0) return Promise.resolve(true);
    const { kind: transitionKind, ...rest } = changed;
    return apply([{ kind: 'updateTransition', fromRoleKey: transition.fromRoleKey, toRoleKey: transition.toRoleKey, transitionKind, ...rest }]);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          Promotions may not loop back; lateral moves may go both ways.
        </Text>
        <Button onClick={() => setDialog({ transition: null })} disabled={document.roles.length < 2}>
          Add move
        </Button>
      </Group>
      {document.transitions.length === 0 ? (
        <Text>No moves yet.</Text>
      ) : (
        <Table striped aria-label="Moves between roles">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">From</Table.Th>
              <Table.Th scope="col">To</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">Typical months</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {document.transitions.map((transition) => {
              const label = `${title(transition.fromRoleKey)} to ${title(transition.toRoleKey)}`;
              return (
                <Table.Tr key={`${transition.fromRoleKey}->${transition.toRoleKey}`}>
                  <Table.Td>{title(transition.fromRoleKey)}</Table.Td>
                  <Table.Td>{title(transition.toRoleKey)}</Table.Td>
                  <Table.Td>{transition.kind === 'promotion' ? 'Promotion' : 'Lateral move'}</Table.Td>
                  <Table.Td>{transition.typicalMonths ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ transition })} aria-label={`Edit the move from ${label}`}>
                        Edit
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Delete the move from ${label}`}
                        onClick={() =>
                          void apply([{ kind: 'removeTransition', fromRoleKey: transition.fromRoleKey, toRoleKey: transition.toRoleKey }], {
                            undoMessage: `Deleted the move from ${label}.`,
                          })
                        }
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {dialog ? (
        <FormDialog
          title={dialog.transition ? `Edit the move from ${title(dialog.transition.fromRoleKey)} to ${title(dialog.transition.toRoleKey)}` : 'Add a move'}
          submitLabel={dialog.transition ? 'Save' : 'Add move'}
          fields={[
            ...(dialog.transition
              ? []
              : [
                  { name: 'fromRoleKey', label: 'From', kind: 'select' as const, required: true, options: roleOptions },
                  { name: 'toRoleKey', label: 'To', kind: 'select' as const, required: true, options: roleOptions },
                ]),
            { name: 'kind', label: 'Kind', kind: 'select', required: true, options: KINDS },
            { name: 'typicalMonths', label: 'Typical months in the earlier role', kind: 'number', min: 0 },
            { name: 'guidance', label: 'Guidance', kind: 'textarea' },
          ]}
          initial={{
            fromRoleKey: null,
            toRoleKey: null,
            kind: dialog.transition?.kind ?? 'promotion',
            typicalMonths: dialog.transition?.typicalMonths ?? null,
            guidance: dialog.transition?.guidance ?? '',
          }}
          onClose={() => setDialog(null)}
          onSubmit={(values) => save(values, dialog.transition)}
        />
      ) : null}
    </Stack>
  );
}
