import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useState } from 'react';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { LevelSelect } from '../../components/levels/LevelSelect';
import { skillLevelShort, type ScaledSkill } from '../../components/levels/levels';
import { MentorRatingsCell, READINESS_SOURCE_NOTE, type MentorRatingView } from './MentorRatings';

export interface SkillRatingsProps {
  title: string;
  /** self: the person rates themselves; manager: their manager adds a manager rating. */
  rater: 'self' | 'manager';
  /** Each skill with its own scale and descriptors (SkillRatingFields): levels are named and offered on it. */
  version: { skills: ({ id: string; key: string; name: string } & ScaledSkill)[] };
  current: { skillKey: string; selfLevel?: number | null; managerLevel?: number | null }[];
  /** With a plan: the target role's skills and the level it expects; otherwise every skill. */
  expected: { skillKey: string; requiredLevel: number }[] | null;
  onRate: (skill: { id: string; name: string }, level: number) => Promise<unknown>;
  /** Where a skill's own page is (its level descriptors, evidence and history), to link its name there. */
  skillHref?: (skill: { id: string; key: string }) => string;
  /** Mentors' ratings (a third source); a column appears when there are any. */
  mentorRatings?: readonly MentorRatingView[];
}

/**
 * After a rating is saved the page around the table may re-render from the refetched data, and the select that
 * was used can be replaced by a new one: focus would drop to the page. Once the save has settled, if focus is
 * nowhere (the body) or on an element that left the page, it goes back to the select with the same name.
 */
function keepFocusOn(label: string, previous: Element) {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected && active !== previous) return;
    if (active === previous && previous.isConnected) return;
    const again = Array.from(document.querySelectorAll('select')).find((element) => element.getAttribute('aria-label') === label);
    again?.focus();
  });
}

/**
 * Self and manager ratings side by side, one editable. Each rating is a new dated assessment: the
 * earlier ones stay, so a skill's history can be drawn.
 */
export function SkillRatings({ title, rater, version, current, expected, onRate, skillHref, mentorRatings = [] }: SkillRatingsProps) {
  const toast = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const required = expected ? new Map(expected.map((e) => [e.skillKey, e.requiredLevel])) : null;
  const skills = required ? version.skills.filter((skill) => required.has(skill.key)) : version.skills;
  const ratings = new Map(current.map((entry) => [entry.skillKey, entry]));

  const rate = async (skill: { id: string; name: string } & ScaledSkill, level: number, control: HTMLSelectElement) => {
    setFailure(null);
    const label = control.getAttribute('aria-label') ?? '';
    try {
      await onRate(skill, level);
      toast.show({ message: `Rated ${skill.name} at ${skillLevelShort(skill, level)}.` });
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      keepFocusOn(label, control);
    }
  };

  return (
    <Stack gap="sm">
      <Title order={2}>{title}</Title>
      <Text size="sm">Each rating is kept with its date, so you can both see how a skill grows.</Text>
      {mentorRatings.length > 0 ? (
        <Text size="sm" c="dimmed">
          {READINESS_SOURCE_NOTE}
        </Text>
      ) : null}
      {failure ? (
        <Alert color="red" role="alert" title="The rating was not saved">
          {failure}
        </Alert>
      ) : null}
      {/* With the Expected column the table is wider than a phone: it scrolls sideways in its own box. */}
      <Table.ScrollContainer minWidth={(required ? 620 : 480) + (mentorRatings.length > 0 ? 140 : 0)}>
        <Table aria-label={title} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Skill</Table.Th>
              {required ? <Table.Th>Expected</Table.Th> : null}
              <Table.Th>{rater === 'self' ? 'My rating' : 'Their rating'}</Table.Th>
              <Table.Th>{rater === 'self' ? 'Manager’s rating' : 'My rating'}</Table.Th>
              {mentorRatings.length > 0 ? <Table.Th>Mentor’s rating</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {skills.map((skill) => {
              const rating = ratings.get(skill.key);
              const mine = rater === 'self' ? rating?.selfLevel : rating?.managerLevel;
              const levelName = (level: number | null | undefined) => skillLevelShort(skill, level);
              const select = (
                <LevelSelect skill={skill} ariaLabel={`My rating of ${skill.name}`} minWidth={190} value={mine} onChange={(level, control) => void rate(skill, level, control)} />
              );
              return (
                <Table.Tr key={skill.id}>
                  <Table.Td>
                    {skillHref ? (
                      <Anchor component={Link} to={skillHref(skill)}>
                        {skill.name}
                      </Anchor>
                    ) : (
                      skill.name
                    )}
                  </Table.Td>
                  {required ? <Table.Td>{levelName(required.get(skill.key))}</Table.Td> : null}
                  <Table.Td>{rater === 'self' ? select : levelName(rating?.selfLevel)}</Table.Td>
                  <Table.Td>{rater === 'self' ? levelName(rating?.managerLevel) : select}</Table.Td>
                  {mentorRatings.length > 0 ? (
                    <Table.Td>
                      <MentorRatingsCell ratings={mentorRatings} skillKey={skill.key} levelName={levelName} />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
