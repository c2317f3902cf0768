import { Alert, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { namePlanApproverSchema } from '@trellis/domain';
import { useState } from 'react';
import { graphql } from '../../gql';
import { ManagerSelect, TeamSelect } from '../../components/PeoplePickers';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';

export const PlanApproversQuery = graphql(`
  query PlanApprovers {
    planApprovers {
      id
      teamId
      person {
        id
        name
      }
      team {
        id
        path
      }
    }
    people {
      id
      name
      active
    }
    teams {
      id
      path
    }
  }
`);

export const NamePlanApproverMutation = graphql(`
  mutation NamePlanApprover($input: NamePlanApproverInput!) {
    namePlanApprover(input: $input) {
      id
    }
  }
`);

export const RemovePlanApproverMutation = graphql(`
  mutation RemovePlanApprover($teamId: ID) {
    removePlanApprover(teamId: $teamId) {
      id
    }
  }
`);

/**
 * Who agrees the plans of people without an active manager: one approver for the organisation, and one
 * per team (for the team and the teams under it) that comes first. A person's line manager always comes
 * before both; the skip-level after. Removing one can be undone from its toast.
 */
export function PlanApproversPage() {
  const toast = useToast();
  const { data, loading, error, refetch } = useQuery(PlanApproversQuery);
  const [name, naming] = useMutation(NamePlanApproverMutation, { refetchQueries: [PlanApproversQuery], awaitRefetchQueries: true });
  const [remove] = useMutation(RemovePlanApproverMutation, { refetchQueries: [PlanApproversQuery], awaitRefetchQueries: true });
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ teamId: string | null; personId: string }>({
    mode: 'controlled',
    initialValues: { teamId: null, personId: '' },
    validate: schemaResolver(namePlanApproverSchema, { sync: true }),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await name({ variables: { input: { teamId: values.teamId || null, personId: values.personId } } });
      const who = data?.people.find((p) => p.id === values.personId)?.name ?? 'The approver';
      toast.show({ message: `${who} now agrees plans ${values.teamId ? `for ${data?.teams.find((t) => t.id === values.teamId)?.path ?? 'the team'}` : 'for the organisation'}.` });
      form.reset();
    } catch (err) {
      setFailure(describeError(err));
    }
  });

  const removeApprover = async (row: { teamId: string | null; person: { id: string; name: string }; team: { path: string } | null }) => {
    setFailure(null);
    try {
      await remove({ variables: { teamId: row.teamId } });
      toast.show({
        message: `${row.person.name} no longer agrees plans for ${row.team?.path ?? 'the organisation'}.`,
        action: { label: 'Undo', onClick: () => name({ variables: { input: { teamId: row.teamId, personId: row.person.id } } }) },
      });
    } catch (err) {
      setFailure(describeError(err));
    }
  };

  let content;
  if (error && !data) content = <ErrorState title="Could not load the plan approvers" error={error} onRetry={() => refetch()} />;
  else if (loading && !data) content = <LoadingState label="Loading the plan approvers…" />;
  else if (data) {
    content = (
      <Stack gap="lg">
        {data.planApprovers.length === 0 ? (
          <Empty title="No approver named" description="People without an active manager are told nobody can agree their plan until you name someone (or their skip-level does it)." />
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table aria-label="Plan approvers" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>For</Table.Th>
                  <Table.Th>Approver</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.planApprovers.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>{row.team?.path ?? 'The whole organisation'}</Table.Td>
                    <Table.Td>{row.person.name}</Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => void removeApprover(row)}>
                        Remove {row.person.name} for {row.team?.path ?? 'the organisation'}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Card withBorder padding="md">
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h4">
                Name an approver
              </Title>
              <TeamSelect teams={data.teams} label="For the team" placeholder="The whole organisation" {...form.getInputProps('teamId')} />
              <ManagerSelect
                people={data.people.filter((p) => p.active)}
                label="Approver"
                placeholder="Choose a person"
                {...form.getInputProps('personId')}
                error={form.errors.personId ? 'Choose who agrees the plans.' : undefined}
              />
              {failure ? (
                <Alert color="red" role="alert" title="That did not work">
                  {failure}
                </Alert>
              ) : null}
              <Group>
                <Button type="submit" loading={naming.loading}>
                  Name approver
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <title>Plan approvers · Admin · Trellis</title>
      <Title order={1}>Plan approvers</Title>
      <Text size="sm">A person’s line manager agrees their plan. For people without an active manager, the approver named for their team (or a team above it) does, else the one named for the organisation, else their skip-level.</Text>
      {content}
    </Stack>
  );
}
