import { Alert, Button, Card, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { actionAdditionEffect, logSessionInputSchema, type PlanStatus } from '@trellis/domain';
import { graphql } from '../../gql';
import { useState } from 'react';
import { Empty } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import type { MentorshipFieldsFragment, MentorshipQuery as MentorshipResult } from '../../gql/graphql';
import { formErrorsOf } from '../../lib/errors';
import { AnswerNextStepMutation, LogMentoringSessionMutation, MentorshipQuery } from './mentoringOperations';

type Session = MentorshipResult['mentorship']['sessions'][number];

const today = () => new Date().toISOString().slice(0, 10);

/** The mentee's plan status, to say before she accepts a next step what adding it does to her plan. */
export const MyPlanStatusQuery = graphql(`
  query MyPlanStatusForNextStep {
    myPlan {
      id
      status
    }
  }
`);

/** Sessions: either side logs one; shared notes both read, private notes only their author. */
export function MentorshipSessions({ mentorship, sessions, names }: { mentorship: MentorshipFieldsFragment; sessions: readonly Session[]; names: Map<string, string> }) {
  const toast = useToast();
  const [log, { loading }] = useMutation(LogMentoringSessionMutation, { refetchQueries: [MentorshipQuery] });
  const [answer, { loading: answering }] = useMutation(AnswerNextStepMutation, { refetchQueries: [MentorshipQuery] });
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [nextStep, setNextStep] = useState('');
  const [confirming, setConfirming] = useState<{ sessionId: string; index: number; title: string; warning: string } | null>(null);
  const planStatus = useQuery(MyPlanStatusQuery, { skip: mentorship.myPart !== 'mentee' });
  const status = planStatus.data?.myPlan?.status.toLowerCase() as PlanStatus | undefined;
  const effect = status ? actionAdditionEffect(status) : null;
  // Adding to a proposed, agreed or active plan sends it back to draft: she is asked first.
  const accept = (sessionId: string, index: number, title: string) => {
    if (effect?.ok && effect.warning) setConfirming({ sessionId, index, title, warning: effect.warning });
    else void answerStep(sessionId, index, 'accept', title);
  };
  const answerStep = async (sessionId: string, index: number, verb: 'accept' | 'decline', title: string) => {
    setFailure(null);
    try {
      await answer({ variables: { input: { sessionId, index, answer: verb } } });
      toast.show({ message: verb === 'accept' ? `“${title}” is now an action in your plan.` : `You declined “${title}”.` });
      if (verb === 'accept') void planStatus.refetch();
    } catch (err) {
      setFailure(formErrorsOf(err, []).message);
    }
  };
  const form = useForm({
    mode: 'controlled',
    initialValues: { mentorshipId: mentorship.id, heldOn: today(), minutes: 45, sharedNotes: '', privateNotes: '', agenda: [], nextSteps: [] },
    validate: schemaResolver(logSessionInputSchema, { sync: true }),
  });
  const canLog = mentorship.status === 'active' || mentorship.status === 'paused';
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const title = nextStep.trim();
      await log({ variables: { input: { ...values, nextSteps: title ? [{ title }] : [] } } });
      form.reset();
      setNextStep('');
      setOpen(false);
      toast.show({ message: 'Session logged.' });
    } catch (err) {
      const problems = formErrorsOf(err, ['heldOn', 'minutes', 'sharedNotes', 'privateNotes']);
      form.setErrors(problems.fields);
      setFailure(problems.message);
    }
  });
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            Sessions
          </Title>
          {canLog && !open ? (
            <Button size="sm" variant="light" onClick={() => setOpen(true)}>
              Log a session
            </Button>
          ) : null}
        </Group>
        {open ? (
          <form onSubmit={submit} noValidate aria-label="Log a session">
            <Stack gap="sm" maw={560}>
              <Group grow wrap="wrap">
                <TextInput type="date" label="Held on" max={today()} {...form.getInputProps('heldOn')} />
                <NumberInput label="Minutes" min={5} max={480} allowDecimal={false} {...form.getInputProps('minutes')} />
              </Group>
              <Textarea label="Shared notes" description="You both read these." autosize minRows={2} {...form.getInputProps('sharedNotes')} />
              <Textarea label="Private notes" description="Only you read these." autosize minRows={2} {...form.getInputProps('privateNotes')} />
              <TextInput
                label="Next step for the mentee’s plan (optional)"
                description="The mentee accepts it into their plan as an action, or declines it."
                value={nextStep}
                onChange={(e) => setNextStep(e.currentTarget.value)}
                maxLength={200}
              />
              {failure ? (
                <Alert color="red" variant="light" role="alert">
                  {failure}
                </Alert>
              ) : null}
              <Group>
                <Button type="submit" loading={loading}>
                  Save session
                </Button>
                <Button variant="subtle" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {failure && !open ? (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        ) : null}
        {sessions.length === 0 ? (
          <Empty title="No sessions yet" description={canLog ? 'Log your first session after you meet.' : undefined} headingOrder={3} />
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Sessions">
            {sessions.map((s) => (
              <li key={s.id}>
                <Text size="sm" fw={600}>
                  {s.heldOn} · {s.minutes} min · logged by {names.get(s.loggedById) ?? 'someone'}
                </Text>
                {s.sharedNotes ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.sharedNotes}
                  </Text>
                ) : null}
                {s.nextSteps.map((step, index) => (
                  <Group key={index} gap="xs" wrap="wrap">
                    <Text size="sm">
                      Next step: {step.title} ({step.status === 'proposed' ? 'waiting for the mentee' : step.status})
                    </Text>
                    {step.status === 'proposed' && mentorship.myPart === 'mentee' ? (
                      <>
                        <Button size="compact-xs" loading={answering} onClick={() => accept(s.id, index, step.title)} aria-label={`Add “${step.title}” to my plan`}>
                          Add to my plan
                        </Button>
                        <Button size="compact-xs" variant="subtle" loading={answering} onClick={() => void answerStep(s.id, index, 'decline', step.title)} aria-label={`Decline “${step.title}”`}>
                          Decline
                        </Button>
                      </>
                    ) : null}
                  </Group>
                ))}
                {s.privateNotes ? (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    Private (only you): {s.privateNotes}
                  </Text>
                ) : null}
              </li>
            ))}
          </Stack>
        )}
      </Stack>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming ? `Add “${confirming.title}” to your plan?` : ''}>
        <Stack gap="md">
          <Text size="sm">{confirming?.warning}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Not now
            </Button>
            <Button
              loading={answering}
              onClick={() => {
                const c = confirming!;
                setConfirming(null);
                void answerStep(c.sessionId, c.index, 'accept', c.title);
              }}
            >
              Add and send back to draft
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
