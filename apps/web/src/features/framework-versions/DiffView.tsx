import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { FrameworkDiffFieldsFragment } from '../../gql/graphql';

/**
 * One definition per graphql() call: vite.config.ts puts each call's own document in the chunk, but leaves a call
 * with two definitions to gql.ts's map of every operation in the app (which then landed in this page's chunk).
 */
export const DiffItemFields = graphql(`
  fragment DiffItemFields on DiffItem {
    key
    label
    previousLabel
    fields {
      field
      label
      before
      after
    }
  }
`);

export const FrameworkDiffFields = graphql(`
  fragment FrameworkDiffFields on FrameworkDiff {
    fromLabel
    toLabel
    changeCount
    sections {
      kind
      title
      added {
        ...DiffItemFields
      }
      removed {
        ...DiffItemFields
      }
      renamed {
        ...DiffItemFields
      }
      changed {
        ...DiffItemFields
      }
    }
  }
`);

type Section = FrameworkDiffFieldsFragment['sections'][number];
type Item = Section['added'][number];

const CHANGE_KINDS = [
  { key: 'added', label: 'Added', color: 'green' },
  { key: 'removed', label: 'Removed', color: 'red' },
  { key: 'renamed', label: 'Renamed', color: 'blue' },
  { key: 'changed', label: 'Changed', color: 'yellow' },
] as const;

function Value({ value }: { value: string | null }) {
  return value === null ? (
    <Text span c="dimmed" fs="italic" size="sm">
      none
    </Text>
  ) : (
    <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {value}
    </Text>
  );
}

function ItemChanges({ item }: { item: Item }) {
  if (item.fields.length === 0) return null;
  return (
    <Table withTableBorder fz="sm" mt={4} aria-label={`Changes to ${item.label}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Field</Table.Th>
          <Table.Th scope="col">Before</Table.Th>
          <Table.Th scope="col">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {item.fields.map((field) => (
          <Table.Tr key={field.field}>
            <Table.Th scope="row" fw={500}>
              {field.label}
            </Table.Th>
            <Table.Td>
              <Value value={field.before} />
            </Table.Td>
            <Table.Td>
              <Value value={field.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SectionView({ section }: { section: Section }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`diff-${section.kind}`}>
      <Title order={4} id={`diff-${section.kind}`} mb="xs">
        {section.title}
      </Title>
      <Stack gap="sm">
        {CHANGE_KINDS.filter((kind) => section[kind.key].length > 0).map((kind) => (
          <div key={kind.key}>
            <Group gap="xs" mb={4}>
              <Badge color={kind.color} variant="light">
                {kind.label}
              </Badge>
              <Text size="sm" c="dimmed">
                {section[kind.key].length}
              </Text>
            </Group>
            <List spacing={6} aria-label={`${section.title}: ${kind.label.toLowerCase()}`}>
              {section[kind.key].map((item) => (
                <List.Item key={item.key}>
                  <Text size="sm" fw={500} span>
                    {item.previousLabel ? `${item.previousLabel} → ${item.label}` : item.label}
                  </Text>
                  <ItemChanges item={item} />
                </List.Item>
              ))}
            </List>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

/** A readable diff between two framework versions: per kind of part, what was added, removed, renamed or changed. */
export function DiffView({ diff }: { diff: FrameworkDiffFieldsFragment }) {
  const sections = diff.sections.filter((s) => s.added.length + s.removed.length + s.renamed.length + s.changed.length > 0);
  return (
    <Stack gap="md" aria-label={`Changes from ${diff.fromLabel} to ${diff.toLabel}`} role="region">
      <Text size="sm">
        {diff.changeCount === 0
          ? `${diff.toLabel} is the same as ${diff.fromLabel}.`
          : `${diff.changeCount} change${diff.changeCount === 1 ? '' : 's'} from ${diff.fromLabel} to ${diff.toLabel}.`}
      </Text>
      {sections.map((section) => (
        <SectionView key={section.kind} section={section} />
      ))}
    </Stack>
  );
}
