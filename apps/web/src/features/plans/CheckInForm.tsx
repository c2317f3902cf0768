import { Alert, Anchor, Button, Card, Group, List, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { FocusProgress, MyPlanFieldsFragment, PlanActionStatus } from '../../gql/graphql';
import { useToast } from '../../components/Toasts';
import { describeError, hasErrorCode } from '../../lib/errors';
import { ACTION_STATUS_OPTIONS, FOCUS_PROGRESS_LABELS } from './planLabels';

const FOCUS_OPTIONS = [{ value: '', label: 'Choose…' }, ...Object.entries(FOCUS_PROGRESS_LABELS).map(([value, label]) => ({ value, label }))];

export const RecordCheckInMutation = graphql(`
  mutation RecordCheckIn($input: RecordCheckInInput!) {
    recordCheckIn(input: $input) {
      ...MyPlanFields
    }
  }
`);

type Progress = Record<string, { status: PlanActionStatus; note: string }>;
type FocusAnswers = Record<string, { progress: FocusProgress | ''; note: string }>;
type Question = MyPlanFieldsFragment['checkInQuestions'][number];

/**
 * A check-in asks about the plan's focus: for each focus skill, how it went and where its actions
 * stand, then the plan's other open actions (never the dropped or finished ones), and a reflection. A check-in in progress is never lost on a failed
 * save: everything stays in the form with why it failed, and when someone changed the plan meanwhile the
 * person loads the latest version and saves again without retyping. Afterwards it asks to re-rate the
 * plan's skills, so readiness follows the progress.
 */
export function CheckInForm({ plan, skills, onReload }: { plan: MyPlanFieldsFragment; skills: readonly { id: string; key: string; name: string }[]; onReload: () => Promise<unknown> }) {
  const toast = useToast();
  const [reflection, setReflection] = useState('');
  const [privateNote, setPrivateNote] = useState('');
  const [progress, setProgress] = useState<Progress>({});
  const [focus, setFocus] = useState<FocusAnswers>({});
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const [recorded, setRecorded] = useState(false);
  const [record, { loading }] = useMutation(RecordCheckInMutation);
  const statusOf = (action: Question['actions'][number]) => progress[action.id]?.status ?? action.status;
  const questions = plan.checkInQuestions;
  const asked = questions.flatMap((question) => question.actions);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unanswered = questions.filter((question) => question.skillKey && !focus[question.skillKey]?.progress).map((question) => question.title);
    if (unanswered.length > 0) {
      setFailure({ message: `Say how ${unanswered.join(', ')} went.`, stale: false });
      return;
    }
    if (!reflection.trim()) {
      setFailure({ message: 'Write a short reflection first.', stale: false });
      return;
    }
    setFailure(null);
    const items = asked.map((action) => ({ actionId: action.id, status: statusOf(action), note: progress[action.id]?.note.trim() || null }));
    const focusAnswers = questions.flatMap((question) =>
      question.skillKey ? [{ skillKey: question.skillKey, progress: focus[question.skillKey]!.progress as FocusProgress, note: focus[question.skillKey]!.note.trim() || null }] : [],
    );
    try {
      await record({
        variables: {
          input: {
            planId: plan.id,
            expectedVersion: plan.version,
            reflection,
            progress: items,
            ...(focusAnswers.length > 0 ? { focus: focusAnswers } : {}),
            privateNote: privateNote.trim() || null,
          },
        },
      });
      setReflection('');
      setPrivateNote('');
      setProgress({});
      setFocus({});
      setRecorded(true);
      toast.show({ message: 'Check-in recorded.' });
    } catch (error) {
      setFailure({ message: `Your check-in was not saved and is still here. ${describeError(error)}`, stale: hasErrorCode(error, 'CONFLICT') });
    }
  };

  const set = (actionId: string, status: PlanActionStatus, note: string) => setProgress((current) => ({ ...current, [actionId]: { status, note } }));
  const setFocusAnswer = (skillKey: string, change: Partial<FocusAnswers[string]>) =>
    setFocus((current) => ({ ...current, [skillKey]: { progress: '', note: '', ...current[skillKey], ...change } }));
  // The skills to re-rate: the focus, else every skill the actions work on.
  const planSkillKeys = new Set(plan.focus.length > 0 ? plan.focus.map((f) => f.skillKey) : plan.actions.flatMap((action) => action.skillKeys));
  const planSkills = skills.filter((skill) => planSkillKeys.has(skill.key));

  return (
    <Card withBorder padding="lg" component="form" onSubmit={(event: FormEvent) => void submit(event)} aria-labelledby="check-in-title">
      <Stack gap="sm">
        <Title order={3} id="check-in-title">
          Record a check-in
        </Title>
        {recorded ? (
          <Alert color="blue" title="Have your skills moved?" onClose={() => setRecorded(false)} withCloseButton closeButtonLabel="Dismiss">
            <Text size="sm">Re-rate the skills this plan grows, so your readiness follows your progress: below, or one by one with each level’s descriptor.</Text>
            <List size="sm" aria-label="Skills to re-rate">
              {planSkills.map((skill) => (
                <List.Item key={skill.id}>
                  <Anchor component={Link} to={`/my-career/skills/${skill.id}`}>
                    Rate {skill.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
            <Anchor href="#my-skills" size="sm">
              Rate them here
            </Anchor>
          </Alert>
        ) : null}
        <Textarea label="Reflection" description="What went well, what did not, what is next." autosize minRows={3} value={reflection} onChange={(event) => setReflection(event.currentTarget.value)} />
        <Textarea
          label="Private note"
          description="Only you will ever see this: not your manager, nor anyone you share the plan with."
          autosize
          minRows={2}
          value={privateNote}
          onChange={(event) => setPrivateNote(event.currentTarget.value)}
        />
        {questions.map((question) => (
          <fieldset key={question.skillKey ?? 'other'} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, padding: 12, margin: 0, minWidth: 0 }}>
            <legend style={{ fontWeight: 600, padding: '0 4px' }}>{question.title}</legend>
            <Stack gap="xs">
              <Text size="sm">{question.prompt}</Text>
              {question.skillKey ? (
                <Group gap="xs" align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
                  <NativeSelect
                    label={`How ${question.title} went`}
                    data={FOCUS_OPTIONS}
                    value={focus[question.skillKey]?.progress ?? ''}
                    onChange={(event) => setFocusAnswer(question.skillKey!, { progress: event.currentTarget.value as FocusProgress | '' })}
                    miw={180}
                  />
                  <TextInput
                    label={`Note about ${question.title}`}
                    value={focus[question.skillKey]?.note ?? ''}
                    onChange={(event) => setFocusAnswer(question.skillKey!, { note: event.currentTarget.value })}
                    miw={180}
                  />
                </Group>
              ) : null}
              {question.actions.length > 0 ? (
                <Table.ScrollContainer minWidth={480}>
                  <Table aria-label={`Progress on the actions for ${question.title}`} layout="fixed">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Action</Table.Th>
                        <Table.Th w={160}>Now</Table.Th>
                        <Table.Th w="35%">Note</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {question.actions.map((action) => (
                        <Table.Tr key={action.id}>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>{action.title}</Table.Td>
                          <Table.Td>
                            <NativeSelect
                              aria-label={`Progress on ${action.title}`}
                              data={ACTION_STATUS_OPTIONS}
                              value={statusOf(action)}
                              onChange={(event) => set(action.id, event.currentTarget.value as PlanActionStatus, progress[action.id]?.note ?? '')}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={`Note on ${action.title}`}
                              value={progress[action.id]?.note ?? ''}
                              onChange={(event) => set(action.id, statusOf(action), event.currentTarget.value)}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : question.skillKey ? (
                <Text size="sm" c="dimmed">
                  No action of the plan works on it yet.
                </Text>
              ) : null}
            </Stack>
          </fieldset>
        ))}
        {failure ? (
          <Alert color="red" role="alert" title="Check-in not saved">
            <Stack gap="xs">
              <Text size="sm">{failure.message}</Text>
              {failure.stale ? (
                <Group>
                  <Button size="xs" variant="light" onClick={() => void onReload().then(() => setFailure(null))}>
                    Load the latest plan (keeps what you wrote)
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={loading}>
            Save check-in
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
