import { ActionIcon, Alert, Button, Group, NumberInput, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { PointsLevel, SubLevel } from '@trellis/domain';
import { useState } from 'react';

/**
 * One level's sub-levels (Monzo's A–E) in the Levelling tab's working copy: name and the fewest points
 * each needs, in order. Removing one offers an undo until the next change; problems from the domain's
 * check are shown on the row they are about (`levelling.levels[i].subLevels[j].name|minPoints`).
 */

const LETTERS = ['A', 'B', 'C', 'D', 'E'];
/** Mantine hands over a string for what it cannot read as a number as typed ("09" after a cleared 0): read it too. */
const asInt = (value: string | number): number => {
  const n = typeof value === 'number' ? value : Number(value.trim());
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
};

/** Sub-levels A–E spread evenly from the level's start to the next level's (or 10 apart at the top). */
export function evenSubLevels(level: PointsLevel, nextMin: number | undefined): SubLevel[] {
  const span = nextMin !== undefined ? nextMin - level.minPoints : LETTERS.length * 10;
  const step = Math.max(1, Math.floor(span / LETTERS.length));
  const count = Math.min(LETTERS.length, Math.max(1, span));
  return LETTERS.slice(0, count).map((name, i) => ({ name, minPoints: level.minPoints + i * step }));
}

export function SubLevelsEditor({
  level,
  index,
  nextMin,
  errors,
  onChange,
}: {
  level: PointsLevel;
  index: number;
  /** The next level's start, when there is one. */
  nextMin: number | undefined;
  /** Problem messages by `subLevels[j].name` / `subLevels[j].minPoints`. */
  errors: ReadonlyMap<string, string>;
  onChange: (subLevels: SubLevel[] | undefined) => void;
}) {
  const [removed, setRemoved] = useState<{ at: number; subLevel: SubLevel } | null>(null);
  const subLevels = level.subLevels ?? [];
  const label = level.name.trim() || `level ${index + 1}`;
  const set = (next: SubLevel[]) => {
    setRemoved(null);
    onChange(next.length > 0 ? next : undefined);
  };
  const change = (j: number, fields: Partial<SubLevel>) => set(subLevels.map((s, k) => (k === j ? { ...s, ...fields } : s)));
  const remove = (j: number) => {
    const subLevel = subLevels[j]!;
    onChange(subLevels.length > 1 ? subLevels.filter((_, k) => k !== j) : undefined);
    setRemoved({ at: j, subLevel });
  };
  const undo = () => {
    if (!removed) return;
    const next = [...subLevels];
    next.splice(Math.min(removed.at, next.length), 0, removed.subLevel);
    setRemoved(null);
    onChange(next);
  };
  const add = () => {
    const last = subLevels.at(-1);
    const name = LETTERS[subLevels.length] ?? `${subLevels.length + 1}`;
    set([...subLevels, { name, minPoints: last ? last.minPoints + 1 : level.minPoints }]);
  };

  return (
    <Stack gap={4} component="section" aria-label={`Sub-levels of ${label}`}>
      <Text size="sm" fw={600}>
        Sub-levels of {label}
      </Text>
      {subLevels.length === 0 ? (
        <Text size="sm" c="dimmed">
          None: “What level am I?” shows the level alone.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table aria-label={`Sub-levels of ${label}`} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Sub-level</Table.Th>
                <Table.Th scope="col">From points</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {subLevels.map((sub, j) => (
                <Table.Tr key={j}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`Name of sub-level ${j + 1} of ${label}`}
                      value={sub.name}
                      error={errors.get(`subLevels[${j}].name`) ?? (sub.name.trim() === '' ? 'needs a name' : undefined)}
                      onChange={(e) => change(j, { name: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={0}
                      allowDecimal={false}
                      aria-label={`Minimum points of sub-level ${j + 1} of ${label}`}
                      value={sub.minPoints}
                      error={errors.get(`subLevels[${j}].minPoints`)}
                      onChange={(value) => change(j, { minPoints: asInt(value) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove sub-level ${sub.name || j + 1} of ${label}`} onClick={() => remove(j)}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {removed ? (
        <Alert color="gray" variant="light" p="xs" role="status">
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Text size="sm">
              Removed sub-level {removed.subLevel.name || removed.at + 1} of {label}.
            </Text>
            <Button size="compact-xs" variant="light" onClick={undo}>
              Undo
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Group gap="xs" wrap="wrap">
        <Button size="compact-xs" variant="light" onClick={add} aria-label={`Add sub-level to ${label}`}>
          Add sub-level
        </Button>
        {subLevels.length === 0 ? (
          <Button size="compact-xs" variant="subtle" onClick={() => set(evenSubLevels(level, nextMin))} aria-label={`Add A–E, spread evenly, to ${label}`}>
            Add A–E, spread evenly
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
