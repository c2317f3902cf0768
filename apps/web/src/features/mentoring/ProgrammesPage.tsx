import { Alert, Badge, Button, Card, Checkbox, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { programmeInputSchema } from '@trellis/domain';
import { useState } from 'react';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import type { MentoringProgrammesQuery } from '../../gql/graphql';
import { describeError, formErrorsOf } from '../../lib/errors';
import { isAdmin, useSignedInViewer } from '../session/viewer';
import { CreateProgrammeMutation, JoinProgrammeMutation, MatchingBoardQuery, MyMentorshipsQuery, ProgrammesQuery, PublishPairsMutation } from './mentoringOperations';
import { usePublishedSkills } from './skills';

type Programme = MentoringProgrammesQuery['mentoringProgrammes'][number];

/** Programmes: admins create them; people join where they may; the lead (or an admin) runs the matching board. */
export function ProgrammesPage() {
  const viewer = useSignedInViewer();
  const { data, error, refetch } = useQuery(ProgrammesQuery);
  let body;
  if (error && !data) body = <ErrorState title="Could not load programmes" error={error} onRetry={refetch} />;
  else if (!data) body = <LoadingState label="Loading programmes" rowHeight={96} />;
  else if (data.mentoringProgrammes.length === 0)
    body = <Empty title="No programmes yet" description={isAdmin(viewer) ? 'Create one below: a name, dates, and who may join.' : 'Your organisation has not started a mentoring programme yet.'} headingOrder={2} />;
  else {
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    body = (
      <Stack gap="md">
        {data.mentoringProgrammes.map((p) => (
          <ProgrammeCard key={p.id} programme={p} names={names} people={data.people} coordinator={isAdmin(viewer) || p.leadId === viewer.person?.id} myId={viewer.person?.id ?? ''} />
        ))}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <title>Mentoring programmes · Trellis</title>
      <Title order={1}>Mentoring programmes</Title>
      {body}
      {isAdmin(viewer) ? <CreateProgramme /> : null}
    </Stack>
  );
}

function ProgrammeCard({ programme, names, people, coordinator, myId }: { programme: Programme; names: Map<string, string>; people: { id: string; name: string }[]; coordinator: boolean; myId: string }) {
  const toast = useToast();
  const { skills, nameOf } = usePublishedSkills();
  const [join, { loading: joining }] = useMutation(JoinProgrammeMutation, { refetchQueries: [ProgrammesQuery] });
  const [loadBoard, board] = useLazyQuery(MatchingBoardQuery, { fetchPolicy: 'network-only' });
  const [publish, { loading: publishing }] = useMutation(PublishPairsMutation, { refetchQueries: [ProgrammesQuery, MyMentorshipsQuery] });
  const [focus, setFocus] = useState<string[]>([]);
  const [person, setPerson] = useState<string | null>(null);
  const [part, setPart] = useState<string | null>('mentor');
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const mentors = programme.participants.filter((x) => x.part === 'mentor');
  const mentees = programme.participants.filter((x) => x.part === 'mentee');
  const joinedAsMentee = mentees.some((x) => x.personId === myId);

  const add = async (personId: string, as: string, focusSkillKeys: string[]) => {
    setFailure(null);
    try {
      await join({ variables: { input: { programmeId: programme.id, personId, part: as, focusSkillKeys } } });
      toast.show({ message: personId === myId ? 'You have joined the programme.' : `${names.get(personId) ?? 'They'} joined as ${as}.` });
    } catch (err) {
      setFailure(describeError(err));
    }
  };
  const pairs = board.data?.matchingBoard.pairs ?? [];
  const chosen = pairs.filter((p) => !dropped.has(p.menteeId));

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {programme.name}
          </Title>
          <Badge variant="light">{programme.phase}</Badge>
        </Group>
        <Text size="sm">
          {programme.startsOn} to {programme.endsOn}
          {programme.leadId ? ` · led by ${names.get(programme.leadId) ?? 'someone'}` : ''}
        </Text>
        {programme.description ? <Text size="sm">{programme.description}</Text> : null}
        <Text size="sm">
          Mentors ({mentors.length}): {mentors.map((x) => names.get(x.personId)).join(', ') || 'none yet'}
        </Text>
        <Text size="sm">
          Mentees ({mentees.length}): {mentees.map((x) => names.get(x.personId)).join(', ') || 'none yet'}
        </Text>
        {programme.menteesMayJoin === 'anyone' && !joinedAsMentee && programme.phase !== 'finished' ? (
          <Group align="flex-end" wrap="wrap">
            <MultiSelect label="Skills I want help with" data={skills.map((s) => ({ value: s.key, label: s.name }))} value={focus} onChange={setFocus} searchable maxValues={10} style={{ flex: '1 1 240px' }} />
            <Button loading={joining} disabled={focus.length === 0} onClick={() => void add(myId, 'mentee', focus)}>
              Join as mentee
            </Button>
          </Group>
        ) : null}
        {coordinator ? (
          <Stack gap="sm">
            <Group align="flex-end" wrap="wrap">
              <Select label="Add a participant" placeholder="Choose someone" data={people.map((p) => ({ value: p.id, label: p.name }))} value={person} onChange={setPerson} searchable />
              <Select label="As" data={[{ value: 'mentor', label: 'Mentor' }, { value: 'mentee', label: 'Mentee' }]} value={part} onChange={setPart} w={120} />
              <Button variant="light" disabled={!person || !part} loading={joining} onClick={() => person && part && void add(person, part, part === 'mentee' ? focus : [])}>
                Add
              </Button>
            </Group>
            <Group>
              <Button variant="light" loading={board.loading} onClick={() => void loadBoard({ variables: { programmeId: programme.id } })}>
                Propose pairs
              </Button>
            </Group>
            {board.error ? (
              <Alert color="red" variant="light" role="alert">
                {describeError(board.error)}
              </Alert>
            ) : null}
            {board.data ? (
              <Stack gap="xs">
                <Text size="sm">
                  {board.data.matchingBoard.assignedCount} of {mentees.length} mentees paired. Untick any pair to leave it out.
                </Text>
                {pairs.map((p) => (
                  <Checkbox
                    key={p.menteeId}
                    checked={!dropped.has(p.menteeId)}
                    onChange={(e) => {
                      const next = new Set(dropped);
                      if (e.currentTarget.checked) next.delete(p.menteeId);
                      else next.add(p.menteeId);
                      setDropped(next);
                    }}
                    label={`${names.get(p.menteeId) ?? 'Mentee'} with ${names.get(p.mentorId) ?? 'mentor'}: ${p.explanation}`}
                  />
                ))}
                {board.data.matchingBoard.unassigned.map((u) => (
                  <Text key={u.menteeId} size="sm" c="dimmed">
                    {names.get(u.menteeId) ?? 'A mentee'}: {u.reason === 'no-place-left' ? 'every suitable mentor is full' : 'no mentor covers their skills'}
                  </Text>
                ))}
                <Group>
                  <Button
                    disabled={chosen.length === 0}
                    loading={publishing}
                    onClick={() =>
                      void publish({ variables: { input: { programmeId: programme.id, pairs: chosen.map(({ menteeId, mentorId }) => ({ menteeId, mentorId })) } } })
                        .then(() => toast.show({ message: `${chosen.length} pairs published; everyone has been told.` }))
                        .catch((err: unknown) => setFailure(describeError(err)))
                    }
                  >
                    Publish {chosen.length} pairs
                  </Button>
                </Group>
              </Stack>
            ) : null}
          </Stack>
        ) : null}
        {mentees.length > 0 && coordinator ? (
          <Text size="xs" c="dimmed">
            Mentee focus: {mentees.map((x) => `${names.get(x.personId)}: ${x.focusSkillKeys.map(nameOf).join(', ') || 'none'}`).join(' · ')}
          </Text>
        ) : null}
        {failure ? (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

function CreateProgramme() {
  const toast = useToast();
  const [create, { loading }] = useMutation(CreateProgrammeMutation, { refetchQueries: [ProgrammesQuery] });
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', description: '', startsOn: '', endsOn: '', mentorsMayJoin: 'invited', menteesMayJoin: 'anyone', leadId: null as string | null },
    validate: schemaResolver(programmeInputSchema, { sync: true }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await create({ variables: { input: values } });
      form.reset();
      toast.show({ message: 'Programme created.' });
    } catch (err) {
      const problems = formErrorsOf(err, ['name', 'description', 'startsOn', 'endsOn', 'mentorsMayJoin', 'menteesMayJoin', 'leadId']);
      form.setErrors(problems.fields);
      setFailure(problems.message);
    }
  });
  const join = [
    { value: 'anyone', label: 'Anyone may join' },
    { value: 'invited', label: 'Added by the lead' },
  ];
  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate aria-label="Create a programme">
        <Stack gap="sm" maw={560}>
          <Title order={2} size="h3">
            Create a programme
          </Title>
          <TextInput label="Name" {...form.getInputProps('name')} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <Group grow wrap="wrap">
            <TextInput type="date" label="Starts on" {...form.getInputProps('startsOn')} />
            <TextInput type="date" label="Ends on" {...form.getInputProps('endsOn')} />
          </Group>
          <Group grow wrap="wrap">
            <Select label="Mentors" data={join} {...form.getInputProps('mentorsMayJoin')} />
            <Select label="Mentees" data={join} {...form.getInputProps('menteesMayJoin')} />
          </Group>
          {failure ? (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={loading}>
              Create programme
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
