import { Button, Group, Stack, Table, Text } from '@mantine/core';
import type { QualificationDocument } from '@trellis/domain';
import { useState } from 'react';
import { changedFields, FormDialog, textOf, type DialogValues } from './FormDialog';
import type { DraftEditor } from './useDraftEditor';

/** Qualifications: who awards them, how long they stay valid, the skills they evidence and the roles that want them. */
export function QualificationsPanel({ editor }: { editor: DraftEditor }) {
  const { document, apply } = editor;
  const [dialog, setDialog] = useState<{ qualification: QualificationDocument | null } | null>(null);
  const skillOptions = document.skills.map((skill) => ({ value: skill.key, label: skill.name }));
  const roleOptions = document.roles.map((role) => ({ value: role.key, label: role.title }));

  const save = (values: DialogValues, qualification: QualificationDocument | null) => {
    const fields = {
      name: textOf(values.name)!,
      provider: textOf(values.provider)!,
      url: textOf(values.url) ?? null,
      validityMonths: (values.validityMonths as number | null) ?? null,
      description: textOf(values.description) ?? null,
      skillKeys: values.skillKeys as string[],
      requiredForRoleKeys: values.requiredForRoleKeys as string[],
      recommendedForRoleKeys: values.recommendedForRoleKeys as string[],
    };
    if (!qualification) {
      return apply([
        {
          kind: 'addQualification',
          ...fields,
          url: fields.url ?? undefined,
          validityMonths: fields.validityMonths ?? undefined,
          description: fields.description ?? undefined,
        },
      ]);
    }
    const changed = changedFields(fields, qualification);
    if (Object.keys(changed).length === 0) return Promise.resolve(true);
    return apply([{ kind: 'updateQualification', key: qualification.key, ...changed }]);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          Certifications and courses that evidence skills, and the roles that require or recommend them.
        </Text>
        <Button onClick={() => setDialog({ qualification: null })}>Add qualification</Button>
      </Group>
      {document.qualifications.length === 0 ? (
        <Text>No qualifications yet.</Text>
      ) : (
        <Table striped aria-label="Qualifications">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Provider</Table.Th>
              <Table.Th scope="col">Valid for</Table.Th>
              <Table.Th scope="col">Skills</Table.Th>
              <Table.Th scope="col">Roles</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {document.qualifications.map((q) => (
              <Table.Tr key={q.key}>
                <Table.Td>{q.name}</Table.Td>
                <Table.Td>{q.provider}</Table.Td>
                <Table.Td>{q.validityMonths ? `${q.validityMonths} months` : 'Does not expire'}</Table.Td>
                <Table.Td>{q.skillKeys.length}</Table.Td>
                <Table.Td>
                  {q.requiredForRoleKeys.length} required, {q.recommendedForRoleKeys.length} recommended
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ qualification: q })} aria-label={`Edit qualification ${q.name}`}>
                      Edit
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Delete qualification ${q.name}`}
                      onClick={() => void apply([{ kind: 'removeQualification', key: q.key }], { undoMessage: `Deleted the qualification ${q.name}.` })}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog ? (
        <FormDialog
          title={dialog.qualification ? `Edit qualification ${dialog.qualification.name}` : 'Add a qualification'}
          submitLabel={dialog.qualification ? 'Save' : 'Add qualification'}
          fields={[
            { name: 'name', label: 'Name', required: true },
            { name: 'provider', label: 'Provider', required: true },
            { name: 'url', label: 'Link', description: 'https://…' },
            { name: 'validityMonths', label: 'Valid for (months)', kind: 'number', min: 1, description: 'Leave empty when it does not expire.' },
            { name: 'description', label: 'Description', kind: 'textarea' },
            { name: 'skillKeys', label: 'Skills it evidences', kind: 'multiselect', options: skillOptions },
            { name: 'requiredForRoleKeys', label: 'Required for', kind: 'multiselect', options: roleOptions },
            { name: 'recommendedForRoleKeys', label: 'Recommended for', kind: 'multiselect', options: roleOptions },
          ]}
          initial={{
            name: dialog.qualification?.name ?? '',
            provider: dialog.qualification?.provider ?? '',
            url: dialog.qualification?.url ?? '',
            validityMonths: dialog.qualification?.validityMonths ?? null,
            description: dialog.qualification?.description ?? '',
            skillKeys: dialog.qualification?.skillKeys ?? [],
            requiredForRoleKeys: dialog.qualification?.requiredForRoleKeys ?? [],
            recommendedForRoleKeys: dialog.qualification?.recommendedForRoleKeys ?? [],
          }}
          onClose={() => setDialog(null)}
          onSubmit={(values) => save(values, dialog.qualification)}
        />
      ) : null}
    </Stack>
  );
}
