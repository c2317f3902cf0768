import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { PointsLevel, SubLevel } from '@trellis/domain';
import { useState } from 'react';
import { NamedThresholdsTable } from './NamedThresholdsTable';

/**
 * One level's sub-levels (Monzo's A–E) in the Levelling tab's working copy: name and the fewest points
 * each needs, in order. Removing one offers an undo until the next change; problems from the domain's
 * check are shown on the row they are about (`levelling.levels[i].subLevels[j].name|minPoints`).
 */

const LETTERS = ['A', 'B', 'C', 'D', 'E'];

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
        <NamedThresholdsTable
          label={`Sub-levels of ${label}`}
          nameHeader="Sub-level"
          rows={subLevels}
          labels={{
            name: (j) => `Name of sub-level ${j + 1} of ${label}`,
            minPoints: (j) => `Minimum points of sub-level ${j + 1} of ${label}`,
            remove: (sub, j) => `Remove sub-level ${sub.name || j + 1} of ${label}`,
          }}
          // A blank name is said at once; the domain's check says the rest.
          error={(j, field) => errors.get(`subLevels[${j}].${field}`) ?? (field === 'name' && subLevels[j]!.name.trim() === '' ? 'needs a name' : undefined)}
          onChange={change}
          onRemove={remove}
        />
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
