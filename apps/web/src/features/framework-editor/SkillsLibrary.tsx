import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { FrameworkDocument, SkillCategoryDocument, SkillDocument } from '@trellis/domain';
import { useState } from 'react';
import { changedFields, FormDialog, textOf, type DialogField, type DialogValues } from './FormDialog';
import type { DraftEditor } from './useDraftEditor';

type Dialog =
  | { kind: 'addCategory' }
  | { kind: 'editCategory'; category: SkillCategoryDocument }
  | { kind: 'addSkill'; category: SkillCategoryDocument }
  | { kind: 'editSkill'; skill: SkillDocument }
  | { kind: 'mergeSkill'; skill: SkillDocument };

const descriptorField = (level: number) => `level-${level}`;

function skillFields(document: FrameworkDocument): DialogField[] {
  return [
    { name: 'name', label: 'Name', required: true },
    { name: 'categoryKey', label: 'Category', kind: 'select', required: true, options: document.skillCategories.map((c) => ({ value: c.key, label: c.name })) },
    { name: 'description', label: 'Description', kind: 'textarea' },
    ...document.proficiencyScale.map(
      (step): DialogField => ({ name: descriptorField(step.level), label: `Level ${step.level} · ${step.name}`, kind: 'textarea', description: step.summary }),
    ),
  ];
}

function skillValues(document: FrameworkDocument, skill: SkillDocument | null, categoryKey: string): DialogValues {
  return {
    name: skill?.name ?? '',
    categoryKey: skill?.categoryKey ?? categoryKey,
    description: skill?.description ?? '',
    ...Object.fromEntries(document.proficiencyScale.map((step) => [descriptorField(step.level), skill?.levels[String(step.level)] ?? ''])),
  };
}

function descriptorsOf(document: FrameworkDocument, values: DialogValues): Record<string, string> {
  const levels: Record<string, string> = {};
  for (const step of document.proficiencyScale) {
    const text = textOf(values[descriptorField(step.level)]);
    if (text) levels[String(step.level)] = text;
  }
  return levels;
}

