import { NativeSelect, Stack, Text } from '@mantine/core';
import type { ChangeEvent, ReactNode } from 'react';
import { Markdown } from '../markdown/Markdown';
import { ratingOptions, type ScaledSkill } from './levels';

/**
 * The control that rates one skill: exactly the skill's own levels (a skill on a 3-level scale offers 3), each
 * named on its scale with its descriptor summary. A native select, so it works by keyboard and on a phone's
 * picker as every other select does. With `showSummary` the chosen level's summary is written out beneath it
 * (in a dialog, where there is room).
 */
export function LevelSelect({
  skill,
  value,
  onChange,
  label,
  ariaLabel,
  placeholder = 'Not rated',
  showSummary = false,
  error,
  minWidth,
}: {
  skill: ScaledSkill;
  value: number | null | undefined;
  onChange: (level: number, control: HTMLSelectElement) => void;
  label?: ReactNode;
  ariaLabel?: string;
  /** The first, disabled option while there is no level. */
  placeholder?: string;
  showSummary?: boolean;
  error?: ReactNode;
  /** In a table cell: wide enough that the level's name shows whole on a phone (the table scrolls instead). */
  minWidth?: number;
}) {
  const options = ratingOptions(skill);
  const chosen = options.find((option) => option.level === value) ?? null;
  const select = (
    <NativeSelect
      label={label}
      aria-label={ariaLabel}
      error={error}
      miw={minWidth}
      data={[
        // A level kept from before the skill's scale changed is shown as it is, never as another level.
        ...(chosen ? [] : [{ value: '', label: value ? `${value} (not on this skill’s scale)` : placeholder, disabled: true }]),
        ...options.map((option) => ({ value: String(option.level), label: option.label })),
      ]}
      value={chosen ? String(chosen.level) : ''}
      onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(Number(event.currentTarget.value), event.currentTarget)}
    />
  );
  if (!showSummary) return select;
  return (
    <Stack gap={4}>
      {select}
      {chosen ? (
        <Text size="sm" c="dimmed" component="div" aria-live="polite">
          {chosen.name}
          {chosen.summary ? ': ' : ''}
          {chosen.summary ? <Markdown text={chosen.summary} inline /> : null}
        </Text>
      ) : null}
    </Stack>
  );
}
