import { Alert, Anchor, Button, Card, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { ChangePlanDirectionMutation, ClosestToProfileQuery } from '../plans/planOperations';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { WhatLevelAmI } from './WhatLevelAmI';
import { CareerRouteResult } from '../paths/CareerPathPage';
import { RoleComparisonResult } from '../paths/RoleComparisonPage';
import { SkillRatings } from '../plans/SkillRatings';
import { PlanReadiness } from '../plans/PlanReadiness';
import { ProfileAgainstRoles } from './ProfileAgainstRoles';
import { isWideScreen } from './wideScreen';
import {
  assessedProfile,
  isOpenPlan,
  RecordMyAssessmentMutation,
  MyCareerQuery,
  useCareer,
  type CareerRole,
  type CareerVersion,
  type MyAssessments,
  type MyPlanSummary,
} from './careerData';

export const ChosenRoleReadinessQuery = graphql(`
  query ChosenRoleReadiness($personId: ID!, $roleId: ID!) {
    readiness(personId: $personId, roleId: $roleId) {
      ...ReadinessFields
    }
  }
`);

export const StartPlanTowardsMutation = graphql(`
  mutation StartPlanTowards($input: CreatePlanInput!) {
    createPlanFromTarget(input: $input) {
      id
    }
  }
`);

/**
 * "My career": where I stand (my current role and assessed skills), how that compares with my role and another
 * role I choose, the roles closest to me, the comparison and the route measured against my own ratings, and
 * "Choose as my target", which sets my plan's direction.
 */
export function MyCareerPage() {
  const career = useCareer();
  let content;
  if (career.error) content = <ErrorState title="Could not load your career" error={career.error} onRetry={() => career.refetch()} />;
  else if (!career.ready) content = <LoadingState label="Loading your career…" />;
  else if (!career.version || !career.assessments)
    content = (
      <Paper withBorder>
        <Empty title="No published framework yet" description="Your organisation has not published a career framework, so there is nothing to measure against yet." />
      </Paper>
    );
  else
    content = (
      <Career
        version={career.version}
        frameworkId={career.frameworkId}
        currentRole={career.version.roles.find((role) => role.id === career.currentRole?.id) ?? null}
        personId={career.personId}
        assessments={career.assessments}
        plan={career.plan}
      />
    );
  return (
    <Stack gap="xl">
      <title>My career · Trellis</title>
      <Title order={1}>My career</Title>
      {content}
    </Stack>
  );
}

function Career({
  version,
  frameworkId,
  currentRole,
  personId,
  assessments,
  plan,
}: {
  version: CareerVersion;
  frameworkId: string | null;
  currentRole: CareerRole | null;
  personId: string | null;
  assessments: MyAssessments;
  plan: MyPlanSummary;
}) {
  const profile = assessedProfile(version, assessments.current);
  const openPlan = isOpenPlan(plan) ? plan : null;
  const [chosenId, setChosenId] = useState(() => openPlan?.targetRole.id ?? '');
  const chosen = version.roles.find((role) => role.id === chosenId) ?? null;
  const profileInput = [...profile].map(([skillId, level]) => ({ skillId, level }));

  return (
    <Stack gap="xl">
      <Card withBorder padding="lg">
        <Stack gap={4}>
          <Title order={2}>Where I am</Title>
          {currentRole ? (
            <Text>
              Current role:{' '}
              <Anchor component={Link} to={`/roles/${currentRole.id}`} fw={600}>
                {currentRole.title}
              </Anchor>{' '}
              ({currentRole.track.name})
            </Text>
          ) : (
            <Text>No current role is recorded for you. Ask an admin to set it; meanwhile you can rate your skills and explore roles.</Text>
          )}
          <Text size="sm" c="dimmed">
            {profile.size === 0
              ? 'You have not rated any skill yet.'
              : `${profile.size} of ${version.skills.length} skills rated${currentRole ? `; the others your current role expects are assumed at its level until you rate them` : ''}.`}
            {openPlan ? ` Your plan is aiming at ${openPlan.targetRole.title}.` : ''}
          </Text>
        </Stack>
      </Card>

      <NativeSelect
        label="Role to explore"
        description="Compare your skills with it, see the route there, and choose it as your target."
        data={[
          { value: '', label: 'Choose a role…' },
          ...groupByTrack(version.roles.filter((role) => role.id !== currentRole?.id)),
        ]}
        value={chosenId}
        onChange={(event) => setChosenId(event.currentTarget.value)}
        maw={420}
      />

      {chosen ? <ChosenRole role={chosen} personId={personId} plan={plan} /> : null}

      <ProfileAgainstRoles version={version} profile={profile} currentRole={currentRole} chosen={chosen} />

      {profile.size > 0 ? <ClosestRoles versionId={version.id} profile={profileInput} onExplore={setChosenId} /> : null}

      {version.levelling && frameworkId ? <WhatLevelAmI frameworkId={frameworkId} version={version} profile={profileInput} /> : null}

      {chosen ? (
        currentRole ? (
          <ComparisonAndRoute key={chosen.id} from={currentRole} to={chosen}>
            <RoleComparisonResult fromRoleId={currentRole.id} toRoleId={chosen.id} profile={profile} />
            <CareerRouteResult fromRoleId={currentRole.id} toRoleId={chosen.id} profile={profileInput} />
          </ComparisonAndRoute>
        ) : (
          <Text size="sm">With a current role recorded, the comparison and the route from it to {chosen.title} show here.</Text>
        )
      ) : null}

      <SkillRatingsForMe version={version} assessments={assessments} />
    </Stack>
  );
}

/**
 * The skill-by-skill comparison and the route are the longest part of the page (about 7,000 px on a phone): on a
 * phone they wait behind a button (and are not asked for until then); on a wide screen they start shown.
 */
function ComparisonAndRoute({ from, to, children }: { from: CareerRole; to: CareerRole; children: ReactNode }) {
  const [shown, setShown] = useState(isWideScreen);
  const id = useId();
  return (
    <Stack gap="xl">
      <Paper withBorder p="md">
        <Group justify="space-between" gap="sm">
          <Text size="sm">
            {from.title} and {to.title} skill by skill, and the route from one to the other.
          </Text>
          <Button variant="light" size="sm" aria-expanded={shown} aria-controls={id} onClick={() => setShown((value) => !value)}>
            {shown ? 'Hide the comparison and route' : 'Show the comparison and route'}
          </Button>
        </Group>
      </Paper>
      <div id={id} hidden={!shown}>
        {shown ? <Stack gap="xl">{children}</Stack> : null}
      </div>
    </Stack>
  );
}

function groupByTrack(roles: CareerRole[]) {
  const tracks = new Map<string, { group: string; items: { value: string; label: string }[] }>();
  for (const role of [...roles].sort((a, b) => a.level - b.level)) {
    const group = tracks.get(role.track.id) ?? { group: role.track.name, items: [] };
    group.items.push({ value: role.id, label: role.title });
    tracks.set(role.track.id, group);
  }
  return [...tracks.values()];
}

/**
 * The chosen role at the top of the page, where the choice is made: what the role is for, how ready I
 * am for it on what is known (rated, assumed from my current role, unknown), and "Choose as my target".
 */
function ChosenRole({ role, personId, plan }: { role: CareerRole; personId: string | null; plan: MyPlanSummary }) {
  const { data, error } = useQuery(ChosenRoleReadinessQuery, personId ? { variables: { personId, roleId: role.id } } : skipToken);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="chosen-role-heading">
      <Stack gap="md">
        <div>
          <Title order={2} id="chosen-role-heading">
            {role.title}
          </Title>
          <Text size="sm">
            {role.track.name} · level {role.level}
          </Text>
          {role.summary ? <Text mt={4}>{role.summary}</Text> : null}
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {data ? (
            <PlanReadiness readiness={data.readiness} />
          ) : error ? (
            <Text size="sm">Your readiness for {role.title} could not be worked out: {describeError(error)}</Text>
          ) : (
            <LoadingState label="Measuring your readiness…" lines={3} />
          )}
          <ChooseTarget role={role} plan={plan} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** The roles my rated profile is closest to (the API assumes unrated skills of my current role at its level; the rest is unknown). */
function ClosestRoles({
  versionId,
  profile,
  onExplore,
}: {
  versionId: string;
  profile: { skillId: string; level: number }[];
  onExplore: (roleId: string) => void;
}) {
  const { data, loading, error, refetch } = useQuery(ClosestToProfileQuery, { variables: { frameworkVersionId: versionId, profile, limit: 5 } });
  const fits = data?.closestRoles.roles;
  return (
    <section aria-labelledby="closest-heading">
      <Stack gap="sm">
        <Title order={2} id="closest-heading">
          Roles closest to me
        </Title>
        {error && !fits ? (
          <ErrorState title="Could not rank the roles" error={error} onRetry={() => refetch()} />
        ) : loading && !fits ? (
          <LoadingState label="Ranking roles…" lines={3} />
        ) : (
          <Stack component="ol" gap="xs" aria-labelledby="closest-heading" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
            {(fits ?? []).map((fit) => (
              <Paper component="li" withBorder px="md" py="xs" key={fit.role.id}>
                <Group justify="space-between" gap="sm">
                  <div>
                    <Text fw={600}>{fit.role.title}</Text>
                    <Text size="sm">{fit.explanation}</Text>
                  </div>
                  <Button variant="light" size="xs" onClick={() => onExplore(fit.role.id)} aria-label={`Explore ${fit.role.title}`}>
                    Explore
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </section>
  );
}

/**
 * Sets my plan's direction: a new plan towards the role when I have no open plan, else a change of direction
 * (a new revision, with my reason) of the open one. Then on to My plan.
 */
function ChooseTarget({ role, plan }: { role: CareerRole; plan: MyPlanSummary }) {
  const toast = useToast();
  const navigate = useNavigate();
  const openPlan = isOpenPlan(plan) ? plan : null;
  const [why, setWhy] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [create, creating] = useMutation(StartPlanTowardsMutation);
  const [change, changing] = useMutation(ChangePlanDirectionMutation);
  const forgetPlan = {
    update: (cache: { evict: (options: { fieldName: string }) => boolean; gc: () => string[] }) => {
      // My plan reads `myPlan` again rather than showing the plan as it was before this change.
      cache.evict({ fieldName: 'myPlan' });
      cache.gc();
    },
  };

  if (openPlan?.targetRole.id === role.id) {
    return (
      <Alert color="pine" title={`Your plan already aims at ${role.title}`}>
        {/* Pine 9 on the alert's light pine: the primary shade is too light there (axe color-contrast). */}
        <Anchor component={Link} to="/my-plan" c="pine.9">
          Open my plan
        </Anchor>
      </Alert>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      if (openPlan) {
        await change({
          variables: {
            input: { planId: openPlan.id, expectedVersion: openPlan.version, targetRoleId: role.id, reason: 'NEW_TARGET_ROLE', note: why.trim() || null },
          },
          ...forgetPlan,
        });
      } else {
        const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        await create({ variables: { input: { targetRoleId: role.id, timeZone } }, ...forgetPlan });
      }
      toast.show({ message: `Your plan now aims at ${role.title}.` });
      await navigate('/my-plan');
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={(event: FormEvent) => void submit(event)}>
      <Stack gap="sm">
        <Title order={3}>Aim for {role.title}</Title>
        <Text size="sm">
          {openPlan
            ? `Your plan aims at ${openPlan.targetRole.title}. Choosing ${role.title} starts a new revision of it (earlier ones stay readable), back in draft to agree with your manager.`
            : `Trellis proposes a plan of three to five skills to focus on towards ${role.title}, with one or two suggestions each: you choose what goes in.`}
        </Text>
        {openPlan ? <Textarea label="Why I am changing direction" value={why} onChange={(event) => setWhy(event.currentTarget.value)} autosize minRows={2} /> : null}
        {failure ? (
          <Alert color="red" role="alert" title="Your target was not set">
            {failure}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={creating.loading || changing.loading}>
            Choose as my target
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Quick ratings of every skill, self and manager side by side; each skill's name leads to its descriptors and history. */
function SkillRatingsForMe({ version, assessments }: { version: CareerVersion; assessments: MyAssessments }) {
  const [record] = useMutation(RecordMyAssessmentMutation, { refetchQueries: [MyCareerQuery], awaitRefetchQueries: true });
  return (
    <SkillRatings
      title="My skills"
      rater="self"
      version={version}
      current={assessments.current}
      expected={null}
      skillHref={(skill) => `/my-career/skills/${skill.id}`}
      mentorRatings={assessments.mentorRatings}
      onRate={(skill, level) => record({ variables: { input: { skillId: skill.id, level } } })}
    />
  );
}
