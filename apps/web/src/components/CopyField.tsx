import { Button, Group, Text, TextInput } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useId } from 'react';

/**
 * A link someone has to hand over (an invitation, a password reset): shown in a read-only field with its own label,
 * selected on focus so it can be copied by hand too, and a "Copy link" button whose result is announced.
 */
export function CopyField({ label, value, description }: { label: string; value: string; description?: string }) {
  const clipboard = useClipboard({ timeout: 4000 });
  const statusId = useId();
  return (
    <div>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={label}
          description={description}
          value={value}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          style={{ flex: 1 }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Button variant="light" onClick={() => clipboard.copy(value)} aria-describedby={statusId}>
          Copy link
        </Button>
      </Group>
      <Text id={statusId} size="xs" mt={4} c={clipboard.error ? 'red.8' : 'dimmed'} role="status" aria-live="polite">
        {clipboard.error
          ? 'Could not copy: select the link and copy it yourself.'
          : clipboard.copied
            ? 'Link copied to the clipboard.'
            : ''}
      </Text>
    </div>
  );
}
