import { Alert, Badge, Button, Card, Checkbox, Group, List, MultiSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { mentorRequestSchema } from '@trellis/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import type { FindMentorsQuery as FindMentorsResult } from '../../gql/graphql';
import { formErrorsOf } from '../../lib/errors';
import { FindMentorsQuery, MyMentorshipsQuery, RequestMentorMutation } from './mentoringOperations';
import { usePublishedSkills } from './skills';

type Suggestion = FindMentorsResult['findMentors']['suggestions'][number];

/** "Find a mentor": mentors ranked by how their assessed levels cover my plan's gap skills, each explained. */
export function FindMentorPage() {
  const { skills, nameOf, levelOf } = usePublishedSkills();
  const [chosen, setChosen] = useState<string[]>([]);
  const [includeReportingLine, setIncludeReportingLine] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const input = { ...(chosen.length > 0 ? { focusSkillKeys: chosen } : {}), includeReportingLine };
  const { data, error, refetch, loading } = useQuery(FindMentorsQuery, { variables: { input } });

  let body;
  if (error && !data) body = <ErrorState title="Could not find mentors" error={error} onRetry={refetch} />;
  else if (!data) body = <LoadingState label="Finding mentors" rowHeight={96} />;
  else {
    const search = data.findMentors;
    body = (
      <Stack gap="md" aria-busy={loading}>
        {search.focusSource === 'none' ? (
          <Empty title="Nothing to match on yet" description="Start a plan towards a role (My plan) or choose the skills you want help with above." headingOrder={2} />
        ) : (
          <Text size="sm">
            {search.focusSource === 'plan' ? 'From your plan’s gaps: ' : 'For the skills you chose: '}
            {search.focusSkills.map((f) => `${f.skillName} (you need ${levelOf(f.skillKey, f.neededLevel)})`).join(', ')}.
          </Text>
        )}
        {search.focusSource !== 'none' && search.suggestions.length === 0 ? (
          <Empty title="No mentor covers these skills yet" description="Nobody with free places offers these skills at the level you need. Try other skills, or ask again later." headingOrder={2} />
        ) : null}
        {search.uncoveredSkillKeys.length > 0 && search.suggestions.length > 0 ? (
          <Text size="sm" c="dimmed">
            No available mentor covers {search.uncoveredSkillKeys.map(nameOf).join(', ')} yet.
          </Text>
        ) : null}
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Suggested mentors">
          {search.suggestions.map((s, i) => (
            <Card key={s.mentorId} component="li" withBorder padding="md">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Title order={3} size="h4">
                    {i + 1}. {s.mentorName}
                  </Title>
                  <Group gap={6}>
                    <Badge variant="light">Match {Math.round(s.coverage)}%</Badge>
                    {s.team === 'other' ? <Badge variant="outline">Another team{s.teamName ? `: ${s.teamName}` : ''}</Badge> : null}
                  </Group>
                </Group>
                <List size="sm" aria-label={`Why ${s.mentorName}`}>
                  {s.skills
                    .filter((m) => m.coverage !== 'none')
                    .map((m) => (
                      <List.Item key={m.skillKey}>{m.explanation}</List.Item>
                    ))}
                </List>
                {s.about ? <Text size="sm">{s.about}</Text> : null}
                <Text size="xs" c="dimmed">
                  {s.freePlaces} {s.freePlaces === 1 ? 'place' : 'places'} free
                </Text>
                {asking === s.mentorId ? (
                  <RequestForm suggestion={s} focusKeys={search.focusSkills.map((f) => f.skillKey)} onCancel={() => setAsking(null)} />
                ) : (
                  <Group>
                    <Button size="sm" onClick={() => setAsking(s.mentorId)} aria-label={`Ask ${s.mentorName} to mentor you`}>
                      Ask {s.mentorName.split(' ')[0]}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <title>Find a mentor · Trellis</title>
      <Stack gap={4}>
        <Title order={1}>Find a mentor</Title>
        <Text c="dimmed">Ranked by how well their assessed levels cover the skills you need, at the level your target role expects.</Text>
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <MultiSelect
          label="Skills to get help with"
          placeholder={chosen.length ? undefined : 'My plan’s gaps'}
          data={skills.map((s) => ({ value: s.key, label: s.name }))}
          value={chosen}
          onChange={setChosen}
          searchable
          clearable
          maxValues={10}
          style={{ flex: '1 1 260px' }}
        />
        <Checkbox label="Include my reporting line" checked={includeReportingLine} onChange={(e) => setIncludeReportingLine(e.currentTarget.checked)} />
      </Group>
      {body}
    </Stack>
  );
}

function RequestForm({ suggestion, focusKeys, onCancel }: { suggestion: Suggestion; focusKeys: string[]; onCancel: () => void }) {
  const toast = useToast();
  const navigate = useNavigate();
  const { nameOf } = usePublishedSkills();
  const [request, { loading }] = useMutation(RequestMentorMutation, { refetchQueries: [MyMentorshipsQuery, FindMentorsQuery] });
  const [failure, setFailure] = useState<string | null>(null);
  const covered = suggestion.skills.filter((m) => m.coverage !== 'none').map((m) => m.skillKey);
  const form = useForm({
    mode: 'controlled',
    initialValues: { mentorId: suggestion.mentorId, message: '', focusSkillKeys: covered.length > 0 ? covered : focusKeys.slice(0, 1), endsOn: null as string | null },
    validate: schemaResolver(mentorRequestSchema, { sync: true }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await request({ variables: { input: values } });
      toast.show({ message: `Request sent to ${suggestion.mentorName}. You will be told when they answer.` });
      const id = result.data?.requestMentor.id;
      if (id) void navigate(`/mentoring/${id}`);
    } catch (err) {
      const problems = formErrorsOf(err, ['message', 'focusSkillKeys', 'endsOn', 'mentorId']);
      form.setErrors(problems.fields);
      setFailure(problems.message);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Ask ${suggestion.mentorName}`}>
      <Stack gap="sm">
        <Textarea label="Message" description="What you would like help with, and how you like to work." autosize minRows={3} data-autofocus {...form.getInputProps('message')} />
        <MultiSelect label="Focus skills" data={[...new Set([...focusKeys, ...covered])].map((k) => ({ value: k, label: nameOf(k) }))} {...form.getInputProps('focusSkillKeys')} />
        {failure || form.errors.mentorId ? (
          <Alert color="red" variant="light" role="alert">
            {failure ?? form.errors.mentorId}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={loading}>
            Send request
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
