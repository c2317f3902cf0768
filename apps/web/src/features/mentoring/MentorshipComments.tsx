import { Alert, Box, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useToast } from '../../components/Toasts';
import type { MentorshipFieldsFragment, MentorshipQuery as MentorshipResult } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { AddMentoringCommentMutation, MentorshipQuery } from './mentoringOperations';

type Comment = MentorshipResult['mentorship']['comments'][number];

/** Threaded comments between the mentee and the mentor (replies indented under their parent). */
export function MentorshipComments({ mentorship, comments, names }: { mentorship: MentorshipFieldsFragment; comments: readonly Comment[]; names: Map<string, string> }) {
  const open = mentorship.status === 'active' || mentorship.status === 'paused';
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Comments
        </Title>
        {comments.length === 0 ? <Text size="sm">No comments yet.</Text> : null}
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Comments">
          {comments.map((c) => (
            <Box component="li" key={c.id} pl={c.depth * 20} style={c.depth > 0 ? { borderLeft: '2px solid var(--mantine-color-gray-3)' } : undefined}>
              <Text size="xs" c="dimmed">
                {names.get(c.authorId) ?? 'Someone'} · {new Date(c.createdAt).toLocaleString()}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.body}
              </Text>
              {open && c.depth < 2 ? <CommentForm mentorshipId={mentorship.id} parentId={c.id} label="Reply" /> : null}
            </Box>
          ))}
        </Stack>
        {open ? <CommentForm mentorshipId={mentorship.id} parentId={null} label="Add a comment" /> : null}
      </Stack>
    </Card>
  );
}

function CommentForm({ mentorshipId, parentId, label }: { mentorshipId: string; parentId: string | null; label: string }) {
  const toast = useToast();
  const [add, { loading }] = useMutation(AddMentoringCommentMutation, { refetchQueries: [MentorshipQuery] });
  const [body, setBody] = useState('');
  const [shown, setShown] = useState(parentId === null);
  const [failure, setFailure] = useState<string | null>(null);
  if (!shown) {
    return (
      <Button size="compact-xs" variant="subtle" onClick={() => setShown(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        setFailure(null);
        void add({ variables: { input: { mentorshipId, parentId, body } } })
          .then(() => {
            setBody('');
            if (parentId) setShown(false);
            toast.show({ message: 'Comment added.' });
          })
          .catch((err: unknown) => setFailure(describeError(err)));
      }}
    >
      <Stack gap={6} mt={4}>
        <Textarea aria-label={label} placeholder={label} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={1} maxLength={4000} />
        {failure ? (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={loading} disabled={body.trim() === ''}>
            {parentId ? 'Reply' : 'Comment'}
          </Button>
          {parentId ? (
            <Button size="xs" variant="subtle" onClick={() => setShown(false)}>
              Cancel
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
