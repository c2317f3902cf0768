import { Alert, Anchor, Button, Card, Group, NativeSelect, Paper, Skeleton, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { ChangePlanDirectionMutation, ClosestToProfileQuery } from '../plans/planOperations';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';
import { levelLabel } from '../paths/levels';
import { CareerRouteResult } from '../paths/CareerPathPage';
import { RoleComparisonResult } from '../paths/RoleComparisonPage';
import { SkillRatings } from '../plans/SkillRatings';
import {
  assessedProfile,
  expectedLevels,
  isOpenPlan,
  RecordMyAssessmentMutation,
  MyCareerQuery,
  useCareer,
  type CareerRole,
  type CareerVersion,
  type MyAssessments,
  type MyPlanSummary,
} from './careerData';

const ProfileRadar = lazy(() => import('./ProfileRadar').then((radar) => ({ default: radar.ProfileRadar })));

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
        currentRole={career.version.roles.find((role) => role.id === career.currentRole?.id) ?? null}
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
  currentRole,
  assessments,
  plan,
}: {
  version: CareerVersion;
  currentRole: CareerRole | null;
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
              ? 'You have not assessed any skill yet.'
              : `${profile.size} of ${version.skills.length} skills assessed.`}
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

      <ProfileAgainstRoles version={version} profile={profile} currentRole={currentRole} chosen={chosen} />

      {profile.size > 0 ? <ClosestRoles versionId={version.id} profile={profileInput} onExplore={setChosenId} /> : null}

      {chosen ? (
        <>
          {currentRole ? (
            <>
              <RoleComparisonResult fromRoleId={currentRole.id} toRoleId={chosen.id} scale={version.proficiencyScale} profile={profile} />
              <CareerRouteResult fromRoleId={currentRole.id} toRoleId={chosen.id} scale={version.proficiencyScale} profile={profileInput} />
            </>
          ) : (
            <Text size="sm">With a current role recorded, the comparison and the route from it to {chosen.title} show here.</Text>
          )}
          <ChooseTarget role={chosen} plan={plan} />
        </>
      ) : null}

      <SkillRatingsForMe version={version} assessments={assessments} />
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
 * My assessed levels against my current role's and the chosen role's expectations: a radar chart for the shape,
 * and the same figures in a table (the accessible alternative, and the exact numbers).
 */
function ProfileAgainstRoles({
  version,
  profile,
  currentRole,
  chosen,
}: {
  version: CareerVersion;
  profile: Map<string, number>;
  currentRole: CareerRole | null;
  chosen: CareerRole | null;
}) {
  const current = expectedLevels(currentRole);
  const target = expectedLevels(chosen);
  const skills = version.skills.filter((skill) => profile.has(skill.id) || current.has(skill.id) || target.has(skill.id));
  const series = [
    { name: 'assessed', label: 'My assessed level', color: 'pine.6' },
    ...(currentRole ? [{ name: 'current', label: `${currentRole.title} (current)`, color: 'gray.6' }] : []),
    ...(chosen ? [{ name: 'chosen', label: chosen.title, color: 'orange.6' }] : []),
  ];
  const data = skills.map((skill) => ({
    skill: skill.name,
    assessed: profile.get(skill.id) ?? 0,
    current: current.get(skill.id) ?? 0,
    chosen: target.get(skill.id) ?? 0,
  }));
  const level = (value: number | undefined) => (value ? levelLabel(value, version.proficiencyScale) : '—');

  return (
    <section aria-labelledby="profile-heading">
      <Stack gap="sm">
        <Title order={2} id="profile-heading">
          My skills against the roles
        </Title>
        {profile.size === 0 ? (
          <Paper withBorder>
            <Empty
              title="Nothing assessed yet"
              headingOrder={3}
              description="Rate your skills below (each skill’s page shows what every level looks like); your profile is drawn here."
            />
          </Paper>
        ) : (
          <>
            <Suspense fallback={<Skeleton height={360} />}>
              <ProfileRadar
                data={data}
                series={series}
                top={Math.max(...version.proficiencyScale.map((l) => l.level))}
                label="Radar chart of my assessed levels against the roles’ expectations; the table below gives the same figures."
              />
            </Suspense>
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label="My skills against the roles" withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Skill</Table.Th>
                    <Table.Th scope="col">My assessed level</Table.Th>
                    {currentRole ? <Table.Th scope="col">{currentRole.title} (current)</Table.Th> : null}
                    {chosen ? <Table.Th scope="col">{chosen.title}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {skills.map((skill) => (
                    <Table.Tr key={skill.id}>
                      <Table.Th scope="row">{skill.name}</Table.Th>
                      <Table.Td>{profile.has(skill.id) ? level(profile.get(skill.id)) : 'Not assessed'}</Table.Td>
                      {currentRole ? <Table.Td>{level(current.get(skill.id))}</Table.Td> : null}
                      {chosen ? <Table.Td>{level(target.get(skill.id))}</Table.Td> : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </section>
  );
}

/** The roles my assessed profile is closest to (skills I have not assessed count as level 0). */
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
                    <Text size="sm" c="dimmed">
                      {fit.shortfall === 0 ? 'You meet every expectation' : `${fit.shortfall} ${fit.shortfall === 1 ? 'level' : 'levels'} to grow`} ·{' '}
                      {`meets ${fit.metSkillCount} of ${fit.expectedSkillCount} skills`}
                    </Text>
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
        <Anchor component={Link} to="/my-plan">
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
        <Title order={2}>Aim for {role.title}</Title>
        <Text size="sm">
          {openPlan
            ? `Your plan aims at ${openPlan.targetRole.title}. Choosing ${role.title} starts a new revision of it (earlier ones stay readable), back in draft to agree with your manager.`
            : `Trellis creates a plan from your gaps to ${role.title}, with suggested actions for each.`}
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
      onRate={(skill, level) => record({ variables: { input: { skillId: skill.id, level } } })}
    />
  );
}
