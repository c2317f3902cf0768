import { Alert, Badge, Button, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { MEETING_FREQUENCIES, MEETING_MODES, saveMentorProfileSchema } from '@trellis/domain';
import { useEffect, useState } from 'react';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { formErrorsOf } from '../../lib/errors';
import { MEETING_FREQUENCY_LABELS, MEETING_MODE_LABELS } from './labels';
import { MyMentorProfileQuery, SaveMentorProfileMutation } from './mentoringOperations';
import { usePublishedSkills } from './skills';

interface ProfileForm {
  capacity: number;
  offeredSkillKeys: string[];
  meeting: { modes: string[]; frequency: string | null; note: string };
  acceptsOtherTeams: boolean;
  paused: boolean;
  about: string;
  expectedVersion: number | null;
}

const FIELDS = ['capacity', 'offeredSkillKeys', 'meeting', 'acceptsOtherTeams', 'paused', 'about', 'expectedVersion'];

/** "Offer to mentor": capacity, skills (suggested from my own ratings), how I like to meet, other teams, pause. */
export function MentorProfilePage() {
  const toast = useToast();
  const { data, error, refetch } = useQuery(MyMentorProfileQuery);
  const { skills, nameOf, levelOf } = usePublishedSkills();
  const [save, { loading: saving }] = useMutation(SaveMentorProfileMutation, { refetchQueries: [MyMentorProfileQuery] });
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ProfileForm>({
    mode: 'controlled',
    initialValues: { capacity: 2, offeredSkillKeys: [], meeting: { modes: [], frequency: null, note: '' }, acceptsOtherTeams: true, paused: false, about: '', expectedVersion: null },
    validate: schemaResolver(saveMentorProfileSchema, { sync: true }),
  });
  const profile = data?.myMentorProfile;
  const loaded = data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const values: ProfileForm = profile
      ? { capacity: profile.capacity, offeredSkillKeys: profile.offeredSkillKeys, meeting: { ...profile.meeting }, acceptsOtherTeams: profile.acceptsOtherTeams, paused: profile.paused, about: profile.about, expectedVersion: profile.version }
      : { ...form.getInitialValues(), offeredSkillKeys: (data?.mentorSkillSuggestions ?? []).map((s) => s.skillKey) };
    form.setValues(values);
    form.resetDirty(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per version read
  }, [loaded, profile?.version]);

  if (error && !data) return <ErrorState title="Could not load your mentor profile" error={error} onRetry={refetch} />;
  if (!data) return <LoadingState label="Loading your mentor profile" />;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await save({ variables: { input: values } });
      toast.show({ message: result.data?.saveMentorProfile.paused ? 'Your offer is paused: nobody new will be suggested to you.' : 'Your offer to mentor is saved.' });
    } catch (err) {
      const problems = formErrorsOf(err, FIELDS);
      form.setErrors(problems.fields);
      setFailure(problems.message);
    }
  });

  const suggested = new Set(data.mentorSkillSuggestions.map((s) => s.skillKey));
  const options = [
    ...data.mentorSkillSuggestions.map((s) => ({ value: s.skillKey, label: `${s.skillName} (${levelOf(s.skillKey, s.level)}${s.managerConfirmed ? ', confirmed by your manager' : ''})` })),
    ...skills.filter((s) => !suggested.has(s.key)).map((s) => ({ value: s.key, label: s.name })),
    ...form.values.offeredSkillKeys.filter((k) => !suggested.has(k) && !skills.some((s) => s.key === k)).map((k) => ({ value: k, label: nameOf(k) })),
  ];

  return (
    <Stack gap="lg" maw={720}>
      <title>Offer to mentor · Trellis</title>
      <Stack gap={4}>
        <Title order={1}>Offer to mentor</Title>
        <Text c="dimmed">People whose plans need your skills will see you suggested, with how your ratings cover what they need.</Text>
      </Stack>
      {profile?.paused ? (
        <Alert color="yellow" variant="light" title="Paused">
          You are not suggested to anyone while paused; your current mentees carry on.
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Mentor profile">
        <Stack gap="md">
          <MultiSelect
            label="Skills I offer"
            description={
              data.mentorSkillSuggestions.length > 0
                ? 'Suggested from your own ratings at 4 or above, manager-confirmed first. Add or remove any.'
                : 'Rate your skills (My career) to get suggestions; you can choose skills now.'
            }
            data={options}
            searchable
            {...form.getInputProps('offeredSkillKeys')}
          />
          {data.mentorSkillSuggestions.length > 0 ? (
            <Group gap={6} aria-label="Suggested skills">
              {data.mentorSkillSuggestions.map((s) => (
                <Badge key={s.skillKey} variant={s.managerConfirmed ? 'filled' : 'light'}>
                  {s.skillName}: {levelOf(s.skillKey, s.level)}
                </Badge>
              ))}
            </Group>
          ) : null}
          <NumberInput label="Mentees at once" min={1} max={20} allowDecimal={false} {...form.getInputProps('capacity')} />
          <Checkbox.Group label="How I like to meet" {...form.getInputProps('meeting.modes')}>
            <Group mt={6} gap="md">
              {MEETING_MODES.map((mode) => (
                <Checkbox key={mode} value={mode} label={MEETING_MODE_LABELS[mode]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Select
            label="How often"
            placeholder="Not said"
            clearable
            data={MEETING_FREQUENCIES.map((f) => ({ value: f, label: MEETING_FREQUENCY_LABELS[f] ?? f }))}
            {...form.getInputProps('meeting.frequency')}
          />
          <Textarea label="Anything else about meeting" placeholder="Tuesday mornings, London time" autosize minRows={1} {...form.getInputProps('meeting.note')} />
          <Textarea label="About me, for mentees" autosize minRows={2} {...form.getInputProps('about')} />
          <Switch label="I take mentees from other teams" {...form.getInputProps('acceptsOtherTeams', { type: 'checkbox' })} />
          <Switch label="Pause: don't suggest me to anyone new for now" {...form.getInputProps('paused', { type: 'checkbox' })} />
          {failure ? (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {failure}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={saving}>
              {profile ? 'Save changes' : 'Offer to mentor'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
