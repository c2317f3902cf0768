import { Button, Checkbox, Group, NumberInput, Paper, Text } from '@mantine/core';
import { MarkdownField } from '../../components/markdown/MarkdownField';
import { ladderOf, skillScales, type DraftOperation, type FrameworkDocument, type RoleDocument, type SkillDocument } from '@trellis/domain';
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import classes from './ExpectationsGrid.module.css';

interface Cell {
  row: number;
  col: number;
}

/** A cell of a pasted block: a level, or null for an empty cell (clears it). */
export function parsePastedLevel(text: string): number | null | undefined {
  const value = text.trim();
  if (value === '' || value === '-' || value === '–') return null;
  return /^[0-9]+$/.test(value) ? Number(value) : undefined;
}

/** Rows of tab-separated cells, as spreadsheets put them on the clipboard (the trailing line break dropped). */
export function pastedRows(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}

/**
 * The expectations of every role (rows, by track and rung) for every skill (columns, by category),
 * edited like a spreadsheet: arrow keys (and Home/End) move, a digit sets the level, Delete or
 * Backspace clears it, and pasting tab-separated rows from a spreadsheet fills from the active cell.
 */
export function ExpectationsGrid({ document, apply }: { document: FrameworkDocument; apply: (operations: DraftOperation[]) => Promise<boolean> }) {
  const roles = useMemo(() => document.tracks.flatMap((track) => ladderOf(document, track.key)), [document]);
  const skills = useMemo(() => {
    const order = new Map(document.skillCategories.map((category, index) => [category.key, index]));
    return document.skills
      .map((skill, index) => ({ skill, index }))
      .sort((a, b) => (order.get(a.skill.categoryKey) ?? 0) - (order.get(b.skill.categoryKey) ?? 0) || a.index - b.index)
      .map(({ skill }) => skill);
  }, [document]);
  // Each skill is set on its own scale: its level count and level names.
  const scales = useMemo(() => skillScales(document), [document]);
  const scaleOf = (skillKey: string) => scales.get(skillKey);
  const maxOf = (skillKey: string) => scaleOf(skillKey)?.max ?? document.proficiencyScale.length;
  const nameOf = (skillKey: string, level: number) => scaleOf(skillKey)?.levels.find((step) => step.level === level)?.name ?? '';
  const max = Math.max(...document.skills.map((skill) => maxOf(skill.key)), document.proficiencyScale.length);

  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [message, setMessage] = useState<string | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    cells.current.get(`${active.row}:${active.col}`)?.focus();
  }, [active]);

  if (roles.length === 0 || skills.length === 0) {
    return <Text>Add roles and skills first: the grid has a row per role and a column per skill.</Text>;
  }

  const at = { row: Math.min(active.row, roles.length - 1), col: Math.min(active.col, skills.length - 1) };
  const moveTo = (row: number, col: number) => {
    moved.current = true;
    setActive({ row: Math.max(0, Math.min(row, roles.length - 1)), col: Math.max(0, Math.min(col, skills.length - 1)) });
  };

  const setLevel = async (level: number | null) => {
    const role = roles[at.row]!;
    const skill = skills[at.col]!;
    if ((role.expectations[skill.key] ?? null) === level) return;
    setMessage(null);
    await apply([{ kind: 'setExpectation', roleKey: role.key, skillKey: skill.key, level }]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [at.row - 1, at.col],
      ArrowDown: [at.row + 1, at.col],
      ArrowLeft: [at.row, at.col - 1],
      ArrowRight: [at.row, at.col + 1],
      Home: [at.row, 0],
      End: [at.row, skills.length - 1],
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      moveTo(...target);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void setLevel(null);
      return;
    }
    if (/^[0-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const level = Number(event.key);
      const skill = skills[at.col]!;
      const top = maxOf(skill.key);
      if (level < 1 || level > top) {
        const scale = scaleOf(skill.key);
        setMessage(`${skill.name} runs from 1 to ${top}${scale?.name ? ` (${scale.name})` : ''}: ${level} is not on its scale.`);
        return;
      }
      void setLevel(level);
      return;
    }
    if (event.key === 'o' || event.key === 'O') {
      // Toggles "optional" on an expected skill.
      event.preventDefault();
      const role = roles[at.row]!;
      const skill = skills[at.col]!;
      if (role.expectations[skill.key] === undefined) {
        setMessage(`${role.title} does not expect ${skill.name}: set a level first.`);
        return;
      }
      setMessage(null);
      void apply([{ kind: 'setExpectationDetail', roleKey: role.key, skillKey: skill.key, optional: !role.expectationDetails?.[skill.key]?.optional }]);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    event.preventDefault();
    const rows = pastedRows(event.clipboardData.getData('text/plain'));
    const problems: string[] = [];
    const operations: DraftOperation[] = [];
    rows.forEach((values, i) => {
      const role = roles[at.row + i];
      if (!role) return;
      const levels: Record<string, number | null> = {};
      values.forEach((text, j) => {
        const skill = skills[at.col + j];
        if (!skill) return;
        const level = parsePastedLevel(text);
        const top = maxOf(skill.key);
        if (level === undefined || (level !== null && (level < 1 || level > top))) {
          problems.push(`${role.title}, ${skill.name}: "${text.trim()}" is not a level from 1 to ${top}`);
        } else levels[skill.key] = level;
      });
      if (Object.keys(levels).length > 0) operations.push({ kind: 'setExpectationsRow', roleKey: role.key, levels });
    });
    if (problems.length > 0) {
      setMessage(`Nothing was pasted. ${problems.join('; ')}.`);
      return;
    }
    setMessage(null);
    if (operations.length > 0) void apply(operations);
  };

  return (
    <div>
      <Text size="sm" c="dimmed" mb="xs" id="expectations-help">
        Arrow keys move; type a level (1–{max}, each skill on its own scale), Delete to clear it, O to make it optional or required; paste rows
        copied from a spreadsheet into the selected cell. The selected cell&apos;s terms are edited below the grid.
      </Text>
      {message ? (
        <Text role="alert" c="red.8" size="sm" mb="xs">
          {message}
        </Text>
      ) : null}
      <div className={classes.scroller}>
        <table role="grid" aria-label="Expectations" aria-describedby="expectations-help" className={classes.grid} onKeyDown={onKeyDown} onPaste={onPaste}>
          <thead>
            <tr>
              <th scope="col" className={classes.corner}>
                Role
              </th>
              {skills.map((skill) => (
                <th key={skill.key} scope="col" className={classes.skill}>
                  <span>{skill.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roles.map((role, row) => (
              <tr key={role.key}>
                <th scope="row" className={classes.role}>
                  {role.title}
                </th>
                {skills.map((skill, col) => {
                  const level = role.expectations[skill.key];
                  const optional = level !== undefined && !!role.expectationDetails?.[skill.key]?.optional;
                  const isActive = row === at.row && col === at.col;
                  return (
                    <td
                      key={skill.key}
                      role="gridcell"
                      tabIndex={isActive ? 0 : -1}
                      aria-selected={isActive}
                      aria-label={`${role.title}, ${skill.name}: ${level ? `${level} (${nameOf(skill.key, level)})${optional ? ', optional' : ''}` : 'not expected'}`}
                      ref={(element) => {
                        const key = `${row}:${col}`;
                        if (element) cells.current.set(key, element);
                        else cells.current.delete(key);
                      }}
                      className={classes.cell}
                      data-level={level ?? 0}
                      data-optional={optional}
                      title={level ? `${nameOf(skill.key, level)}${optional ? ' (optional)' : ''}` : undefined}
                      onClick={() => moveTo(row, col)}
                    >
                      {level ?? ''}
                      {optional ? <span aria-hidden="true">?</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExpectationTerms
        // Remounted when the cell or its saved terms change (O, an undo, someone else's save), so the form never sends stale values.
        key={`${roles[at.row]!.key}/${skills[at.col]!.key}/${roles[at.row]!.expectations[skills[at.col]!.key] ?? ''}/${JSON.stringify(roles[at.row]!.expectationDetails?.[skills[at.col]!.key] ?? {})}`}
        role={roles[at.row]!}
        skill={skills[at.col]!}
        levelName={nameOf}
        apply={apply}
      />
    </div>
  );
}

/** The selected cell's terms: optional, weight and what this role in particular does at that level. */
function ExpectationTerms({
  role,
  skill,
  levelName,
  apply,
}: {
  role: RoleDocument;
  skill: SkillDocument;
  levelName: (skillKey: string, level: number) => string;
  apply: (operations: DraftOperation[]) => Promise<boolean>;
}) {
  const level = role.expectations[skill.key];
  const detail = role.expectationDetails?.[skill.key];
  const [optional, setOptional] = useState(detail?.optional ?? false);
  const [weight, setWeight] = useState<number | string>(detail?.weight ?? 1);
  const [statement, setStatement] = useState(detail?.statement ?? '');
  if (level === undefined) {
    return (
      <Text size="sm" c="dimmed" mt="sm" data-testid="expectation-terms">
        {role.title} does not expect {skill.name}. Select a cell with a level to set its terms.
      </Text>
    );
  }
  const save = () =>
    void apply([
      {
        kind: 'setExpectationDetail',
        roleKey: role.key,
        skillKey: skill.key,
        optional,
        weight: typeof weight === 'number' && weight !== 1 ? weight : null,
        statement: statement.trim() === '' ? null : statement.trim(),
      },
    ]);
  return (
    <Paper withBorder p="sm" mt="sm" component="section" aria-label={`Terms of ${role.title}'s expectation for ${skill.name}`} data-testid="expectation-terms">
      <Text size="sm" fw={600} mb={6}>
        {role.title} · {skill.name}: level {level} ({levelName(skill.key, level)})
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Checkbox label="Optional (listed, not counted in readiness or gaps)" checked={optional} onChange={(event) => setOptional(event.currentTarget.checked)} />
        <NumberInput label="Weight" min={0.1} max={10} step={0.5} decimalScale={2} value={weight} onChange={setWeight} w={110} />
      </Group>
      <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>
        <MarkdownField label="What this role does at that level (optional, Markdown)" value={statement} onChange={setStatement} />
      </div>
      <Group justify="flex-end" mt="xs">
        <Button size="compact-sm" onClick={save}>
          Save terms
        </Button>
      </Group>
    </Paper>
  );
}
