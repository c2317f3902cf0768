import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { schemaResolver } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { sendBackCommentSchema } from '@trellis/domain';
import { graphql } from '../../gql';
import type { ReportPlanQuery as ReportPlanResult } from '../../gql/graphql';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { ACTION_STATUS_LABELS, PLAN_STATUS_LABELS, forecastText, percent } from './planLabels';
import { ReviewSkillRatings } from './ReviewSkillRatings';
import { PlanComments, SignOffControls, SignOffNote } from './PlanReview';
import { useSignedInViewer } from '../session/viewer';

export const ReportPlanQuery = graphql(`
  query ReportPlan($personId: ID!) {
    person(id: $personId) {
      id
      name
    }
    planOf(personId: $personId) {
      id
      status
      version
      relationship
      reviewDueOn
      sentBackComment
      viewerCan {
        view
        edit
        review
        comment
        checkIn
        rate
        seeCheckIns
        seeEvidence
        signOff
      }
      targetRole {
        id
        title
      }
      actions {
        id
        title
        status
        evidence
        signOff {
          byId
          byName
          at
          note
        }
      }
      checkIns {
        id
        reflection
        recordedAt
      }
      readiness {
        shareMet
        totalShortfall
        skills {
          skillKey
          requiredLevel
        }
        forecast {
          kind
          reason
          monthsToReady
        }
      }
    }
    assessmentsOf(personId: $personId) {
      personId
      current {
        skillKey
        selfLevel
        managerLevel
        selfEvidenceNote
        selfEvidenceUrl
        managerComment
      }
      mentorRatings {
        skillKey
        level
        mentorName
      }
    }
    frameworks {
      id
      currentVersion {
        id
        skills {
          id
          key
          name
          ...SkillRatingFields
        }
      }
    }
  }
`);

export const RecordManagerAssessmentMutation = graphql(`
  mutation RecordManagerAssessment($personId: ID!, $input: RecordAssessmentInput!) {
    recordManagerAssessment(personId: $personId, input: $input) {
      id
      level
    }
  }
`);

export const AgreeReportPlanMutation = graphql(`
  mutation AgreeReportPlan($input: PlanVersionInput!) {
    agreePlan(input: $input) {
      id
      status
      version
      reviewDueOn
    }
  }
`);

export const SendBackReportPlanMutation = graphql(`
  mutation SendBackReportPlan($input: SendBackPlanInput!) {
    sendBackPlan(input: $input) {
      id
      status
      version
      sentBackComment
    }
  }
`);

type PlanData = NonNullable<ReportPlanResult['planOf']>;

/**
 * A person's plan as someone else reads it: their manager, whoever agrees their plan, or a colleague they
 * shared it with (the read is audited). Each sees only the controls the plan policy gives them
 * (`viewerCan`): the reviewer agrees or sends back (after a confirmation, the send-back with its comment)
 * and the manager rates, with a comment, beside the person's own rating and evidence.
 */
