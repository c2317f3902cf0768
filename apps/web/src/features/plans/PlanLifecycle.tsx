import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { MyPlanFieldsFragment } from '../../gql/graphql';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';

export const ProposePlanMutation = graphql(`
  mutation ProposePlan($input: PlanVersionInput!) {
    proposePlan(input: $input) {
      ...MyPlanFields
    }
  }
`);

export const MyPlanApproverQuery = graphql(`
  query MyPlanApprover {
    myPlanApprover {
      kind
      personId
      name
      explanation
    }
  }
`);

const APPROVER_WORDS: Record<string, string> = {
  MANAGER: 'your manager',
  TEAM_APPROVER: 'your approver',
  ORGANISATION_APPROVER: 'your approver',
  SKIP_LEVEL: 'your skip-level manager',
};

export const WithdrawPlanMutation = graphql(`
  mutation WithdrawPlan($input: PlanVersionInput!) {
    withdrawPlan(input: $input) {
      ...MyPlanFields
    }
  }
`);

export const StartPlanMutation = graphql(`
  mutation StartPlan($input: PlanVersionInput!) {
    startPlan(input: $input) {
      ...MyPlanFields
    }
  }
`);

export const CompletePlanMutation = graphql(`
  mutation CompletePlan($input: PlanVersionInput!) {
    completePlan(input: $input) {
      ...MyPlanFields
    }
  }
`);

export const AbandonPlanMutation = graphql(`
  mutation AbandonPlan($input: PlanVersionInput!) {
    abandonPlan(input: $input) {
      ...MyPlanFields
    }
  }
`);

/**
 * What the person can do with their plan now: propose a draft, withdraw a proposal, start an agreed plan,
 * complete an active one, or abandon it (after a confirmation: there is no way back). The manager's comment
 * on a plan sent back leads.
 */
export function PlanLifecycle({ plan }: { plan: MyPlanFieldsFragment }) {
  const toast = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmAbandon, setConfirmAbandon] = useState(false);
  const [propose, proposing] = useMutation(ProposePlanMutation);
  // Who will agree it, said before proposing (the API refuses a proposal nobody can agree).
  const approverQuery = useQuery(MyPlanApproverQuery, { skip: plan.status !== 'DRAFT', fetchPolicy: 'cache-and-network' });
  const approver = approverQuery.data?.myPlanApprover ?? null;
  const [withdraw, withdrawing] = useMutation(WithdrawPlanMutation);
  const [start, starting] = useMutation(StartPlanMutation);
  const [complete, completing] = useMutation(CompletePlanMutation);
  const [abandon, abandoning] = useMutation(AbandonPlanMutation);
  const variables = { input: { planId: plan.id, expectedVersion: plan.version } };

  const run = async (work: () => Promise<unknown>, done: string) => {
    setFailure(null);
    try {
      await work();
      toast.show({ message: done });
      return true;
    } catch (error) {
      setFailure(describeError(error));
      return false;
    }
  };
  const abandonPlan = async () => {
    await run(() => abandon({ variables }), 'Plan abandoned.');
    setConfirmAbandon(false);
  };
  const open = plan.status !== 'COMPLETED' && plan.status !== 'ABANDONED';

  return (
    <Stack gap="sm">
      {plan.sentBackComment && plan.status === 'DRAFT' ? (
        <Alert color="yellow" variant="filled" title="Your manager sent the plan back" role="status">
          <Text size="md">“{plan.sentBackComment}”</Text>
          <Text size="sm">Change what they asked for, then propose it again.</Text>
        </Alert>
      ) : null}
      {plan.status === 'DRAFT' && approver?.kind === 'NOBODY' ? (
        <Alert color="yellow" title="Nobody can agree your plan yet" role="status">
          {approver.explanation}
        </Alert>
      ) : null}
      {plan.status === 'DRAFT' && approver && approver.kind !== 'NOBODY' && approver.kind !== 'MANAGER' ? (
        <Text size="sm">{approver.explanation}</Text>
      ) : null}
      {failure ? (
        <Alert color="red" role="alert" title="That did not work">
          {failure}
        </Alert>
      ) : null}
      {open ? (
        <Group>
          {plan.status === 'DRAFT' && approver?.kind !== 'NOBODY' ? (
            <Button
              loading={proposing.loading}
              disabled={!approver && approverQuery.loading}
              onClick={() => void run(() => propose({ variables }), approver?.name ? `Sent to ${approver.name} for agreement.` : 'Sent for agreement.')}
            >
              {approver?.name ? `Propose to ${approver.name} (${APPROVER_WORDS[approver.kind] ?? 'your approver'})` : 'Propose for agreement'}
            </Button>
          ) : null}
          {plan.status === 'PROPOSED' ? (
            <Button variant="light" loading={withdrawing.loading} onClick={() => void run(() => withdraw({ variables }), 'Proposal withdrawn: the plan is a draft again.')}>
              Withdraw the proposal
            </Button>
          ) : null}
          {plan.status === 'AGREED' ? (
            <Button loading={starting.loading} onClick={() => void run(() => start({ variables }), 'Plan started.')}>
              Start the plan
            </Button>
          ) : null}
          {plan.status === 'ACTIVE' ? (
            <Button loading={completing.loading} onClick={() => void run(() => complete({ variables }), 'Plan completed. Well done.')}>
              Mark the plan completed
            </Button>
          ) : null}
          <Button variant="subtle" color="red" onClick={() => setConfirmAbandon(true)}>
            Abandon the plan
          </Button>
        </Group>
      ) : null}
      <Modal opened={confirmAbandon} onClose={() => setConfirmAbandon(false)} title="Abandon this plan?">
        <Stack gap="md">
          <Text size="sm">The plan, its check-ins and its history stay readable, but it cannot be reopened: you would start a new plan.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmAbandon(false)}>
              Keep the plan
            </Button>
            <Button
              color="red"
              loading={abandoning.loading}
              onClick={() => void abandonPlan()}
            >
              Abandon
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
