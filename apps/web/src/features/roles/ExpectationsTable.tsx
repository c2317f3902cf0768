import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Markdown } from '../../components/markdown/Markdown';
import { Descriptor } from '../../components/markdown/Descriptor';
import classes from './ExpectationsTable.module.css';

export interface ExpectationSkillLevel {
  level: number;
  /** The level's name on the skill's own scale. */
  name: string;
  descriptor: string | null;
  hasDescriptor?: boolean;
  criteria?: readonly string[];
  examples?: readonly string[];
}

export interface ExpectationRow {
  id: string;
  level: number;
  descriptor: string | null;
  criteria?: readonly string[];
  examples?: readonly string[];
  optional?: boolean;
  weight?: number;
  statement?: string | null;
  skill: {
    id: string;
    name: string;
    description?: string | null;
    category: { id: string; name: string };
    levels: ExpectationSkillLevel[];
  };
}

export interface ExpectationGroup {
  category: { id: string; name: string };
  rows: ExpectationRow[];
}

/** Groups expectations by skill category, keeping the order in which categories and skills first appear. */
export function groupByCategory(expectations: readonly ExpectationRow[]): ExpectationGroup[] {
  const groups = new Map<string, ExpectationGroup>();
  for (const expectation of expectations) {
    const category = expectation.skill.category;
    let group = groups.get(category.id);
    if (!group) {
      group = { category, rows: [] };
      groups.set(category.id, group);
    }
    group.rows.push(expectation);
  }
  return [...groups.values()];
}

function LevelDots({ level, max }: { level: number; max: number }) {
  return (
    <span className={classes.dots} aria-hidden="true">
      {Array.from({ length: max }, (_, i) => (
        <span key={i} className={classes.dot} data-filled={i < level} />
      ))}
    </span>
  );
}

export { Descriptor, NO_DESCRIPTOR } from '../../components/markdown/Descriptor';

function ExpectationRows({
  row,
  levelName,
  maxLevel,
}: {
  row: ExpectationRow;
  levelName: (level: number, row: ExpectationRow) => string;
  maxLevel: number;
}) {
  const [open, setOpen] = useState(false);
  const ladderId = `ladder-${row.id}`;
  const levels = [...row.skill.levels].sort((a, b) => a.level - b.level);
  // Each skill is drawn on its own scale (a 3-level skill shows 3 dots).
  const ownMax = levels.length > 0 ? Math.max(...levels.map((l) => l.level)) : maxLevel;
  return (
    <>
      <Table.Tr>
        <Table.Th scope="row" className={classes.skillCell}>
          {row.skill.name}
          {row.optional ? (
            <Badge ml={6} size="sm" variant="light" color="gray">
              Optional
            </Badge>
          ) : null}
          {row.weight !== undefined && row.weight !== 1 ? (
            <Badge ml={6} size="sm" variant="light">
              Weight {row.weight}
            </Badge>
          ) : null}
          {row.skill.description ? (
            <Text size="xs" c="dimmed" fw={400} mt={2}>
              {row.skill.description}
            </Text>
          ) : null}
        </Table.Th>
        <Table.Td className={classes.levelCell}>
          <Group gap={8} wrap="nowrap">
            <Badge variant="filled" size="lg" circle>
              <VisuallyHidden>Level </VisuallyHidden>
              {row.level}
            </Badge>
            <div>
              <Text size="sm" fw={600}>
                {levelName(row.level, row)}
              </Text>
              <LevelDots level={row.level} max={ownMax} />
            </div>
          </Group>
        </Table.Td>
        <Table.Td className={classes.descriptorCell}>
          {row.statement ? (
            <Text size="sm" component="div" mb={4}>
              <Text span fw={600} size="sm">
                For this role:{' '}
              </Text>
              <Markdown text={row.statement} />
            </Text>
          ) : null}
          <Descriptor summary={row.descriptor} criteria={row.criteria} examples={row.examples} />
        </Table.Td>
        <Table.Td className={classes.toggleCell}>
          {levels.length > 0 ? (
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={open}
              aria-controls={ladderId}
              onClick={() => setOpen((value) => !value)}
            >
              {open ? 'Hide levels' : 'All levels'}
              <VisuallyHidden> of {row.skill.name}</VisuallyHidden>
            </Button>
          ) : null}
        </Table.Td>
      </Table.Tr>
      <Table.Tr id={ladderId} className={classes.ladderRow} hidden={!open}>
        <Table.Td colSpan={4}>
          <ol className={classes.ladder} aria-label={`${row.skill.name} at every level`}>
            {levels.map((step) => {
              const expected = step.level === row.level;
              return (
                <li key={step.level} className={classes.ladderStep} data-expected={expected}>
                  <Text size="sm" fw={700}>
                    {step.level}
                  </Text>
                  <Text size="sm" fw={600}>
                    {step.name}
                    {expected ? <VisuallyHidden> (expected for this role)</VisuallyHidden> : null}
                  </Text>
                  <Descriptor summary={step.descriptor} criteria={step.criteria} examples={step.examples} />
                </li>
              );
            })}
          </ol>
        </Table.Td>
      </Table.Tr>
    </>
  );
}

/**
 * The skills a role expects, grouped by skill category: level number, the level's name on the framework's scale,
 * the descriptor at that level, and the skill's whole ladder on demand.
 */
export function ExpectationsTable({
  expectations,
  scale,
  labelledBy,
}: {
  expectations: readonly ExpectationRow[];
  scale: readonly { level: number; name: string }[];
  labelledBy: string;
}) {
  const scaleNames = new Map(scale.map((step) => [step.level, step.name]));
  const maxLevel = Math.max(5, ...scale.map((step) => step.level));
  // The skill's own scale names the level first (per-skill scales); the framework's scale is the fallback.
  const levelName = (level: number, row: ExpectationRow) =>
    row.skill.levels.find((step) => step.level === level)?.name ?? scaleNames.get(level) ?? `Level ${level}`;
  const groups = groupByCategory(expectations);

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-labelledby={labelledBy} verticalSpacing="sm" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Skill</Table.Th>
            <Table.Th scope="col">Expected level</Table.Th>
            <Table.Th scope="col">What this level looks like</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Every level</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        {groups.map((group) => (
          <Table.Tbody key={group.category.id}>
            <Table.Tr className={classes.categoryRow}>
              <Table.Th scope="rowgroup" colSpan={4}>
                {group.category.name}
              </Table.Th>
            </Table.Tr>
            {group.rows.map((row) => (
              <ExpectationRows key={row.id} row={row} levelName={levelName} maxLevel={maxLevel} />
            ))}
          </Table.Tbody>
        ))}
      </Table>
    </Table.ScrollContainer>
  );
}
