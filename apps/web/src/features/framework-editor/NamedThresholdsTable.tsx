import { ActionIcon, NumberInput, Table, TextInput, VisuallyHidden } from '@mantine/core';

/**
 * The Levelling tab's table of named thresholds (levels by points, a level's sub-levels): a row a
 * threshold, its name and the fewest points it needs, each with its problem shown on it, and a remove
 * button. The caller names the table, the rows' inputs and buttons, and owns what removing does
 * (sub-levels offer an undo, levels do not).
 */

export interface NamedThreshold {
  name: string;
  minPoints: number;
}

/** Mantine hands over a string for what it cannot read as a number as typed ("09" after a cleared 0): read it too. */
export const asInt = (value: string | number): number => {
  const n = typeof value === 'number' ? value : Number(value.trim());
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
};

export function NamedThresholdsTable({
  label,
  nameHeader,
  rows,
  labels,
  error,
  removeDisabled = false,
  onChange,
  onRemove,
}: {
  /** The table's accessible name. */
  label: string;
  /** The first column's header ("Level", "Sub-level"). */
  nameHeader: string;
  rows: readonly NamedThreshold[];
  /** Accessible names of row i's name input, points input and remove button. */
  labels: { name: (i: number) => string; minPoints: (i: number) => string; remove: (row: NamedThreshold, i: number) => string };
  /** The problem to show on row i's field, if any. */
  error: (i: number, field: keyof NamedThreshold) => string | undefined;
  removeDisabled?: boolean;
  onChange: (i: number, fields: Partial<NamedThreshold>) => void;
  onRemove: (i: number) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table aria-label={label} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{nameHeader}</Table.Th>
            <Table.Th scope="col">From points</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput size="xs" aria-label={labels.name(i)} value={row.name} error={error(i, 'name')} onChange={(e) => onChange(i, { name: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  min={0}
                  allowDecimal={false}
                  aria-label={labels.minPoints(i)}
                  value={row.minPoints}
                  error={error(i, 'minPoints')}
                  onChange={(value) => onChange(i, { minPoints: asInt(value) })}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="red" disabled={removeDisabled} aria-label={labels.remove(row, i)} onClick={() => onRemove(i)}>
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
