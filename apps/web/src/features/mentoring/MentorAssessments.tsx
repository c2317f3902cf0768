import { Alert, Button, Card, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useToast } from '../../components/Toasts';
import type { MentorshipFieldsFragment, MentorshipQuery as MentorshipResult } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { AddMentorAssessmentMutation, MentorshipQuery } from './mentoringOperations';
import { usePublishedSkills } from './skills';
import { LevelSelect } from '../../components/levels/LevelSelect';

type Rating = MentorshipResult['mentorship']['mentorAssessments'][number];

/** The mentor's assessments of focus skills: a third source beside self and manager. */
export function MentorAssessments({ mentorship, assessments }: { mentorship: MentorshipFieldsFragment; assessments: readonly Rating[] }) {
  const toast = useToast();
  const { nameOf, skillOf, levelOf } = usePublishedSkills();
  const [add, { loading }] = useMutation(AddMentorAssessmentMutation, { refetchQueries: [MentorshipQuery] });
  const [skillKey, setSkillKey] = useState<string | null>(null);
  const [level, setLevel] = useState<number | null>(null);
  const chosen = skillKey ? skillOf(skillKey) : undefined;
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const canRate = mentorship.myPart === 'mentor' && (mentorship.status === 'active' || mentorship.status === 'paused');
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Mentor assessments
        </Title>
        {assessments.length === 0 ? <Text size="sm">No mentor assessments yet.</Text> : null}
        <List size="sm">
          {assessments.map((a) => (
            <List.Item key={a.id}>
              {a.skillName}: {levelOf(a.skillKey, a.level)} ({new Date(a.assessedAt).toLocaleDateString()}){a.note ? `: ${a.note}` : ''}
            </List.Item>
          ))}
        </List>
        {canRate ? (
          <form
            aria-label="Rate a focus skill"
            onSubmit={(e) => {
              e.preventDefault();
              setFailure(null);
              void add({ variables: { input: { mentorshipId: mentorship.id, skillKey: skillKey ?? '', level: level ?? 0, note } } })
                .then(() => {
                  setNote('');
                  toast.show({ message: 'Assessment added; your mentee sees it beside their own.' });
                })
                .catch((err: unknown) => setFailure(describeError(err)));
            }}
          >
            <Group align="flex-end" wrap="wrap" gap="sm">
              <Select
                label="Focus skill"
                data={mentorship.focusSkillKeys.map((k) => ({ value: k, label: nameOf(k) }))}
                value={skillKey}
                onChange={(key) => {
                  setSkillKey(key);
                  // Levels are the skill's own: a level chosen for another skill may not be on this one's scale.
                  setLevel(null);
                }}
              />
              {chosen ? (
                <div style={{ minWidth: 200, maxWidth: '100%' }}>
                  <LevelSelect skill={chosen} label="Level" placeholder="Choose a level" value={level} onChange={setLevel} />
                </div>
              ) : null}
              <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              <Button type="submit" loading={loading} disabled={!skillKey || !level}>
                Add
              </Button>
            </Group>
            {failure ? (
              <Alert mt="xs" color="red" variant="light" role="alert">
                {failure}
              </Alert>
            ) : null}
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
