import { Button, Group, MultiSelect, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { MyPlanFieldsFragment, PlanActionStatus, PlanActionType } from '../../gql/graphql';
import { Empty } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { ACTION_STATUS_LABELS, ACTION_STATUS_OPTIONS, ACTION_TYPE_LABELS } from './planLabels';
import { SignOffNote } from './PlanReview';

export const UpdatePlanActionMutation = graphql(`
  mutation UpdatePlanAction($input: UpdatePlanActionInput!) {
    updatePlanAction(input: $input) {
      ...MyPlanFields
    }
  }
`);

export const AddPlanActionMutation = graphql(`
  mutation AddPlanAction($input: AddPlanActionInput!) {
    addPlanAction(input: $input) {
      ...MyPlanFields
    }
  }
`);

export const RemovePlanActionMutation = graphql(`
  mutation RemovePlanAction($input: RemovePlanActionInput!) {
    removePlanAction(input: $input) {
      ...MyPlanFields
    }
  }
`);

type Action = MyPlanFieldsFragment['actions'][number];
type ActionChange = { dueOn?: string | null; status?: PlanActionStatus; evidence?: string | null; type?: PlanActionType; skillKeys?: string[] };
const TYPE_OPTIONS = Object.entries(ACTION_TYPE_LABELS).map(([value, label]) => ({ value, label }));

/**
 * The plan's actions. While the plan is a draft the person sets due dates (what they agree to); once it is
 * agreed they record progress: the status and the evidence (a note or a link). While a draft they also change
 * an action's type and skills, add their own and remove any; removing and dropping offer Undo.
 */
export function PlanActions({ plan, skillNames, onFailure }: { plan: MyPlanFieldsFragment; skillNames: Map<string, string>; onFailure: (message: string | null) => void }) {
  const toast = useToast();
  const [update] = useMutation(UpdatePlanActionMutation);
  const [add] = useMutation(AddPlanActionMutation);
  const [remove] = useMutation(RemovePlanActionMutation);
  const skillOptions = [...skillNames].map(([value, label]) => ({ value, label }));
  const draft = plan.status === 'DRAFT';
  const progressOpen = plan.status === 'AGREED' || plan.status === 'ACTIVE';

  // Every change names the plan version it was made from; the API refuses a stale one and says who changed what.
  const save = async (action: Action, change: ActionChange, expectedPlanVersion = plan.version) => {
    onFailure(null);
    try {
      const result = await update({ variables: { input: { actionId: action.id, expectedPlanVersion, ...change } } });
      return result.data?.updatePlanAction.version ?? null;
    } catch (error) {
      onFailure(`“${action.title}” was not changed: ${describeError(error)}`);
      return null;
    }
  };

  const changeStatus = async (action: Action, status: PlanActionStatus) => {
    const previous = action.status;
    const version = await save(action, { status });
    if (version == null) return;
    toast.show({
      message: `“${action.title}” is now ${ACTION_STATUS_LABELS[status].toLowerCase()}.`,
      action: status === 'DROPPED' ? { label: 'Undo', onClick: () => save(action, { status: previous }, version) } : undefined,
    });
  };

  // Undo adds the action back as it was (a draft's actions have no progress yet to lose).
  const removeAction = async (action: Action) => {
    onFailure(null);
    try {
      const result = await remove({ variables: { input: { actionId: action.id, expectedPlanVersion: plan.version } } });
      const version = result.data?.removePlanAction.version ?? plan.version + 1;
      toast.show({
        message: `Removed “${action.title}”.`,
        action: {
          label: 'Undo',
          onClick: () =>
            add({
              variables: { input: { planId: plan.id, expectedVersion: version, type: action.type, title: action.title, description: action.description, skillKeys: action.skillKeys, dueOn: action.dueOn } },
            }).catch((error: unknown) => onFailure(`“${action.title}” could not be put back: ${describeError(error)}`)),
        },
      });
    } catch (error) {
      onFailure(`“${action.title}” was not removed: ${describeError(error)}`);
    }
  };

  // A fixed layout with set widths: the action's text wraps in its column and the selects keep room to be
  // read (they were squashed to 45 px by long descriptions); narrower screens scroll the table sideways.
  // Native scrolling has no ScrollArea viewport (the theme's tabIndex): the container itself is in the tab
  // order, so keyboards can scroll it (axe scrollable-region-focusable).
  const actionsTable = (
    <Table.ScrollContainer minWidth={draft ? 1000 : 900} type="native" tabIndex={0}>
      <Table aria-label="Actions" striped layout="fixed" verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Action</Table.Th>
          <Table.Th w={150}>Type</Table.Th>
          <Table.Th w={draft ? 220 : 170}>Skills</Table.Th>
          <Table.Th w={160}>Due</Table.Th>
          <Table.Th w={150}>Status</Table.Th>
          <Table.Th w={draft ? 110 : 200}>{draft ? 'Remove' : 'Evidence'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plan.actions.map((action) => (
          <Table.Tr key={action.id}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Text fw={500}>{action.title}</Text>
              <Text size="sm" c="dimmed" lineClamp={4} title={action.description}>
                {action.description}
              </Text>
            </Table.Td>
            <Table.Td>
              {draft ? (
                <NativeSelect aria-label={`Type of ${action.title}`} data={TYPE_OPTIONS} value={action.type} onChange={(event) => void save(action, { type: event.currentTarget.value as PlanActionType })} />
              ) : (
                ACTION_TYPE_LABELS[action.type]
              )}
            </Table.Td>
            <Table.Td>
              {draft ? (
                <MultiSelect
                  aria-label={`Skills of ${action.title}`}
                  data={skillOptions}
                  value={action.skillKeys}
                  onChange={(skillKeys) => void save(action, { skillKeys })}
                  searchable
                />
              ) : (
                action.skillKeys.map((key) => skillNames.get(key) ?? key).join(', ')
              )}
            </Table.Td>
            <Table.Td>
              {draft ? (
                <TextInput
                  type="date"
                  aria-label={`Due date of ${action.title}`}
                  value={action.dueOn ?? ''}
                  onChange={(event) => {
                    const dueOn = event.currentTarget.value || null;
                    void save(action, { dueOn }).then((version) => {
                      if (version != null) toast.show({ message: dueOn ? `“${action.title}” is due by ${dueOn}.` : `“${action.title}” has no due date.` });
                    });
                  }}
                />
              ) : (
                (action.dueOn ?? '—')
              )}
            </Table.Td>
            <Table.Td>
              <NativeSelect
                aria-label={`Status of ${action.title}`}
                disabled={!progressOpen}
                title={progressOpen ? undefined : 'Progress is recorded once your manager has agreed the plan.'}
                data={ACTION_STATUS_OPTIONS}
                value={action.status}
                onChange={(event) => void changeStatus(action, event.currentTarget.value as PlanActionStatus)}
              />
            </Table.Td>
            <Table.Td>
              {draft ? (
                <Button size="compact-sm" variant="subtle" color="red" aria-label={`Remove ${action.title}`} onClick={() => void removeAction(action)}>
                  Remove
                </Button>
              ) : (
                <Stack gap={4}>
                  <EvidenceField action={action} editable={progressOpen} onSave={(evidence) => save(action, { evidence })} />
                  <SignOffNote signOff={action.signOff} />
                </Stack>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <Stack gap="sm">
      {plan.actions.length === 0 ? (
        <Empty title="No actions" description="You already meet what the target role expects, or removed every action." headingOrder={4} />
      ) : (
        actionsTable
      )}
      {draft ? <AddActionForm plan={plan} skillOptions={skillOptions} onFailure={onFailure} /> : null}
    </Stack>
  );
}

/** An action of my own, added to the draft (a course a colleague recommended, say). */
function AddActionForm({ plan, skillOptions, onFailure }: { plan: MyPlanFieldsFragment; skillOptions: { value: string; label: string }[]; onFailure: (message: string | null) => void }) {
  const toast = useToast();
  const [add, { loading }] = useMutation(AddPlanActionMutation);
  const [type, setType] = useState<PlanActionType>('COURSE');
  const [title, setTitle] = useState('');
  const [skillKeys, setSkillKeys] = useState<string[]>([]);
  const [dueOn, setDueOn] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError('Give the action a title.');
      return;
    }
    setTitleError(null);
    onFailure(null);
    try {
      await add({ variables: { input: { planId: plan.id, expectedVersion: plan.version, type, title: title.trim(), skillKeys, dueOn: dueOn || null } } });
      toast.show({ message: `Added “${title.trim()}”.` });
      setTitle('');
      setSkillKeys([]);
      setDueOn('');
    } catch (error) {
      // What was typed stays in the form.
      onFailure(`The action was not added: ${describeError(error)}`);
    }
  };
  return (
    <Group component="form" align="flex-end" gap="xs" onSubmit={(event: FormEvent) => void submit(event)} aria-label="Add an action">
      <NativeSelect label="Type" data={TYPE_OPTIONS} value={type} onChange={(event) => setType(event.currentTarget.value as PlanActionType)} />
      <TextInput label="New action" placeholder="What you will do" value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={titleError} />
      <MultiSelect label="Skills" data={skillOptions} value={skillKeys} onChange={setSkillKeys} searchable miw={200} />
      <TextInput type="date" label="Due" value={dueOn} onChange={(event) => setDueOn(event.currentTarget.value)} />
      <Button type="submit" variant="light" loading={loading}>
        Add action
      </Button>
    </Group>
  );
}

/** A note or a link showing the action was done; kept in the field until it is saved. */
function EvidenceField({ action, editable, onSave }: { action: Action; editable: boolean; onSave: (evidence: string | null) => Promise<number | null> }) {
  const [text, setText] = useState(action.evidence ?? '');
  const [saving, setSaving] = useState(false);
  if (!editable) return action.evidence ? <EvidenceText evidence={action.evidence} /> : <Text size="sm">—</Text>;
  const changed = text.trim() !== (action.evidence ?? '');
  // onSave reports its own failure (onFailure); finally gives the button back whatever happens.
  const saveEvidence = async () => {
    setSaving(true);
    try {
      await onSave(text.trim() || null);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <TextInput aria-label={`Evidence for ${action.title}`} placeholder="A note or a link" value={text} onChange={(event) => setText(event.currentTarget.value)} size="xs" />
      {changed ? (
        <Button
          size="compact-sm"
          variant="light"
          loading={saving}
          aria-label={`Save evidence for ${action.title}`}
          onClick={() => void saveEvidence()}
        >
          Save
        </Button>
      ) : null}
    </Group>
  );
}

function EvidenceText({ evidence }: { evidence: string }) {
  if (/^https?:\/\/\S+$/.test(evidence)) {
    return (
      <Text size="sm" component="a" href={evidence} target="_blank" rel="noreferrer">
        {evidence}
      </Text>
    );
  }
  return <Text size="sm">{evidence}</Text>;
}
