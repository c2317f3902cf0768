import { Button, Group, Input, List, Paper, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import { Markdown } from './Markdown';

/** The items of a one-per-line field (criteria, examples) as the editor saves them: lines trimmed, empty ones dropped. */
export function lineItems(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A textarea for framework text written in Markdown, with a Preview toggle (a button with aria-pressed, so it is
 * reached by Tab and read as a toggle) that shows the text as the framework pages will: the same safe renderer,
 * loaded lazily. `lines`: each line is one item (criteria, examples), previewed as a list. The text is kept while
 * previewing; Write again returns to it.
 */
export function MarkdownField({
  label,
  description,
  required,
  error,
  value,
  onChange,
  lines = false,
  autoFocus,
}: {
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  lines?: boolean;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [preview, setPreview] = useState(false);
  const items = lines ? lineItems(value) : [];
  const empty = lines ? items.length === 0 : value.trim() === '';
  return (
    <div>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xs">
        <Input.Label htmlFor={id} required={required}>
          {label}
        </Input.Label>
        <Button
          size="compact-xs"
          variant={preview ? 'light' : 'subtle'}
          aria-pressed={preview}
          aria-controls={id}
          aria-label={`Preview ${label}`}
          onClick={() => setPreview((shown) => !shown)}
          style={{ flexShrink: 0 }}
        >
          Preview
        </Button>
      </Group>
      {description ? <Input.Description mb={4}>{description}</Input.Description> : null}
      {preview ? (
        <Paper id={id} withBorder p="xs" role="region" aria-label={`Preview of ${label}`} style={{ minHeight: 60 }}>
          {empty ? (
            <Text size="sm" c="dimmed">
              Nothing written yet.
            </Text>
          ) : lines ? (
            <List size="sm" spacing={2}>
              {items.map((item, index) => (
                <List.Item key={index}>
                  <Markdown text={item} inline />
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" component="div">
              <Markdown text={value} />
            </Text>
          )}
        </Paper>
      ) : (
        <Textarea
          id={id}
          autosize
          minRows={2}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error ? true : undefined}
          aria-invalid={error ? true : undefined}
          required={required}
          data-autofocus={autoFocus || undefined}
        />
      )}
      {error ? <Input.Error mt={4}>{error}</Input.Error> : null}
    </div>
  );
}
