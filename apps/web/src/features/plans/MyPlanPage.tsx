import { Alert, Badge, Button, Card, Group, List, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { graphql } from '../../gql';
import { ChangePlanDirectionMutation, ClosestToProfileQuery } from './planOperations';
import type { MyPlanQuery as MyPlanResult } from '../../gql/graphql';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { ACTION_STATUS_LABELS, FOCUS_PROGRESS_LABELS, PLAN_STATUS_LABELS } from './planLabels';
import { CheckInForm } from './CheckInForm';
import { PlanComments } from './PlanReview';
import { PlanActions } from './PlanActions';
import { PlanFocus } from './PlanFocus';
import type { ScaledSkill } from '../../components/levels/levels';
import { PlanReadiness } from './PlanReadiness';
import { PlanLifecycle } from './PlanLifecycle';
import { PlanSharing } from './PlanSharing';
import { FindMentorLink } from '../mentoring/FindMentorLink';
import { myPlanVersion } from '../career/myStanding';
import { ReviewCadence } from './ReviewCadence';
import { SkillRatings, type SkillRatingsProps } from './SkillRatings';

export const MyPlanFields = graphql(`
  fragment MyPlanFields on Plan {
    id
    status
    version
    revision
    planVsActual {
      number
      reason
      plannedShortfall
      closedShortfall
      actionsPlanned
      actionsDone
    }
    reviewDueOn
    reviewState
    reviewRhythmWeeks
    stale
    lastActivityAt
    lastChange
    sentBackComment
    targetRole {
      id
      title
    }
    actions {
      id
      type
      title
      description
      status
      skillKeys
      dueOn
      evidence
      suggestionId
      signOff {
        byId
        byName
        at
        note
      }
    }
    focus {
      skillKey
      skillName
      currentLevel
      basis
      targetLevel
      aimLevel
      aimLevelName
      aimDescriptor
      blocking
      reason
      suggestions {
        id
        type
        title
        description
        actionId
      }
    }
    later {
      skillKey
      skillName
      currentLevel
      basis
      targetLevel
      blocking
    }
    unknownExpectations {
      skillKey
      skillName
      requiredLevel
    }
    checkInQuestions {
      skillKey
      title
      prompt
      actions {
        id
        title
        status
      }
    }
    checkIns {
      id
      reflection
      privateNote
      recordedAt
      progress {
        actionId
        status
        note
      }
      focus {
        skillKey
        progress
        note
      }
    }
    readiness {
      ...ReadinessFields
    }
  }
`);

export const MyPlanQuery = graphql(`
  query MyPlan {
    ...MyStandingFields
    myPlan {
      ...MyPlanFields
    }
    frameworks {
      id
      name
      currentVersion {
        id
        skills {
          id
          key
          name
          ...SkillRatingFields
        }
        roles {
          id
          title
        }
      }
    }
  }
`);

export const RecordAssessmentMutation = graphql(`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      id
      level
    }
  }
`);

export const CreatePlanMutation = graphql(`
  mutation CreatePlan($input: CreatePlanInput!) {
    createPlanFromTarget(input: $input) {
      id
    }
  }
`);

type Plan = NonNullable<MyPlanResult['myPlan']>;

/** "My plan": choose a target role, then follow the plan through proposal, agreement and check-ins. */
export function MyPlanPage() {
  const { data, loading, error, refetch } = useQuery(MyPlanQuery);
  let content;
  if (error && !data) content = <ErrorState title="Could not load your plan" error={error} onRetry={() => refetch()} />;
  else if (loading && !data) content = <LoadingState label="Loading your plan…" />;
  else {
    const version = myPlanVersion(data?.frameworks ?? [], {
      targetRoleId: data?.myPlan?.targetRole?.id,
      currentFrameworkId: data?.viewer?.person.currentRole?.frameworkVersion.framework.id,
      ratedSkillKeys: (data?.myAssessments.current ?? []).map((entry) => entry.skillKey),
    });
    const plan = data?.myPlan ?? null;
    content = (
      <>
        {plan ? (
          <PlanView plan={plan} roles={version?.roles ?? []} skills={version?.skills ?? []} onRevised={() => refetch()} />
        ) : (
          <StartPlan
            roles={version?.roles ?? []}
            closest={version ? <ClosestRoles version={version} current={data?.myAssessments.current ?? []} /> : null}
            onCreated={() => refetch()}
          />
        )}
        {version ? (
          <div id="my-skills">
            <MySkills version={version} current={data?.myAssessments.current ?? []} expected={plan?.readiness.skills ?? null} mentorRatings={data?.myAssessments.mentorRatings ?? []} />
          </div>
        ) : null}
      </>
    );
  }
  return (
    <Stack gap="xl">
      <title>My plan · Trellis</title>
      <Title order={1}>My development plan</Title>
      {content}
    </Stack>
  );
}

function StartPlan({ roles, closest, onCreated }: { roles: { id: string; title: string }[]; closest: ReactNode; onCreated: () => Promise<unknown> }) {
  const [roleId, setRoleId] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [createPlan, { loading }] = useMutation(CreatePlanMutation);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!roleId) {
      setFailure('Choose the role you are aiming for.');
      return;
    }
    setFailure(null);
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      await createPlan({ variables: { input: { targetRoleId: roleId, timeZone } } });
      await onCreated();
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  if (roles.length === 0) return <Empty title="No roles to aim for yet" description="Your organisation has not published a framework yet." />;
  return (
    <Card withBorder padding="lg" maw={560} component="form" onSubmit={(event: FormEvent) => void create(event)}>
      <Stack gap="md">
        <Title order={2}>Choose a direction</Title>
        <Text size="sm">
          Trellis ranks your gaps on the way to the role and proposes three to five skills to focus on this quarter, each with one or two concrete
          suggestions: you choose what goes into your plan.
        </Text>
        {closest}
        <NativeSelect
          label="Target role"
          data={[{ value: '', label: 'Choose a role…' }, ...roles.map((role) => ({ value: role.id, label: role.title }))]}
          value={roleId}
          onChange={(event) => setRoleId(event.currentTarget.value)}
          error={failure}
        />
        <Group>
          <Button type="submit" loading={loading}>
            Create my plan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function PlanView({ plan, roles, skills, onRevised }: { plan: Plan; roles: { id: string; title: string }[]; skills: readonly ({ id: string; key: string; name: string } & ScaledSkill)[]; onRevised: () => Promise<unknown> }) {
  const skillNames = new Map(skills.map((skill) => [skill.key, skill.name]));
  const [actionFailure, setActionFailure] = useState<string | null>(null);
  const progressOpen = plan.status === 'AGREED' || plan.status === 'ACTIVE';
  const open = plan.status !== 'COMPLETED' && plan.status !== 'ABANDONED';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>Towards {plan.targetRole.title}</Title>
          <Text size="sm" c="dimmed">
            Revision {plan.revision}
          </Text>
          {open ? <ReviewCadence plan={plan} /> : null}
        </Stack>
        <Badge size="lg" variant="light">
          {PLAN_STATUS_LABELS[plan.status]}
        </Badge>
      </Group>
      <PlanLifecycle plan={plan} />

      <PlanReadiness readiness={plan.readiness} />

      {actionFailure ? (
        <Alert color="red" role="alert" title="That did not work" withCloseButton closeButtonLabel="Dismiss" onClose={() => setActionFailure(null)}>
          {actionFailure}
        </Alert>
      ) : null}
      <PlanFocus plan={plan} skills={skills} onFailure={setActionFailure} />

      <Stack gap="xs">
        <Title order={3}>Actions</Title>
        <PlanActions plan={plan} skillNames={skillNames} onFailure={setActionFailure} />
      </Stack>

      {progressOpen ? <CheckInForm plan={plan} skills={skills} onReload={onRevised} /> : null}
      <CheckInHistory plan={plan} />
      <PlanComments planId={plan.id} actions={plan.actions} ownerName={null} />
      <RevisionHistory plan={plan} />
      {open ? <ChangeDirection plan={plan} roles={roles} onRevised={onRevised} /> : null}
      <PlanSharing />
      <FindMentorLink />
    </Stack>
  );
}

/** Earlier check-ins, newest first, with what each said about the actions. */
function CheckInHistory({ plan }: { plan: Plan }) {
  const titles = new Map(plan.actions.map((action) => [action.id, action.title]));
  const focusNames = new Map([...plan.focus, ...plan.later].map((skill) => [skill.skillKey, skill.skillName]));
  return (
    <Stack gap="xs">
      <Title order={3}>Check-ins</Title>
      {plan.checkIns.length === 0 ? <Text size="sm">No check-ins yet.</Text> : null}
      {plan.checkIns.map((checkIn) => (
        <Card key={checkIn.id} withBorder padding="sm">
          <Text size="sm" c="dimmed">
            {new Date(checkIn.recordedAt).toLocaleDateString()}
          </Text>
          <Text>{checkIn.reflection}</Text>
          {checkIn.privateNote ? (
            <Text size="sm" fs="italic">
              Private note: {checkIn.privateNote}
            </Text>
          ) : null}
          {checkIn.focus.length > 0 ? (
            <List size="sm" aria-label={`Focus at the check-in of ${new Date(checkIn.recordedAt).toLocaleDateString()}`}>
              {checkIn.focus.map((answer) => (
                <List.Item key={answer.skillKey}>
                  {focusNames.get(answer.skillKey) ?? answer.skillKey}: {FOCUS_PROGRESS_LABELS[answer.progress]}
                  {answer.note ? ` (${answer.note})` : ''}
                </List.Item>
              ))}
            </List>
          ) : null}
          {checkIn.progress.length > 0 ? (
            <List size="sm" aria-label={`Progress at the check-in of ${new Date(checkIn.recordedAt).toLocaleDateString()}`}>
              {checkIn.progress.map((item) => (
                <List.Item key={item.actionId}>
                  {titles.get(item.actionId) ?? 'An earlier action'}: {ACTION_STATUS_LABELS[item.status]}
                  {item.note ? ` (${item.note})` : ''}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}

const REASON_LABELS: Record<Plan['planVsActual'][number]['reason'], string> = {
  INITIAL: 'First plan',
  NEW_TARGET_ROLE: 'New target role',
  RE_BASELINE: 'New framework version',
  OTHER: 'Revised',
};

/** Plan vs actual, revision by revision: what each planned and what was reached while it stood. */
function RevisionHistory({ plan }: { plan: Plan }) {
  return (
    <Table aria-label="Plan vs actual" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Revision</Table.Th>
          <Table.Th>Levels to grow</Table.Th>
          <Table.Th>Levels grown</Table.Th>
          <Table.Th>Actions done</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plan.planVsActual.map((row) => (
          <Table.Tr key={row.number}>
            <Table.Td>
              {row.number} · {REASON_LABELS[row.reason]}
            </Table.Td>
            <Table.Td>{row.plannedShortfall}</Table.Td>
            <Table.Td>{row.closedShortfall}</Table.Td>
            <Table.Td>
              {row.actionsDone} of {row.actionsPlanned}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Changing direction makes a new revision (earlier ones stay) and takes the plan back to draft for agreement. */
function ChangeDirection({ plan, roles, onRevised }: { plan: Plan; roles: { id: string; title: string }[]; onRevised: () => Promise<unknown> }) {
  const toast = useToast();
  const [roleId, setRoleId] = useState('');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [change, { loading }] = useMutation(ChangePlanDirectionMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!roleId) {
      setFailure('Choose the new target role.');
      return;
    }
    setFailure(null);
    try {
      await change({ variables: { input: { planId: plan.id, expectedVersion: plan.version, targetRoleId: roleId, reason: 'NEW_TARGET_ROLE', note: note.trim() || null } } });
      await onRevised();
      setRoleId('');
      setNote('');
      toast.show({ message: 'Direction changed: a new revision is ready to propose to your manager.' });
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={(event: FormEvent) => void submit(event)}>
      <Stack gap="sm">
        <Title order={3}>Change direction</Title>
        <NativeSelect
          label="New target role"
          data={[{ value: '', label: 'Choose a role…' }, ...roles.filter((role) => role.id !== plan.targetRole.id).map((role) => ({ value: role.id, label: role.title }))]}
          value={roleId}
          onChange={(event) => setRoleId(event.currentTarget.value)}
          error={failure}
        />
        <Textarea label="Why" value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} />
        <Group>
          <Button type="submit" variant="light" loading={loading}>
            Change direction
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * The roles closest to the skills I have rated, to help choose a direction; shown once I have rated
 * something. Unknown is not zero: unrated skills of my current role are assumed at its level (the API
 * takes my current role), anything else is left out, and each role says what its rank rests on.
 */
function ClosestRoles({ version, current }: { version: NonNullable<MyPlanResult['frameworks'][number]['currentVersion']>; current: MyPlanResult['myAssessments']['current'] }) {
  const idByKey = new Map(version.skills.map((skill) => [skill.key, skill.id]));
  const profile = current.flatMap((entry) => {
    const skillId = idByKey.get(entry.skillKey);
    return skillId ? [{ skillId, level: entry.level }] : [];
  });
  const { data, error } = useQuery(ClosestToProfileQuery, { variables: { frameworkVersionId: version.id, profile, limit: 3 }, skip: profile.length === 0 });
  if (profile.length === 0) return <Text size="sm">Rate your skills below to see the roles closest to you.</Text>;
  if (error) return <Text size="sm">The closest roles could not be worked out: {describeError(error)}</Text>;
  if (!data) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Closest to the skills you rated
      </Text>
      {data.closestRoles.assumedFrom ? (
        <Text size="xs">Skills you have not rated are assumed at the level your current role ({data.closestRoles.assumedFrom.title}) expects.</Text>
      ) : null}
      <ul aria-label="Closest roles" style={{ margin: 0 }}>
        {data.closestRoles.roles.map((fit) => (
          <li key={fit.role.id}>
            <Text size="sm">
              {fit.role.title}: {fit.explanation}
            </Text>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

/** Rating my own skills: every rating is dated and kept. */
function MySkills({ version, current, expected, mentorRatings }: Omit<SkillRatingsProps, 'title' | 'rater' | 'onRate'>) {
  const [record] = useMutation(RecordAssessmentMutation, { refetchQueries: [MyPlanQuery], awaitRefetchQueries: true });
  return (
    <SkillRatings
      title="My skills"
      rater="self"
      version={version}
      current={current}
      expected={expected}
      mentorRatings={mentorRatings}
      onRate={(skill, level) => record({ variables: { input: { skillId: skill.id, level } } })}
    />
  );
}
