import { Alert, Anchor, Button, Card, Group, Paper, Radio, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Empty, ErrorState, LoadingState, NotFoundState } from '../../components/QueryStates';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { useToast } from '../../components/Toasts';
import { Descriptor } from '../../components/markdown/Descriptor';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/labels';
import { skillLevelLabel, MyCareerQuery, RecordMyAssessmentMutation, useCareer, type CareerVersion, type MyAssessments } from './careerData';

type Skill = CareerVersion['skills'][number];

const HistoryStepChart = lazy(() => import('./charts').then((charts) => ({ default: charts.HistoryStepChart })));

/** One skill: what each level looks like, my rating with evidence, and every dated rating (mine and my manager's). */
export function SkillAssessmentPage() {
  const { skillId } = useParams();
  const career = useCareer({ skillDetails: true });
  if (career.error) return <ErrorState title="Could not load this skill" error={career.error} onRetry={() => career.refetch()} />;
  if (!career.ready) return <LoadingState label="Loading the skill…" />;
  const skill = career.version?.skills.find((s) => s.id === skillId);
  if (!career.version || !career.assessments || !skill) {
    return (
      <NotFoundState
        title="Skill not found"
        message="This skill is not in your organisation’s published framework. It may have been renamed or merged in a new version."
        backTo="/my-career"
        backLabel="Back to my career"
      />
    );
  }
  return (
    <Stack gap="xl">
      <title>{`${skill.name} · My career · Trellis`}</title>
      <Stack gap="xs">
        <PageBreadcrumbs items={[{ label: 'My career', to: '/my-career' }, { label: skill.name }]} />
        <Title order={1}>{skill.name}</Title>
        {skill.description ? <Text maw={820}>{skill.description}</Text> : null}
      </Stack>
      <LatestRatings skill={skill} version={career.version} assessments={career.assessments} />
      <RateSkill skill={skill} current={career.assessments.current.find((entry) => entry.skillKey === skill.key)?.selfLevel ?? null} />
      <SkillHistory skill={skill} version={career.version} assessments={career.assessments} />
    </Stack>
  );
}

/** My latest rating and my manager's side by side, with the difference said in words. */
function LatestRatings({ skill, version, assessments }: { skill: Skill; version: CareerVersion; assessments: MyAssessments }) {
  const entry = assessments.current.find((e) => e.skillKey === skill.key);
  const label = (level: number | null | undefined) => (level == null ? 'Not rated yet' : skillLevelLabel(version, skill, level));
  const difference = entry?.selfLevel != null && entry.managerLevel != null ? entry.managerLevel - entry.selfLevel : null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed">
          My latest rating
        </Text>
        <Text fw={600}>{label(entry?.selfLevel)}</Text>
      </Card>
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed">
          My manager’s latest rating
        </Text>
        <Text fw={600}>{label(entry?.managerLevel)}</Text>
        {difference ? (
          <Text size="sm">{difference > 0 ? `${difference} above mine` : `${-difference} below mine`}</Text>
        ) : difference === 0 ? (
          <Text size="sm">The same as mine</Text>
        ) : null}
      </Card>
    </SimpleGrid>
  );
}

