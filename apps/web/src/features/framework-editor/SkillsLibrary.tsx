import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { scaleOfSkill, type FrameworkDocument, type LevelDescriptor, type SkillCategoryDocument, type SkillDocument, type SkillScale } from '@trellis/domain';
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
const criteriaField = (level: number) => `criteria-${level}`;
const examplesField = (level: number) => `examples-${level}`;
/** The scale select's value for "the framework's proficiency scale" (or the category's). */
const INHERITED_SCALE = '';

/** The scale a skill (or a new one in this category) is written on. */
function scaleFor(document: FrameworkDocument, skill: SkillDocument | null, categoryKey: string): SkillScale {
  const key = skill?.key ?? '__new__';
  const probe = skill ?? { key, name: key, categoryKey, levels: {} };
  return scaleOfSkill({ ...document, skills: [...document.skills.filter((s) => s.key !== key), probe] }, key);
}

/** One line per item: criteria and examples are written one per line. */
const lines = (value: unknown) =>
  (textOf(value as string | undefined) ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

function skillFields(document: FrameworkDocument, scale: SkillScale): DialogField[] {
  return [
    { name: 'name', label: 'Name', required: true },
    { name: 'categoryKey', label: 'Category', kind: 'select', required: true, options: document.skillCategories.map((c) => ({ value: c.key, label: c.name })) },
    {
      name: 'scaleKey',
      label: 'Scale',
      kind: 'select',
      description: "Levels and their names. Descriptors below follow the skill's current scale: save, then edit again after changing it.",
      options: [{ value: INHERITED_SCALE, label: "The category's scale (or the framework's)" }, ...(document.scales ?? []).map((sc) => ({ value: sc.key, label: `${sc.name} (${sc.levels.length} levels)` }))],
    },
    { name: 'description', label: 'Description', kind: 'textarea', markdown: 'text' },
    ...scale.levels.flatMap((step): DialogField[] => [
      {
        name: descriptorField(step.level),
        label: `Level ${step.level} · ${step.name}: summary`,
        kind: 'textarea',
        markdown: 'text',
        description: `${step.summary ?? ''} Leave the level empty when it has no descriptor: it shows as "No descriptor written for this level".`.trim(),
      },
      { name: criteriaField(step.level), label: `Level ${step.level} · ${step.name}: criteria (one per line)`, kind: 'textarea', markdown: 'lines' },
      { name: examplesField(step.level), label: `Level ${step.level} · ${step.name}: examples (one per line)`, kind: 'textarea', markdown: 'lines' },
    ]),
  ];
}

function skillValues(scale: SkillScale, skill: SkillDocument | null, categoryKey: string): DialogValues {
  return {
    name: skill?.name ?? '',
    categoryKey: skill?.categoryKey ?? categoryKey,
    scaleKey: skill?.scaleKey ?? INHERITED_SCALE,
    description: skill?.description ?? '',
    ...Object.fromEntries(
      scale.levels.flatMap((step) => {
        const d = skill?.levels[String(step.level)];
        return [
          [descriptorField(step.level), d?.summary ?? ''],
          [criteriaField(step.level), (d?.criteria ?? []).join('\n')],
          [examplesField(step.level), (d?.examples ?? []).join('\n')],
        ];
      }),
    ),
  };
}

function descriptorsOf(scale: SkillScale, values: DialogValues): Record<string, LevelDescriptor> {
  const levels: Record<string, LevelDescriptor> = {};
  for (const step of scale.levels) {
    const summary = textOf(values[descriptorField(step.level)]);
    const criteria = lines(values[criteriaField(step.level)]);
    const examples = lines(values[examplesField(step.level)]);
    if (summary || criteria.length > 0 || examples.length > 0) levels[String(step.level)] = { ...(summary ? { summary } : {}), criteria, examples };
  }
  return levels;
}

/** Skill categories and their skills, each with a descriptor for every level of the scale. */
export function SkillsLibrary({ editor }: { editor: DraftEditor }) {
  const { document, apply } = editor;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const scaleLabel = (skill: SkillDocument) => {
    const scale = scaleFor(document, skill, skill.categoryKey);
    return `${scale.name ?? 'Proficiency scale'}: ${scale.levels.map((l) => l.name).join(', ')}`;
  };
  const missingDescriptors = (skill: SkillDocument) => scaleFor(document, skill, skill.categoryKey).levels.filter((step) => !skill.levels[String(step.level)]).length;

  /** Skills are listed by category: a move swaps places with the neighbour in the same category. */
  const moveSkill = (skills: SkillDocument[], position: number, step: -1 | 1) => {
    const neighbour = skills[position + step]!;
    const target = document.skills.findIndex((s) => s.key === neighbour.key);
    return apply([{ kind: 'moveSkill', key: skills[position]!.key, position: target }]);
  };

  const dialogScale = (open: Extract<Dialog, { kind: 'addSkill' | 'editSkill' }>) =>
    open.kind === 'editSkill' ? scaleFor(document, open.skill, open.skill.categoryKey) : scaleFor(document, null, open.category.key);

  const saveSkill = (values: DialogValues, skill?: SkillDocument) => {
    const scale = scaleFor(document, skill ?? null, values.categoryKey as string);
    const scaleKey = (values.scaleKey as string | undefined) || null;
    const fields = {
      name: textOf(values.name)!,
      categoryKey: values.categoryKey as string,
      description: textOf(values.description) ?? null,
      levels: descriptorsOf(scale, values),
    };
    if (!skill) return apply([{ kind: 'addSkill', ...fields, description: fields.description ?? undefined, ...(scaleKey ? { scaleKey } : {}) }]);
    const changed: Record<string, unknown> = changedFields(fields, skill);
    if (JSON.stringify(fields.levels) === JSON.stringify(skill.levels)) delete changed.levels;
    if (scaleKey !== (skill.scaleKey ?? null)) changed.scaleKey = scaleKey;
    if (Object.keys(changed).length === 0) return Promise.resolve(true);
    return apply([{ kind: 'updateSkill', key: skill.key, ...changed }]);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          Every skill describes what it looks like at each level of its scale (the framework's, or a scale of its own): a summary, criteria and examples. A level may be left without a descriptor.
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
                  <Button size="compact-sm" variant="subtle" onClick={() => setDialog({ kind: 'editCategory', category })} aria-label={`Edit category ${category.name}`}>
                    Edit
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
                        <Text size="xs" c="dimmed">
                          {scaleLabel(skill)}
                          {missing > 0 ? ` · ${missing} ${missing === 1 ? 'level' : 'levels'} without a descriptor` : ''}
                        </Text>
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
          title={dialog.kind === 'addCategory' ? 'Add a skill category' : `Edit category ${dialog.category.name}`}
          submitLabel={dialog.kind === 'addCategory' ? 'Add category' : 'Save'}
          fields={[
            { name: 'name', label: 'Name', required: true },
            { name: 'description', label: 'Description', kind: 'textarea' },
            ...(dialog.kind === 'editCategory'
              ? [
                  {
                    name: 'scaleKey',
                    label: 'Scale of its skills',
                    kind: 'select' as const,
                    description: 'Skills that name no scale of their own are measured on it.',
                    options: [{ value: INHERITED_SCALE, label: "The framework's proficiency scale" }, ...(document.scales ?? []).map((sc) => ({ value: sc.key, label: `${sc.name} (${sc.levels.length} levels)` }))],
                  },
                ]
              : []),
          ]}
          initial={
            dialog.kind === 'editCategory'
              ? { name: dialog.category.name, description: dialog.category.description ?? '', scaleKey: dialog.category.scaleKey ?? INHERITED_SCALE }
              : { name: '', description: '' }
          }
          onClose={close}
          onSubmit={(values) => {
            const fields = { name: textOf(values.name)!, description: textOf(values.description) ?? null };
            if (dialog.kind === 'addCategory') return apply([{ kind: 'addSkillCategory', name: fields.name, description: fields.description ?? undefined }]);
            const changed: Record<string, unknown> = changedFields(fields, dialog.category);
            const scaleKey = (values.scaleKey as string | undefined) || null;
            if (scaleKey !== (dialog.category.scaleKey ?? null)) changed.scaleKey = scaleKey;
            return Object.keys(changed).length === 0 ? Promise.resolve(true) : apply([{ kind: 'updateSkillCategory', key: dialog.category.key, ...changed }]);
          }}
        />
      ) : null}
      {dialog?.kind === 'addSkill' || dialog?.kind === 'editSkill' ? (
        <FormDialog
          title={dialog.kind === 'addSkill' ? `Add a skill to ${dialog.category.name}` : `Edit skill ${dialog.skill.name}`}
          submitLabel={dialog.kind === 'addSkill' ? 'Add skill' : 'Save'}
          fields={skillFields(document, dialogScale(dialog))}
          initial={skillValues(dialogScale(dialog), dialog.kind === 'editSkill' ? dialog.skill : null, dialog.kind === 'addSkill' ? dialog.category.key : '')}
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
