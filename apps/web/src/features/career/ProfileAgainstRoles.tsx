import { Accordion, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Empty } from '../../components/QueryStates';
import { isWideScreen } from './wideScreen';
import { expectedLevels, skillLevelLabel, type CareerRole, type CareerVersion } from './careerData';


type Skill = CareerVersion['skills'][number];

export interface CategorySummary {
  id: string;
  name: string;
  skills: Skill[];
  /** Skills of the category the measured role expects. */
  expected: number;
  met: number;
  gaps: number;
  /** Expected, but neither rated nor assumed from the current role. */
  unknown: number;
}

/**
 * The skills that matter here (rated, or expected by either role) by category, each category counted against
 * one role's expectations: the chosen role when there is one (what I am exploring), else my current role.
 */
export function summariseCategories(
  skills: readonly Skill[],
  profile: Map<string, number>,
  current: Map<string, number>,
  measured: Map<string, number>,
): CategorySummary[] {
  const categories = new Map<string, CategorySummary>();
  for (const skill of skills) {
    const category = categories.get(skill.category.id) ?? { id: skill.category.id, name: skill.category.name, skills: [], expected: 0, met: 0, gaps: 0, unknown: 0 };
    category.skills.push(skill);
    const expected = measured.get(skill.id);
    if (expected) {
      const known = profile.get(skill.id) ?? current.get(skill.id);
      category.expected += 1;
      if (known === undefined) category.unknown += 1;
      else if (known < expected) category.gaps += 1;
      else category.met += 1;
    }
    categories.set(skill.category.id, category);
  }
  return [...categories.values()];
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * My levels against my current role's and the chosen role's expectations, only for the skills that matter
 * here, grouped by category. Listed in full this was most of a phone's page (every category a table), so each
 * category is a one-line summary (how many of the role's expectations I meet, how many gaps) that opens to its
 * table. On a phone all start closed and the ones with gaps are flagged; on a wide screen the ones with gaps
 * start open, as there is room and they are what to work on.
 */
export function ProfileAgainstRoles({
  version,
  profile,
  currentRole,
  chosen,
}: {
  version: CareerVersion;
  profile: Map<string, number>;
  currentRole: CareerRole | null;
  chosen: CareerRole | null;
}) {
  const current = expectedLevels(currentRole);
  const target = expectedLevels(chosen);
  const measuredRole = chosen ?? currentRole;
  const measured = chosen ? target : current;
  const skills = version.skills.filter((skill) => profile.has(skill.id) || current.has(skill.id) || target.has(skill.id));
  const categories = summariseCategories(skills, profile, current, measured);
  const withGaps = categories.filter((category) => category.gaps > 0);
  const gapIds = withGaps.map((category) => category.id);

  const [open, setOpen] = useState<string[]>(() => (isWideScreen() ? gapIds : []));
  // Another role measured (a new one explored): on a wide screen its gaps open, as on arrival; on a phone what
  // the person opened stays as it is.
  const [measuredId, setMeasuredId] = useState(measuredRole?.id ?? null);
  if ((measuredRole?.id ?? null) !== measuredId) {
    setMeasuredId(measuredRole?.id ?? null);
    if (isWideScreen()) setOpen(gapIds);
  }
  const allOpen = categories.length > 0 && categories.every((category) => open.includes(category.id));

  const skillById = new Map(version.skills.map((skill) => [skill.id, skill]));
  // Each skill's levels are named on its own scale.
  const level = (skillId: string, value: number | undefined) => (value ? skillLevelLabel(version, skillById.get(skillId), value) : '—');
  const mine = (skillId: string) => {
    if (profile.has(skillId)) return level(skillId, profile.get(skillId));
    if (current.has(skillId)) return `${level(skillId, current.get(skillId))} (assumed)`;
    return 'Not rated';
  };
  const short = (skillId: string) => {
    const expected = measured.get(skillId);
    const known = profile.get(skillId) ?? current.get(skillId);
    return !!expected && known !== undefined && known < expected;
  };
  const gapBadge = (
    <Badge ml={6} size="xs" variant="light" color="orange">
      gap
    </Badge>
  );

  return (
    <section aria-labelledby="profile-heading">
      <Stack gap="sm">
        <Title order={2} id="profile-heading">
          My skills against the roles
        </Title>
        {profile.size === 0 ? (
          <Paper withBorder>
            <Empty
              title="Nothing assessed yet"
              headingOrder={3}
              description="Rate your skills below (each skill’s page shows what every level looks like); until then your current role’s expectations are assumed."
            />
          </Paper>
        ) : null}
        <Text size="sm">
          {chosen ? `The skills ${chosen.title}${currentRole ? ` and ${currentRole.title}` : ''} expect, and the ones you rated,` : 'The skills your role expects and the ones you rated,'} by
          category. “Assumed” is your current role’s level for a skill you have not rated.
        </Text>
        {categories.length > 0 ? (
          <Group justify="space-between" gap="xs" align="center">
            <Text size="sm" fw={600}>
              {measuredRole
                ? withGaps.length > 0
                  ? `Against ${measuredRole.title}: gaps in ${withGaps.length} of ${plural(categories.length, 'category', 'categories')}.`
                  : `Against ${measuredRole.title}: no gaps.`
                : `${plural(categories.length, 'category', 'categories')}.`}
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => setOpen(allOpen ? [] : categories.map((category) => category.id))}>
              {allOpen ? 'Collapse all' : 'Expand all'}
            </Button>
          </Group>
        ) : null}
        {/* Two columns on a wide screen, as the tables were before: the categories with gaps open side by side. */}
        <Accordion
          multiple
          value={open}
          onChange={setOpen}
          order={3}
          variant="separated"
          chevronPosition="right"
          styles={{ item: { border: '1px solid var(--mantine-color-gray-3)', marginTop: 0 } }}
        >
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm" verticalSpacing="sm" style={{ alignItems: 'start' }}>
          {categories.map((category) => (
            <Accordion.Item value={category.id} key={category.id}>
              <Accordion.Control>
                <CategoryLine category={category} roleTitle={measuredRole?.title ?? null} />
              </Accordion.Control>
              <Accordion.Panel>
                <Table.ScrollContainer minWidth={420}>
                  <Table aria-label={`My skills against the roles: ${category.name}`} withTableBorder striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Skill</Table.Th>
                        <Table.Th scope="col">Me</Table.Th>
                        {currentRole ? <Table.Th scope="col">{currentRole.title} (current)</Table.Th> : null}
                        {chosen ? <Table.Th scope="col">{chosen.title}</Table.Th> : null}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {category.skills.map((skill) => (
                        <Table.Tr key={skill.id}>
                          <Table.Th scope="row">{skill.name}</Table.Th>
                          <Table.Td>{mine(skill.id)}</Table.Td>
                          {currentRole ? (
                            <Table.Td>
                              {level(skill.id, current.get(skill.id))}
                              {!chosen && short(skill.id) ? gapBadge : null}
                            </Table.Td>
                          ) : null}
                          {chosen ? (
                            <Table.Td>
                              {level(skill.id, target.get(skill.id))}
                              {short(skill.id) ? gapBadge : null}
                            </Table.Td>
                          ) : null}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
          </SimpleGrid>
        </Accordion>
      </Stack>
    </section>
  );
}

/** A category closed: its name, how many of the role's expectations I meet, and its gaps flagged; two short lines. */
function CategoryLine({ category, roleTitle }: { category: CategorySummary; roleTitle: string | null }) {
  const counted = roleTitle && category.expected > 0;
  return (
    <Stack gap={2}>
      <Text fw={600}>{category.name}</Text>
      <Group gap={8} wrap="wrap">
        {/* The sentence beside it says the same to assistive technology; the bar is for the eye. */}
        {counted ? <Progress aria-hidden value={(category.met / category.expected) * 100} size="sm" color={category.gaps > 0 ? 'orange' : 'pine'} w={48} /> : null}
        <Text size="sm">
          {counted ? `${category.met} of ${category.expected} meet ${roleTitle}` : `${plural(category.skills.length, 'skill')}${roleTitle ? `, none expected by ${roleTitle}` : ''}`}
        </Text>
        {category.gaps > 0 ? (
          <Badge size="sm" variant="light" color="orange">
            {plural(category.gaps, 'gap')}
          </Badge>
        ) : counted && category.unknown === 0 ? (
          <Badge size="sm" variant="light" color="pine">
            all met
          </Badge>
        ) : null}
        {category.unknown > 0 ? (
          <Text size="sm" c="dimmed">
            {category.unknown} not rated
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
