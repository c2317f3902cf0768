import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { MarkdownField } from '../../components/markdown/MarkdownField';

export type FieldValue = string | number | string[] | null;

export interface DialogField {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'number' | 'select' | 'multiselect';
  required?: boolean;
  description?: string;
  options?: { value: string; label: string }[];
  min?: number;
  /** A textarea of Markdown: `text` previews it as written, `lines` one item per line (criteria, examples). */
  markdown?: 'text' | 'lines';
}

export type DialogValues = Record<string, FieldValue>;

/**
 * A small form in a modal for one edit of the draft. It stays open, with what was typed, until the
 * save succeeds (`onSubmit` resolves true), so a refused save never loses the text.
 */
export function FormDialog({
  title,
  fields,
  initial,
  submitLabel,
  onSubmit,
  onClose,
}: {
  title: string;
  fields: DialogField[];
  initial: DialogValues;
  submitLabel: string;
  onSubmit: (values: DialogValues) => Promise<boolean>;
  onClose: () => void;
}) {
  const [values, setValues] = useState<DialogValues>(initial);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = (name: string, value: FieldValue) => setValues((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    for (const field of fields) {
      const value = values[field.name];
      if (field.required && (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))) {
        problems[field.name] = `${field.label} is required.`;
      }
    }
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    try {
      if (await onSubmit(values)) onClose();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {fields.map((field) => {
            const common = {
              label: field.label,
              description: field.description,
              required: field.required,
              error: missing[field.name],
            };
            const value = values[field.name];
            switch (field.kind ?? 'text') {
              case 'textarea':
                if (field.markdown) {
                  return (
                    <MarkdownField
                      key={field.name}
                      label={field.label}
                      description={field.description}
                      required={field.required}
                      error={missing[field.name]}
                      lines={field.markdown === 'lines'}
                      value={(value as string) ?? ''}
                      onChange={(next) => set(field.name, next)}
                    />
                  );
                }
                return <Textarea key={field.name} {...common} autosize minRows={2} value={(value as string) ?? ''} onChange={(e) => set(field.name, e.currentTarget.value)} />;
              case 'number':
                return (
                  <NumberInput
                    key={field.name}
{...common}
                    min={field.min}
                    allowDecimal={false}
                    value={(value as number | null) ?? ''}
                    onChange={(next) => set(field.name, typeof next === 'number' ? next : null)}
                  />
                );
              case 'select':
                return <Select key={field.name} {...common} data={field.options ?? []} value={(value as string | null) ?? null} onChange={(next) => set(field.name, next)} />;
              case 'multiselect':
                return <MultiSelect key={field.name} {...common} data={field.options ?? []} value={(value as string[]) ?? []} onChange={(next) => set(field.name, next)} searchable />;
              case 'text':
                return <TextInput key={field.name} {...common} value={(value as string) ?? ''} onChange={(e) => set(field.name, e.currentTarget.value)} data-autofocus={field === fields[0] ? true : undefined} />;
            }
          })}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Text from a dialog value: trimmed, or undefined when empty. */
export function textOf(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Lines of a textarea, empty ones dropped. */
export function linesOf(value: FieldValue | undefined): string[] {
  return typeof value === 'string' ? value.split('\n').map((line) => line.trim()).filter(Boolean) : [];
}

/**
 * The fields whose value differs from the part's current one (absent counts as null), so an
 * update sends only what the person changed and does not collide with someone else's edit.
 */
export function changedFields<T extends Record<string, unknown>>(fields: T, current: object): Partial<T> {
  const now = current as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields).filter(([field, value]) => JSON.stringify(value ?? null) !== JSON.stringify(now[field] ?? null)),
  ) as Partial<T>;
}
