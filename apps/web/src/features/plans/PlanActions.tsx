import { Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { MyPlanFieldsFragment, PlanActionStatus } from '../../gql/graphql';
import { Empty } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { ACTION_STATUS_LABELS, ACTION_STATUS_OPTIONS, ACTION_TYPE_LABELS } from './planLabels';

export const UpdatePlanActionMutation = graphql(`
  mutation UpdatePlanAction($input: UpdatePlanActionInput!) {
    updatePlanAction(input: $input) {
      ...MyPlanFields
    }
  }
`);

type Action = MyPlanFieldsFragment['actions'][number];
type ActionChange = { dueOn?: string | null; status?: PlanActionStatus; evidence?: string | null };

/**
 * The plan's actions. While the plan is a draft the person sets due dates (what they agree to); once it is
 * agreed they record progress: the status and the evidence (a note or a link). Dropping an action offers Undo.
 */
export function PlanActions({ plan, skillNames, onFailure }: { plan: MyPlanFieldsFragment; skillNames: Map<string, string>; onFailure: (message: string | null) => void }) {
  const toast = useToast();
  const [update] = useMutation(UpdatePlanActionMutation);
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

  if (plan.actions.length === 0) return <Empty title="No actions" description="You already meet what the target role expects." headingOrder={3} />;
  return (
    <Table aria-label="Actions" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Action</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Skills</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Evidence</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plan.actions.map((action) => (
          <Table.Tr key={action.id}>
            <Table.Td>
              <Text fw={500}>{action.title}</Text>
              <Text size="sm" c="dimmed">
                {action.description}
              </Text>
            </Table.Td>
            <Table.Td>{ACTION_TYPE_LABELS[action.type]}</Table.Td>
            <Table.Td>{action.skillKeys.map((key) => skillNames.get(key) ?? key).join(', ')}</Table.Td>
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
              <EvidenceField action={action} editable={progressOpen} onSave={(evidence) => save(action, { evidence })} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A note or a link showing the action was done; kept in the field until it is saved. */
function EvidenceField({ action, editable, onSave }: { action: Action; editable: boolean; onSave: (evidence: string | null) => Promise<number | null> }) {
  const [text, setText] = useState(action.evidence ?? '');
  const [saving, setSaving] = useState(false);
  if (!editable) return action.evidence ? <EvidenceText evidence={action.evidence} /> : <Text size="sm">—</Text>;
  const changed = text.trim() !== (action.evidence ?? '');
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <TextInput aria-label={`Evidence for ${action.title}`} placeholder="A note or a link" value={text} onChange={(event) => setText(event.currentTarget.value)} size="xs" />
      {changed ? (
        <Button
          size="compact-sm"
          variant="light"
          loading={saving}
          aria-label={`Save evidence for ${action.title}`}
          onClick={async () => {
            setSaving(true);
            await onSave(text.trim() || null);
            setSaving(false);
          }}
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