/** Skill categories and their skills, each with a descriptor for every level of the scale. */
export function SkillsLibrary({ editor }: { editor: DraftEditor }) {
  const { document, apply } = editor;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const missingDescriptors = (skill: SkillDocument) => document.proficiencyScale.filter((step) => !skill.levels[String(step.level)]).length;

  /** Skills are listed by category: a move swaps places with the neighbour in the same category. */
  const moveSkill = (skills: SkillDocument[], position: number, step: -1 | 1) => {
    const neighbour = skills[position + step]!;
    const target = document.skills.findIndex((s) => s.key === neighbour.key);
    return apply([{ kind: 'moveSkill', key: skills[position]!.key, position: target }]);
  };

  const saveSkill = (values: DialogValues, skill?: SkillDocument) => {
    const fields = {
      name: textOf(values.name)!,
      categoryKey: values.categoryKey as string,
      description: textOf(values.description) ?? null,
      levels: descriptorsOf(document, values),
    };
    if (!skill) return apply([{ kind: 'addSkill', ...fields, description: fields.description ?? undefined }]);
    const changed = changedFields(fields, skill);
    if (Object.keys(changed).length === 0) return Promise.resolve(true);
    return apply([{ kind: 'updateSkill', key: skill.key, ...changed }]);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          Every skill describes what it looks like at each of the {document.proficiencyScale.length} levels of the scale.
        </Text>
        <Button onClick={() => setDialog({ kind: 'addCategory' })}>Add category</Button>
      </Group>
      {document.skillCategories.length === 0 ? <Text>No skill categories yet. Add one, then its skills.</Text> : null}
      {document.skillCategories.map((category, index) => {
        const skills = document.skills.filter((skill) => skill.categoryKey === category.key);
        return (
          <Card key={category.key} withBorder padding="md" component="section" aria-label={`Category ${category.name}`}>
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={3} size="h4">
                  {category.name}
                </Title>
                <Group gap={4}>
                  <Button size="compact-sm" variant="subtle" onClick={() => setDialog({ kind: 'editCategory', category })} aria-label={`Rename category ${category.name}`}>
                    Rename
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    disabled={index === 0}
                    onClick={() => void apply([{ kind: 'moveSkillCategory', key: category.key, position: index - 1 }])}
                    aria-label={`Move category ${category.name} up`}
                  >
                    ↑
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    disabled={index === document.skillCategories.length - 1}
                    onClick={() => void apply([{ kind: 'moveSkillCategory', key: category.key, position: index + 1 }])}
                    aria-label={`Move category ${category.name} down`}
                  >
                    ↓
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => void apply([{ kind: 'removeSkillCategory', key: category.key }], { undoMessage: `Deleted the category ${category.name}.` })}
                    aria-label={`Delete category ${category.name}`}
                  >
                    Delete
                  </Button>
                </Group>
              </Group>
              <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={`Skills in ${category.name}`}>
                {skills.map((skill, position) => {
                  const missing = missingDescriptors(skill);
                  return (
                    <Group key={skill.key} component="li" justify="space-between" wrap="nowrap">
                      <div>
                        <Text fw={600} size="sm">
                          {skill.name}
                        </Text>
                        {missing > 0 ? (
                          <Text size="xs" c="orange.8">
                            {missing} {missing === 1 ? 'descriptor' : 'descriptors'} to write
                          </Text>
                        ) : null}
                      </div>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'editSkill', skill })} aria-label={`Edit skill ${skill.name}`}>
                          Edit
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          disabled={position === 0}
                          onClick={() => void moveSkill(skills, position, -1)}
                          aria-label={`Move skill ${skill.name} up`}
                        >
                          ↑
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          disabled={position === skills.length - 1}
                          onClick={() => void moveSkill(skills, position, 1)}
                          aria-label={`Move skill ${skill.name} down`}
                        >
                          ↓
                        </Button>
                        <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'mergeSkill', skill })} aria-label={`Merge skill ${skill.name}`}>
                          Merge…
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => void apply([{ kind: 'removeSkill', key: skill.key }], { undoMessage: `Deleted the skill ${skill.name}.` })}
                          aria-label={`Delete skill ${skill.name}`}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Group>
                  );
                })}
              </Stack>
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'addSkill', category })} aria-label={`Add a skill to ${category.name}`} w="fit-content">
                Add skill
              </Button>
            </Stack>
          </Card>
        );
      })}

      {dialog?.kind === 'addCategory' || dialog?.kind === 'editCategory' ? (
        <FormDialog
          title={dialog.kind === 'addCategory' ? 'Add a skill category' : `Rename category ${dialog.category.name}`}
          submitLabel={dialog.kind === 'addCategory' ? 'Add category' : 'Save'}
          fields={[
            { name: 'name', label: 'Name', required: true },
            { name: 'description', label: 'Description', kind: 'textarea' },
          ]}
          initial={dialog.kind === 'editCategory' ? { name: dialog.category.name, description: dialog.category.description ?? '' } : { name: '', description: '' }}
          onClose={close}
          onSubmit={(values) => {
            const fields = { name: textOf(values.name)!, description: textOf(values.description) ?? null };
            if (dialog.kind === 'addCategory') return apply([{ kind: 'addSkillCategory', name: fields.name, description: fields.description ?? undefined }]);
            const changed = changedFields(fields, dialog.category);
            return Object.keys(changed).length === 0 ? Promise.resolve(true) : apply([{ kind: 'updateSkillCategory', key: dialog.category.key, ...changed }]);
          }}
        />
      ) : null}
      {dialog?.kind === 'addSkill' || dialog?.kind === 'editSkill' ? (
        <FormDialog
          title={dialog.kind === 'addSkill' ? `Add a skill to ${dialog.category.name}` : `Edit skill ${dialog.skill.name}`}
          submitLabel={dialog.kind === 'addSkill' ? 'Add skill' : 'Save'}
          fields={skillFields(document)}
          initial={skillValues(document, dialog.kind === 'editSkill' ? dialog.skill : null, dialog.kind === 'addSkill' ? dialog.category.key : '')}
          onClose={close}
          onSubmit={(values) => saveSkill(values, dialog.kind === 'editSkill' ? dialog.skill : undefined)}
        />
      ) : null}
      {dialog?.kind === 'mergeSkill' ? (
        <FormDialog
          title={`Merge ${dialog.skill.name} into another skill`}
          submitLabel="Merge"
          fields={[
            {
              name: 'intoKey',
              label: 'Keep',
              kind: 'select',
              required: true,
              description: `Roles keep the higher of the two expected levels; qualifications that evidence ${dialog.skill.name} evidence the kept skill instead.`,
              options: document.skills.filter((s) => s.key !== dialog.skill.key).map((s) => ({ value: s.key, label: s.name })),
            },
          ]}
          initial={{ intoKey: null }}
          onClose={close}
          onSubmit={(values) =>
            apply([{ kind: 'mergeSkill', key: dialog.skill.key, intoKey: values.intoKey as string }], { undoMessage: `Merged ${dialog.skill.name}.` })
          }
        />
      ) : null}
    </Stack>
  );
}
