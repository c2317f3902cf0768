import { ActionIcon, Alert, Button, Group, List, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { levellingRuleProblems, skillScales, type PointsLevelling } from '@trellis/domain';
import { useMemo, useState } from 'react';
import { asInt, NamedThresholdsTable } from './NamedThresholdsTable';
import type { DraftEditor } from './useDraftEditor';
import { SubLevelsEditor } from './SubLevelsEditor';

/**
 * The framework's points levelling rule (Medium's Snowflake model), edited as a whole and saved as
 * one setLevelling: points per skill level, skills with points of their own, levels by the fewest
 * points (each with optional sub-levels, Monzo's A–E), titles by point range. Problems show before
 * saving, by row, from the same domain check the API applies; removing the rule offers an undo.
 */

type Rule = PointsLevelling;

const STARTER: Rule = {
  kind: 'points',
  pointsByLevel: {},
  levels: [{ minPoints: 0, name: 'Level 1' }],
  titles: [],
};

/** Levels a skill's own table lists above its scale (its scale changed since): shown so they can be removed. */
const offScale = (table: Record<string, number>, max: number): number[] =>
  Object.keys(table)
    .map(Number)
    .filter((level) => level > max)
    .sort((a, b) => a - b);

/** "levelling.levels[2].minPoints: must be …" → "Level 3, minimum points: must be …" */
function describeProblem(path: string, message: string, skillName: (key: string) => string): string {
  const rest = path.replace(/^levelling\./, '');
  let m = rest.match(/^levels\[(\d+)\]\.subLevels\[(\d+)\]\.(\w+)$/);
  if (m) return `Level ${Number(m[1]) + 1}, sub-level ${Number(m[2]) + 1} ${m[3] === 'name' ? 'name' : 'minimum points'}: ${message}`;
  m = rest.match(/^levels\[(\d+)\]\.(\w+)$/);
  if (m) return `Level ${Number(m[1]) + 1} ${m[2] === 'name' ? 'name' : 'minimum points'}: ${message}`;
  m = rest.match(/^titles\[(\d+)\]\.(\w+)$/);
  if (m) return `Title ${Number(m[1]) + 1} ${m[2] === 'maxPoints' ? 'maximum points' : 'minimum points'}: ${message}`;
  m = rest.match(/^pointsByLevel\.(\d+)$/);
  if (m) return `Points for level ${m[1]}: ${message}`;
  m = rest.match(/^skillPoints\.([^.]+)(?:\.(\d+))?$/);
  if (m) return `${skillName(m[1]!)}${m[2] ? `, level ${m[2]}` : ''}: ${message}`;
  return `Points per level: ${message}`;
}

export function LevellingPanel({ editor }: { editor: DraftEditor }) {
  const { document, apply, saving } = editor;
  const saved = document.levelling;
  const [working, setWorking] = useState<Rule | null>(null);
  const [ownSkill, setOwnSkill] = useState<string | null>(null);
  const scales = useMemo(() => skillScales(document), [document]);
  const top = Math.max(document.proficiencyScale.length, ...[...scales.values()].map((s) => s.max));
  const skillName = (key: string) => document.skills.find((s) => s.key === key)?.name ?? key;
  const problems = working ? levellingRuleProblems(document, working) : [];
  // Problems by the row they are about: "levels[1].minPoints", "levels[1].subLevels[0].name".
  const rowErrors = new Map(problems.map((p) => [p.path.replace(/^levelling\./, ''), p.message]));
  const levelErrors = (i: number) =>
    new Map([...rowErrors].filter(([path]) => path.startsWith(`levels[${i}].subLevels`)).map(([path, message]) => [path.slice(`levels[${i}].`.length), message]));

  if (!working) {
    return (
      <Stack gap="xs" component="section" aria-labelledby="levelling-heading">
        <Title order={3} size="h5" id="levelling-heading">
          Points levelling
        </Title>
        <Text size="sm" c="dimmed">
          An optional rule that answers “What level am I?” on My career: each skill’s level earns points, the total picks a level and the titles whose range holds it.
        </Text>
        {saved ? <RuleSummary rule={saved} skillName={skillName} /> : <Text size="sm">No points rule: My career does not show “What level am I?”.</Text>}
        <Group gap="xs">
          <Button size="xs" onClick={() => setWorking(saved ? structuredClone(saved) : { ...STARTER, pointsByLevel: Object.fromEntries(Array.from({ length: top }, (_, i) => [String(i + 1), 0])) })}>
            {saved ? 'Edit the points rule' : 'Add a points rule'}
          </Button>
          {saved ? (
            <Button size="xs" variant="outline" color="red" onClick={() => void apply([{ kind: 'setLevelling', levelling: null }], { undoMessage: 'Removed the points rule.' })}>
              Remove the points rule
            </Button>
          ) : null}
        </Group>
      </Stack>
    );
  }

  const set = (change: Partial<Rule>) => setWorking({ ...working, ...change });
  // An emptied cell leaves the level out: it then earns what the highest listed level below it earns.
  const setPoints = (table: Record<string, number>, level: number, value: string | number) => {
    const { [String(level)]: _old, ...rest } = table;
    return value === '' ? rest : { ...rest, [String(level)]: asInt(value) };
  };
  const ownSkills = Object.keys(working.skillPoints ?? {});
  const setOwn = (skillKey: string, table: Record<string, number> | null) => {
    const { [skillKey]: _old, ...others } = working.skillPoints ?? {};
    const next = table ? { ...others, [skillKey]: table } : others;
    const { skillPoints: _all, ...rest } = working;
    setWorking(Object.keys(next).length > 0 ? { ...rest, skillPoints: next } : rest);
  };
  const save = async () => {
    if (await apply([{ kind: 'setLevelling', levelling: working }])) setWorking(null);
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="levelling-heading">
      <Title order={3} size="h5" id="levelling-heading">
        Points levelling
      </Title>

      <Table.ScrollContainer minWidth={0}>
        <Table aria-label="Points per skill level" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Skill level</Table.Th>
              <Table.Th scope="col">Points (cumulative)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Array.from({ length: top }, (_, i) => i + 1).map((level) => (
              <Table.Tr key={level}>
                <Table.Th scope="row">{level}</Table.Th>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    allowDecimal={false}
                    aria-label={`Points for level ${level}`}
                    value={working.pointsByLevel[String(level)] ?? ''}
                    onChange={(value) => set({ pointsByLevel: setPoints(working.pointsByLevel, level, value) })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Skills with points of their own
        </Text>
        {ownSkills.map((skillKey) => {
          const scale = scales.get(skillKey);
          const table = working.skillPoints![skillKey]!;
          return (
            <Table.ScrollContainer minWidth={0} key={skillKey}>
              <Table aria-label={`Points for ${skillName(skillKey)}`} withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{skillName(skillKey)}</Table.Th>
                    <Table.Th scope="col">Points</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(scale?.levels ?? []).map((step) => (
                    <Table.Tr key={step.level}>
                      <Table.Th scope="row">
                        {step.level} {step.name}
                      </Table.Th>
                      <Table.Td>
                        <NumberInput
                          size="xs"
                          min={0}
                          allowDecimal={false}
                          aria-label={`Points for ${skillName(skillKey)} at level ${step.level}`}
                          value={table[String(step.level)] ?? ''}
                          onChange={(value) => setOwn(skillKey, setPoints(table, step.level, value))}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {offScale(table, scale?.max ?? top).map((level) => (
                    <Table.Tr key={`off-${level}`}>
                      <Table.Th scope="row">
                        {level} <Text span size="xs" c="red.8">not on its scale</Text>
                      </Table.Th>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm">{table[String(level)]}</Text>
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            aria-label={`Remove the points of ${skillName(skillKey)} for level ${level}`}
                            onClick={() => setOwn(skillKey, setPoints(table, level, ''))}
                          >
                            Remove
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOwn(skillKey, null)} aria-label={`Remove the own points of ${skillName(skillKey)}`}>
                Use the common points
              </Button>
            </Table.ScrollContainer>
          );
        })}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            size="xs"
            label="Give a skill its own points"
            placeholder="Choose a skill"
            data={document.skills.filter((s) => !ownSkills.includes(s.key)).map((s) => ({ value: s.key, label: s.name }))}
            value={ownSkill}
            onChange={setOwnSkill}
            searchable
          />
          <Button
            size="xs"
            variant="light"
            disabled={!ownSkill}
            onClick={() => {
              if (!ownSkill) return;
              const max = scales.get(ownSkill)?.max ?? top;
              setOwn(ownSkill, Object.fromEntries(Array.from({ length: max }, (_, i) => [String(i + 1), working.pointsByLevel[String(i + 1)] ?? 0])));
              setOwnSkill(null);
            }}
          >
            Add
          </Button>
        </Group>
      </Stack>

      <NamedThresholdsTable
        label="Levels by points"
        nameHeader="Level"
        rows={working.levels}
        labels={{ name: (i) => `Name of level ${i + 1}`, minPoints: (i) => `Minimum points of level ${i + 1}`, remove: (_, i) => `Remove level ${i + 1}` }}
        error={(i, field) => rowErrors.get(`levels[${i}].${field}`)}
        removeDisabled={working.levels.length === 1}
        onChange={(i, fields) => set({ levels: working.levels.map((l, j) => (j === i ? { ...l, ...fields } : l)) })}
        onRemove={(i) => set({ levels: working.levels.filter((_, j) => j !== i) })}
      />
      <Button
        size="xs"
        variant="light"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => set({ levels: [...working.levels, { minPoints: (working.levels.at(-1)?.minPoints ?? 0) + 1, name: `Level ${working.levels.length + 1}` }] })}
      >
        Add level
      </Button>

      <Stack gap="sm">
        <div>
          <Text size="sm" fw={600}>
            Sub-levels within levels
          </Text>
          <Text size="xs" c="dimmed">
            Optional steps inside a level (Monzo’s A–E), each from the fewest points it needs: the first starts where its level does, and all stay below the next
            level. “What level am I?” then says “Level 2 · C” and what the next sub-level needs.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {working.levels.map((level, i) => (
          <SubLevelsEditor
            key={i}
            level={level}
            index={i}
            nextMin={working.levels[i + 1]?.minPoints}
            errors={levelErrors(i)}
            onChange={(subLevels) =>
              set({
                levels: working.levels.map((l, j) => {
                  if (j !== i) return l;
                  const { subLevels: _old, ...rest } = l;
                  return subLevels ? { ...rest, subLevels } : rest;
                }),
              })
            }
          />
        ))}
        </SimpleGrid>
      </Stack>

      <Table.ScrollContainer minWidth={0}>
        <Table aria-label="Titles by points" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Title</Table.Th>
              <Table.Th scope="col">From</Table.Th>
              <Table.Th scope="col">To</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {working.titles.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm">No titles: the level alone is shown.</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {working.titles.map((title, i) => {
              const change = (fields: Partial<Rule['titles'][number]>) => set({ titles: working.titles.map((t, j) => (j === i ? { ...t, ...fields } : t)) });
              return (
                <Table.Tr key={i}>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Title ${i + 1}`} value={title.title} onChange={(e) => change({ title: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" min={0} allowDecimal={false} aria-label={`Title ${i + 1} from points`} value={title.minPoints} onChange={(value) => change({ minPoints: asInt(value) })} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={0}
                      allowDecimal={false}
                      placeholder="no limit"
                      aria-label={`Title ${i + 1} to points`}
                      value={title.maxPoints ?? ''}
                      onChange={(value) => {
                        if (value === '') {
                          const { maxPoints: _max, ...rest } = title;
                          set({ titles: working.titles.map((t, j) => (j === i ? rest : t)) });
                        } else change({ maxPoints: asInt(value) });
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove title ${i + 1}`} onClick={() => set({ titles: working.titles.filter((_, j) => j !== i) })}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Button size="xs" variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => set({ titles: [...working.titles, { title: '', minPoints: 0 }] })}>
        Add title
      </Button>

      {problems.length > 0 ? (
        <div role="status" aria-label="Problems with the points rule">
        <Alert color="yellow" title="Fix these before saving">
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={`${p.path}:${p.message}`}>{describeProblem(p.path, p.message, skillName)}</List.Item>
            ))}
          </List>
        </Alert>
        </div>
      ) : null}
      <Group gap="xs">
        <Button size="xs" onClick={() => void save()} disabled={
            problems.length > 0 ||
            working.levels.some((l) => l.name.trim() === '' || (l.subLevels ?? []).some((s) => s.name.trim() === '')) ||
            working.titles.some((t) => t.title.trim() === '')} loading={saving}>
          Save the points rule
        </Button>
        <Button size="xs" variant="default" onClick={() => setWorking(null)}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

function RuleSummary({ rule, skillName }: { rule: Rule; skillName: (key: string) => string }) {
  const points = Object.entries(rule.pointsByLevel)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([level, p]) => `level ${level}: ${p}`)
    .join(', ');
  const own = Object.keys(rule.skillPoints ?? {}).map(skillName);
  return (
    <List size="sm" spacing={2} aria-label="Points rule">
      <List.Item>Points per skill level: {points || 'none yet'}</List.Item>
      {own.length > 0 ? <List.Item>Own points: {own.join(', ')}</List.Item> : null}
      <List.Item>
        Levels:{' '}
        {rule.levels
          .map((l) => `${l.name} from ${l.minPoints}${l.subLevels?.length ? ` (${l.subLevels.map((s) => `${s.name} ${s.minPoints}`).join(', ')})` : ''}`)
          .join('; ')}
      </List.Item>
      <List.Item>Titles: {rule.titles.map((t) => `${t.title} ${t.minPoints}–${t.maxPoints ?? '…'}`).join(', ') || 'none'}</List.Item>
    </List>
  );
}
