import { List, Text } from '@mantine/core';
import { Markdown } from './Markdown';

export const NO_DESCRIPTOR = 'No descriptor written for this level';

/** A level's descriptor: its summary, criteria and examples; "No descriptor" when nobody wrote one (never invented). */
export function Descriptor({ summary, criteria = [], examples = [] }: { summary: string | null; criteria?: readonly string[]; examples?: readonly string[] }) {
  if (!summary && criteria.length === 0 && examples.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {NO_DESCRIPTOR}
      </Text>
    );
  }
  return (
    <div>
      {summary ? (
        <Text size="sm" component="div">
          <Markdown text={summary} />
        </Text>
      ) : null}
      {criteria.length > 0 ? (
        <List size="sm" spacing={2} mt={4} aria-label="Criteria">
          {criteria.map((criterion) => (
            <List.Item key={criterion}>
              <Markdown text={criterion} inline />
            </List.Item>
          ))}
        </List>
      ) : null}
      {examples.length > 0 ? (
        <>
          <Text size="xs" fw={600} mt={6}>
            Examples
          </Text>
          <List size="sm" spacing={2} aria-label="Examples">
            {examples.map((example) => (
              <List.Item key={example}>
                <Markdown text={example} inline />
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </div>
  );
}