export function ReportPlanPage() {
  const { personId = '' } = useParams();
  const fromTeam = useLocation().pathname.startsWith('/my-team');
  const { data, loading, error, refetch } = useQuery(ReportPlanQuery, { variables: { personId } });
  const [record] = useMutation(RecordManagerAssessmentMutation, { refetchQueries: [ReportPlanQuery], awaitRefetchQueries: true });
  const name = data?.person?.name ?? 'Someone';
  const viewer = useSignedInViewer();

  let content;
  if (error && !data) content = <ErrorState title="Could not load this plan" error={error} onRetry={() => refetch()} />;
  else if (loading && !data) content = <LoadingState label="Loading the plan…" />;
  else if (data) {
    const plan = data.planOf;
    // The framework the plan and the ratings are in (most skills in common), not whichever comes first:
    // another framework of the organisation must not take over the page.
    const versions = data.frameworks.flatMap((f) => (f.currentVersion ? [f.currentVersion] : []));
    const keys = new Set([...(plan?.readiness?.skills ?? []).map((s) => s.skillKey), ...(data.assessmentsOf?.current ?? []).map((a) => a.skillKey)]);
    const overlap = (v: (typeof versions)[number]) => v.skills.filter((skill) => keys.has(skill.key)).length;
    const version = versions.reduce<(typeof versions)[number] | null>((best, v) => (best === null || overlap(v) > overlap(best) ? v : best), null);
    content = (
      <>
        {plan ? (
          <Stack gap="md">
            <Group justify="space-between" wrap="wrap">
              <Title order={2}>Towards {plan.targetRole.title}</Title>
              <Badge size="lg" variant="light">
                {PLAN_STATUS_LABELS[plan.status]}
              </Badge>
            </Group>
            {plan.viewerCan.review && plan.status === 'PROPOSED' ? <ReviewPanel plan={plan} name={name} /> : null}
            {plan.relationship === 'MENTOR' ? (
              <Text size="sm" c="dimmed">
                {name} shares this plan with you as their mentor
                {plan.viewerCan.comment ? ', with its comments' : ''}
                {plan.viewerCan.seeCheckIns ? ', check-ins' : ''}
                {plan.viewerCan.seeEvidence ? ' and the evidence on actions, which you can sign off' : ''}. They can stop sharing at any time.
              </Text>
            ) : !plan.viewerCan.review && !plan.viewerCan.edit && !plan.viewerCan.rate ? (
              <Text size="sm" c="dimmed">
                {name} shared this plan with you to read.
              </Text>
            ) : null}
            <Text size="sm">
              {percent(plan.readiness.shareMet)} of the role’s expectations met; {plan.readiness.totalShortfall} levels to go. {forecastText(plan.readiness.forecast, 'their')}
            </Text>
            <Title order={3}>Actions</Title>
            {plan.actions.length === 0 ? <Text size="sm">No actions yet.</Text> : null}
            <Table.ScrollContainer minWidth={320}>
              <Table aria-label="Actions" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Evidence</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.actions.map((action) => (
                    <Table.Tr key={action.id}>
                      <Table.Td>{action.title}</Table.Td>
                      <Table.Td>{ACTION_STATUS_LABELS[action.status]}</Table.Td>
                      <Table.Td>
                        {plan.viewerCan.seeEvidence ? (
                          <Stack gap={4}>
                            <Text size="sm">{action.evidence ?? '—'}</Text>
                            <SignOffNote signOff={action.signOff} />
                            {plan.viewerCan.signOff ? <SignOffControls action={action} planVersion={plan.version} viewerId={viewer.person.id} /> : null}
                          </Stack>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Not shared with you
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Title order={3}>Check-ins</Title>
            {!plan.viewerCan.seeCheckIns ? (
              <Text size="sm" c="dimmed">
                {name} does not share their check-ins with you.
              </Text>
            ) : plan.checkIns.length === 0 ? (
              <Text size="sm">No check-ins yet.</Text>
            ) : null}
            {plan.checkIns.map((checkIn) => (
              <Card key={checkIn.id} withBorder padding="sm">
                <Text size="sm" c="dimmed">
                  {new Date(checkIn.recordedAt).toLocaleDateString()}
                </Text>
                <Text>{checkIn.reflection}</Text>
              </Card>
            ))}
            {plan.viewerCan.comment ? <PlanComments planId={plan.id} actions={plan.actions} ownerName={name} /> : null}
          </Stack>
        ) : (
          <Empty title="No plan yet" description={`${name} has not started a development plan.`} />
        )}
        {version ? (
          <ReviewSkillRatings
            name={name}
            canRate={plan ? plan.viewerCan.rate : false}
            version={version}
            current={data.assessmentsOf.current}
            expected={plan?.readiness.skills ?? null}
            onRate={(input) => record({ variables: { personId, input } })}
            mentorRatings={data.assessmentsOf.mentorRatings}
          />
        ) : null}
      </>
    );
  }
  return (
    <Stack gap="xl">
      {/* Before the person is known (loading, or a refused read) the page names no one. */}
      <title>{data?.person ? `${name}’s plan · Trellis` : 'Development plan · Trellis'}</title>
      {fromTeam ? (
        <Anchor component={Link} to="/my-team">
          My team
        </Anchor>
      ) : data?.planOf?.relationship === 'SHARED' ? (
        <Anchor component={Link} to="/shared-with-me">
          Shared with me
        </Anchor>
      ) : null}
      <Title order={1}>{data?.person ? `${name}’s development plan` : 'Development plan'}</Title>
      {content}
    </Stack>
  );
}

/** Agree (after a confirmation) or send back (with the comment asked for first) a proposed plan. */
function ReviewPanel({ plan, name }: { plan: PlanData; name: string }) {
  const toast = useToast();
  const [dialog, setDialog] = useState<'agree' | 'send-back' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [agree, agreeing] = useMutation(AgreeReportPlanMutation, { refetchQueries: [ReportPlanQuery], awaitRefetchQueries: true });
  const [sendBack, sending] = useMutation(SendBackReportPlanMutation, { refetchQueries: [ReportPlanQuery], awaitRefetchQueries: true });
  const form = useForm({ mode: 'controlled', initialValues: { comment: '' }, validate: schemaResolver(sendBackCommentSchema, { sync: true }) });
  const input = { planId: plan.id, expectedVersion: plan.version };

  const run = async (work: () => Promise<unknown>, done: string) => {
    setFailure(null);
    try {
      await work();
      setDialog(null);
      toast.show({ message: done });
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600}>{name} proposed this plan for your agreement.</Text>
        <Text size="sm">Read the actions and the evidence beside each rating below, then agree the plan or send it back with what to change.</Text>
        {failure && dialog === null ? (
          <Alert color="red" role="alert" title="That did not work">
            {failure}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button onClick={() => setDialog('agree')}>Agree…</Button>
          <Button variant="light" onClick={() => setDialog('send-back')}>
            Send back…
          </Button>
        </Group>
      </Stack>
      <Modal opened={dialog === 'agree'} onClose={() => setDialog(null)} title={`Agree ${name}’s plan?`}>
        <Stack gap="md">
          <Text size="sm">The plan becomes agreed, {name} is told, and its reviews start on the plan’s rhythm.</Text>
          {failure ? (
            <Alert color="red" role="alert" title="The plan was not agreed">
              {failure}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              Not yet
            </Button>
            <Button loading={agreeing.loading} onClick={() => void run(() => agree({ variables: { input } }), `Agreed ${name}’s plan.`)}>
              Agree the plan
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={dialog === 'send-back'} onClose={() => setDialog(null)} title={`Send ${name}’s plan back?`}>
        <form
          onSubmit={form.onSubmit((values) => void run(() => sendBack({ variables: { input: { ...input, comment: values.comment.trim() } } }), `Sent ${name}’s plan back.`))}
          noValidate
        >
          <Stack gap="md">
            <Textarea label="What should change?" description={`${name} reads this with the plan.`} autosize minRows={3} data-autofocus {...form.getInputProps('comment')} />
            {failure ? (
              <Alert color="red" role="alert" title="The plan was not sent back">
                {failure}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                Cancel
              </Button>
              <Button type="submit" loading={sending.loading}>
                Send back
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