/** Rating: each level with its descriptor for this skill (native radios: arrow keys move between them), and optional evidence. */
function RateSkill({ skill, current }: { skill: Skill; current: number | null }) {
  const toast = useToast();
  const [level, setLevel] = useState(current == null ? '' : String(current));
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordMyAssessmentMutation, { refetchQueries: [MyCareerQuery], awaitRefetchQueries: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!level) {
      setFailure('Choose the level that describes you best.');
      return;
    }
    setFailure(null);
    try {
      await record({
        variables: { input: { skillId: skill.id, level: Number(level), evidenceNote: note.trim() || null, evidenceUrl: link.trim() || null } },
      });
      setNote('');
      setLink('');
      toast.show({ message: `Rated ${skill.name} at level ${level}.` });
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={(event: FormEvent) => void submit(event)}>
      <Stack gap="md">
        <Title order={2}>Rate this skill</Title>
        <Text size="sm">Each rating is kept with its date: the earlier ones stay, so you can see how the skill grows.</Text>
        <Radio.Group label="My level" value={level} onChange={setLevel} error={failure && !level ? failure : null}>
          <Stack gap="sm" mt="xs">
            {(skill.levels ?? []).map((step) => (
              <Radio
                key={step.level}
                value={String(step.level)}
                label={`${step.level} · ${step.name}`}
                description={<Descriptor summary={step.descriptor ?? null} criteria={step.criteria ?? []} examples={step.examples ?? []} />}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea label="Evidence (optional)" description="What you did that shows this level." value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} />
        <TextInput label="Evidence link (optional)" type="url" placeholder="https://…" value={link} onChange={(event) => setLink(event.currentTarget.value)} />
        {failure && level ? (
          <Alert color="red" role="alert" title="The rating was not saved">
            {failure}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={loading}>
            Save my rating
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * Every dated rating of the skill: a step chart of my level and my manager's over time, and the same in a table
 * with the evidence (the accessible alternative).
 */
function SkillHistory({ skill, version, assessments }: { skill: Skill; version: CareerVersion; assessments: MyAssessments }) {
  const history = assessments.assessments.filter((a) => a.skillKey === skill.key);
  const top = Math.max(...(skill.scale.levels.length > 0 ? skill.scale.levels : version.proficiencyScale).map((l) => l.level));
  const points = stepPoints(history);
  return (
    <section aria-labelledby="history-heading">
      <Stack gap="sm">
        <Title order={2} id="history-heading">
          History
        </Title>
        {history.length === 0 ? (
          <Paper withBorder>
            <Empty title="No ratings yet" headingOrder={3} description="Your ratings, and your manager’s, show here with their dates." />
          </Paper>
        ) : (
          <>
            {history.length > 1 ? (
              <Suspense fallback={<Skeleton height={240} />}>
                <HistoryStepChart
                  data={points}
                  top={top}
                  label={`Step chart of ${skill.name} ratings over time; the table below lists each one.`}
                  series={[
                    { name: 'self', label: 'Me', color: 'pine.6' },
                    { name: 'manager', label: 'My manager', color: 'orange.6' },
                  ]}
                />
              </Suspense>
            ) : null}
            <Table aria-label={`Ratings of ${skill.name}`} withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">By</Table.Th>
                  <Table.Th scope="col">Level</Table.Th>
                  <Table.Th scope="col">Evidence</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...history].reverse().map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{formatDateTime(a.assessedAt)}</Table.Td>
                    <Table.Td>{a.source === 'SELF' ? 'Me' : `${a.assessedBy?.name ?? 'My manager'} (manager)`}</Table.Td>
                    <Table.Td>{skillLevelLabel(version, skill, a.level)}</Table.Td>
                    <Table.Td>
                      {a.evidenceNote ? <Text size="sm">{a.evidenceNote}</Text> : null}
                      {a.evidenceUrl ? (
                        <Anchor href={a.evidenceUrl} target="_blank" rel="noreferrer noopener" size="sm">
                          {a.evidenceUrl}
                        </Anchor>
                      ) : null}
                      {!a.evidenceNote && !a.evidenceUrl ? '—' : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </section>
  );
}


/** Chart points, one per rating, each carrying the latest of each source so far, so the lines step where a rating was made. */
function stepPoints(history: MyAssessments['assessments']) {
  const points: { date: string; self: number | null; manager: number | null }[] = [];
  for (const a of history) {
    const previous = points.at(-1);
    points.push({
      date: formatDateTime(a.assessedAt) ?? a.assessedAt,
      self: a.source === 'SELF' ? a.level : (previous?.self ?? null),
      manager: a.source === 'MANAGER' ? a.level : (previous?.manager ?? null),
    });
  }
  return points;
}
