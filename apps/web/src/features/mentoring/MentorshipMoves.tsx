import { Alert, Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useToast } from '../../components/Toasts';
import type { MentorshipFieldsFragment } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { CLOSING_REASON_OPTIONS, DECLINE_REASON_LABELS, MOVE_LABELS } from './labels';
import { MentorshipQuery, MoveMentorshipMutation, MyMentorshipsQuery } from './mentoringOperations';

/** The moves I can make now; decline and end ask why first (the mentee reads a kind version of a decline). */
export function MentorshipMoves({ mentorship }: { mentorship: MentorshipFieldsFragment }) {
  const toast = useToast();
  const [move, { loading }] = useMutation(MoveMentorshipMutation, { refetchQueries: [MentorshipQuery, MyMentorshipsQuery] });
  const [asking, setAsking] = useState<'decline' | 'end' | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (name: string, extra: Record<string, unknown> = {}) => {
    setFailure(null);
    try {
      await move({ variables: { input: { mentorshipId: mentorship.id, expectedVersion: mentorship.version, move: name, note: note || null, ...extra } } });
      setAsking(null);
      setReason(null);
      setNote('');
      toast.show({ message: name === 'accept' ? 'Accepted: your mentee has been told.' : `${MOVE_LABELS[name] ?? name}: done.` });
    } catch (err) {
      setFailure(describeError(err));
    }
  };

  if (mentorship.availableMoves.length === 0) return null;
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        {mentorship.availableMoves.map((name) => (
          <Button
            key={name}
            size="sm"
            variant={name === 'accept' ? 'filled' : name === 'end' || name === 'decline' ? 'light' : 'default'}
            color={name === 'end' || name === 'decline' ? 'red' : undefined}
            loading={loading}
            onClick={() => (name === 'decline' || name === 'end' ? setAsking(name) : void run(name))}
          >
            {MOVE_LABELS[name] ?? name}
          </Button>
        ))}
      </Group>
      {asking ? (
        <Stack gap="sm" maw={520} component="form" aria-label={asking === 'decline' ? 'Decline the request' : 'End the mentorship'} onSubmit={(e) => {
          e.preventDefault();
          void run(asking, asking === 'decline' ? { declineReason: reason } : { endReason: reason });
        }}>
          <Select
            label={asking === 'decline' ? 'Why are you declining?' : 'Why is it ending?'}
            description={asking === 'decline' ? 'Your mentee reads a kind version of this, never anything about them.' : undefined}
            data={asking === 'decline' ? Object.entries(DECLINE_REASON_LABELS).map(([value, label]) => ({ value, label })) : CLOSING_REASON_OPTIONS}
            value={reason}
            onChange={setReason}
            required
            data-autofocus
          />
          <Textarea label={reason === 'other' ? 'Note (they will read it)' : 'Note (optional)'} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          <Group>
            <Button type="submit" color="red" disabled={!reason} loading={loading}>
              {asking === 'decline' ? 'Decline' : 'End mentorship'}
            </Button>
            <Button variant="subtle" onClick={() => setAsking(null)}>
              Keep it
            </Button>
          </Group>
        </Stack>
      ) : null}
      {failure ? (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      ) : null}
    </Stack>
  );
}
