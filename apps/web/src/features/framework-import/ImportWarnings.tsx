import { Alert, List, Text } from '@mantine/core';

export interface ImportNote {
  where: string;
  message: string;
}

/** What an import assumed, changed or left out, listed plainly after it was saved. */
export function ImportWarnings({ warnings }: { warnings: readonly ImportNote[] }) {
  return (
    <Alert color="yellow" variant="light" title={`${warnings.length} warning${warnings.length === 1 ? '' : 's'}: what the import assumed or left out`}>
      <List size="sm" spacing={4} aria-label="Import warnings">
        {warnings.map((warning, index) => (
          <List.Item key={index}>
            <Text span fw={600} size="sm">
              {warning.where}
            </Text>
            : {warning.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
