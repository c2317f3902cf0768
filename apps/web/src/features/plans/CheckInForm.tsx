import { Alert, Anchor, Button, Card, Group, List, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { MyPlanFieldsFragment, PlanActionStatus } from '../../gql/graphql';
import { useToast } from '../../components/Toasts';
import { describeError, hasErrorCode } from '../../lib/errors';
import { ACTION_STATUS_OPTIONS } from './planLabels';

export const RecordCheckInMutation = graphql(`
  mutation RecordCheckIn($input: RecordCheckInInput!) {
    recordCheckIn(input: $input) {
      ...MyPlanFields
    }
  }
`);

type Progress = Record<string, { status: PlanActionStatus; note: string }>;

/**
 * A check-in: a reflection and where each action stands. A check-in in progress is never lost on a failed
 * save: everything stays in the form with why it failed, and when someone changed the plan meanwhile the
 * person loads the latest version and saves again without retyping. Afterwards it asks to re-rate the
 * plan's skills, so readiness follows the progress.
 */
export function CheckInForm({ plan, skills, onReload }: { plan: MyPlanFieldsFragment; skills: readonly { id: string; key: string; name: string }[]; onReload: () => Promise<unknown> }) {
  const toast = useToast();
  const [reflection, setReflection] = useState('');
  const [privateNote, setPrivateNote] = useState('');
  const [progress, setProgress] = useState<Progress>({});
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const [recorded, setRecorded] = useState(false);
  const [record, { loading }] = useMutation(RecordCheckInMutation);
  const statusOf = (action: MyPlanFieldsFragment['actions'][number]) => progress[action.id]?.status ?? action.status;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reflection.trim()) {
      setFailure({ message: 'Write a short reflection first.', stale: false });
      return;
    }
    setFailure(null);
    const items = plan.actions.map((action) => ({ actionId: action.id, status: statusOf(action), note: progress[action.id]?.note.trim() || null }));
    try {
      await record({ variables: { input: { planId: plan.id, expectedVersion: plan.version, reflection, progress: items, privateNote: privateNote.trim() || null } } });
      setReflection('');
      setPrivateNote('');
      setProgress({});
      setRecorded(true);
      toast.show({ message: 'Check-in recorded.' });
    } catch (error) {
      setFailure({ message: `Your check-in was not saved and is still here. ${describeError(error)}`, stale: hasErrorCode(error, 'CONFLICT') });
    }
  };

  const set = (actionId: string, status: PlanActionStatus, note: string) => setProgress((current) => ({ ...current, [actionId]: { status, note } }));
  const planSkillKeys = new Set(plan.actions.flatMap((action) => action.skillKeys));
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
        {plan.actions.length > 0 ? (
          <Table aria-label="Progress on each action">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Now</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.actions.map((action) => (
                <Table.Tr key={action.id}>
                  <Table.Td>{action.title}</Table.Td>
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
        ) : null}
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
