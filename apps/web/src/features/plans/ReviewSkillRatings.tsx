import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { managerRatingFormSchemaFor } from '@trellis/domain';
import { useState } from 'react';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { LevelSelect } from '../../components/levels/LevelSelect';
import { skillLevelShort, type ScaledSkill } from '../../components/levels/levels';
import { MentorRatingsCell, READINESS_SOURCE_NOTE_OTHERS, type MentorRatingView } from './MentorRatings';


type RatedSkill = { id: string; key: string; name: string } & ScaledSkill;

export interface ReviewSkillRatingsProps {
  /** Whose skills these are. */
  name: string;
  /** The viewer may add the manager's rating (the plan policy's `rate`). */
  canRate: boolean;
  /** Each skill with its own scale and descriptors (SkillRatingFields): levels are named and offered on it. */
  version: { skills: RatedSkill[] };
  current: {
    skillKey: string;
    selfLevel?: number | null;
    managerLevel?: number | null;
    selfEvidenceNote?: string | null;
    selfEvidenceUrl?: string | null;
    managerComment?: string | null;
  }[];
  /** With a plan: the target role's skills and the level it expects; otherwise every skill. */
  expected: { skillKey: string; requiredLevel: number }[] | null;
  onRate: (input: { skillId: string; level: number; evidenceNote: string }) => Promise<unknown>;
  /** Mentors' ratings (a third source); a column appears when there are any. */
  mentorRatings?: readonly MentorRatingView[];
}

/**
 * A person's skills as a reviewer reads them: the person's rating with the evidence they gave beside
 * it, and the manager's rating with its comment. The manager rates through a form that asks for the
 * comment; anyone else only reads.
 */
export function ReviewSkillRatings({ name, canRate, version, current, expected, onRate, mentorRatings = [] }: ReviewSkillRatingsProps) {
  const [rating, setRating] = useState<{ skill: RatedSkill; level: number | null; selfLevel: number | null } | null>(null);
  const required = expected ? new Map(expected.map((e) => [e.skillKey, e.requiredLevel])) : null;
  const skills = required ? version.skills.filter((skill) => required.has(skill.key)) : version.skills;
  const ratings = new Map(current.map((entry) => [entry.skillKey, entry]));

  return (
    <Stack gap="sm">
      <Title order={2}>Skills and evidence</Title>
      <Text size="sm">{name}’s own rating of each skill, with the evidence they gave{canRate ? ', beside yours' : ''}.</Text>
      {mentorRatings.length > 0 ? <Text size="sm" c="dimmed">{READINESS_SOURCE_NOTE_OTHERS}</Text> : null}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Skills and evidence" striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Skill</Table.Th>
              {required ? <Table.Th>Expected</Table.Th> : null}
              <Table.Th>Their rating</Table.Th>
              <Table.Th>Their evidence</Table.Th>
              <Table.Th>Manager’s rating</Table.Th>
              {mentorRatings.length > 0 ? <Table.Th>Mentor’s rating</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {skills.map((skill) => {
              const entry = ratings.get(skill.key);
              const levelName = (level: number | null | undefined) => skillLevelShort(skill, level, 'Not rated');
              return (
                <Table.Tr key={skill.id}>
                  <Table.Td>{skill.name}</Table.Td>
                  {required ? <Table.Td>{levelName(required.get(skill.key))}</Table.Td> : null}
                  <Table.Td>{levelName(entry?.selfLevel)}</Table.Td>
                  <Table.Td>
                    {entry?.selfEvidenceNote || entry?.selfEvidenceUrl ? (
                      <Stack gap={2}>
                        {entry.selfEvidenceNote ? <Text size="sm">{entry.selfEvidenceNote}</Text> : null}
                        {entry.selfEvidenceUrl ? (
                          <Anchor size="sm" href={entry.selfEvidenceUrl} target="_blank" rel="noreferrer">
                            Evidence link for {skill.name}
                          </Anchor>
                        ) : null}
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        No evidence given
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Text size="sm">{levelName(entry?.managerLevel)}</Text>
                      {entry?.managerComment ? <Text size="sm">“{entry.managerComment}”</Text> : null}
                      {canRate ? (
                        <Button size="compact-sm" variant="light" onClick={() => setRating({ skill, level: entry?.managerLevel ?? null, selfLevel: entry?.selfLevel ?? null })}>
                          Rate {skill.name}
                        </Button>
                      ) : null}
                    </Stack>
                  </Table.Td>
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
      {rating ? <RateDialog rating={rating} onClose={() => setRating(null)} onRate={onRate} /> : null}
    </Stack>
  );
}

function RateDialog({
  rating,
  onClose,
  onRate,
}: {
  rating: { skill: RatedSkill; level: number | null; selfLevel: number | null };
  onClose: () => void;
  onRate: ReviewSkillRatingsProps['onRate'];
}) {
  const { skill } = rating;
  const toast = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { level: rating.level ?? skill.scale.levels[0]?.level ?? 1, evidenceNote: '' },
    // What the form edits (the skill is the dialog's); the API checks the whole input again, with the same rule:
    // a rating that differs from theirs (or of a skill they did not rate) says why.
    validate: schemaResolver(managerRatingFormSchemaFor(rating.selfLevel), { sync: true }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setSaving(true);
    try {
      await onRate({ skillId: skill.id, level: Number(values.level), evidenceNote: values.evidenceNote.trim() });
      toast.show({ message: `Rated ${skill.name} at ${skillLevelShort(skill, Number(values.level))}.` });
      onClose();
    } catch (error) {
      setFailure(describeError(error));
      setSaving(false);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Your rating of ${skill.name}`}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <LevelSelect
            skill={skill}
            label="Level"
            value={form.getValues().level}
            onChange={(level) => form.setFieldValue('level', level)}
            error={form.errors.level}
            showSummary
          />
          <Textarea
            label="Your comment"
            description={
              rating.selfLevel == null
                ? 'What your rating is based on (needed: they have not rated this skill). They read it beside their own.'
                : `What your rating is based on (needed when it differs from theirs, ${skillLevelShort(skill, rating.selfLevel)}). They read it beside their own.`
            }
            autosize
            minRows={2}
            {...form.getInputProps('evidenceNote')}
          />
          {failure ? (
            <Alert color="red" role="alert" title="The rating was not saved">
              {failure}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save rating
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
