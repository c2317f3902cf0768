import { Alert, Button, Card, Group, Modal, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { MAX_PLAN_COMMENT_DEPTH } from '@trellis/domain';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { PlanCommentsQuery as PlanCommentsResult } from '../../gql/graphql';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';

export const PlanCommentsQuery = graphql(`
  query PlanComments($planId: ID!) {
    planComments(planId: $planId) {
      id
      actionId
      parentId
      depth
      authorId
      authorName
      body
      createdAt
    }
  }
`);

export const AddPlanCommentMutation = graphql(`
  mutation AddPlanComment($input: AddPlanCommentInput!) {
    addPlanComment(input: $input) {
      id
    }
  }
`);

export const SignOffActionEvidenceMutation = graphql(`
  mutation SignOffActionEvidence($input: SignOffEvidenceInput!) {
    signOffActionEvidence(input: $input) {
      id
      version
      actions {
        id
        signOff {
          byId
          byName
          at
          note
        }
      }
    }
  }
`);

export const WithdrawActionSignOffMutation = graphql(`
  mutation WithdrawActionSignOff($input: WithdrawSignOffInput!) {
    withdrawActionSignOff(input: $input) {
      id
      version
      actions {
        id
        signOff {
          byId
        }
      }
    }
  }
`);

type Comment = PlanCommentsResult['planComments'][number];
interface ActionRef {
  id: string;
  title: string;
}

/** Comments as threads: each root (oldest first) followed by its replies. */
function threaded(comments: readonly Comment[]): Comment[] {
  const children = new Map<string | null, Comment[]>();
  for (const c of comments) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: Comment[] = [];
  const walk = (parent: string | null) => {
    for (const c of children.get(parent) ?? []) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

/**
 * The conversation on a plan: comments on the plan or one of its actions, with replies (threads at most
 * three deep). Shown to whoever the plan policy lets comment (the owner, their manager or approver, a
 * mentor the owner shares comments with); each new comment tells the owner and whoever it replies to.
 */
export function PlanComments({ planId, actions, ownerName }: { planId: string; actions: readonly ActionRef[]; ownerName: string | null }) {
  const { data, loading, error, refetch } = useQuery(PlanCommentsQuery, { variables: { planId } });
  const titles = new Map(actions.map((a) => [a.id, a.title]));
  let body;
  if (error && !data) body = <ErrorState title="Could not load the comments" error={error} onRetry={() => refetch()} />;
  else if (loading && !data) body = <LoadingState label="Loading the comments…" lines={2} />;
  else {
    const comments = threaded(data?.planComments ?? []);
    body = (
      <Stack gap="xs">
        {comments.length === 0 ? (
          <Text size="sm" c="dimmed">
            No comments yet. {ownerName ? `Ask ${ownerName} something, or say what you noticed.` : 'Your manager and a mentor you share comments with can reply here.'}
          </Text>
        ) : null}
        {comments.map((c) => (
          <CommentCard key={c.id} comment={c} about={c.actionId ? (titles.get(c.actionId) ?? 'an earlier action') : null} planId={planId} />
        ))}
        <CommentForm planId={planId} actions={actions} />
      </Stack>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="plan-comments-title">
      <Title order={3} id="plan-comments-title">
        Comments
      </Title>
      {body}
    </Stack>
  );
}

function CommentCard({ comment, about, planId }: { comment: Comment; about: string | null; planId: string }) {
  const [replying, setReplying] = useState(false);
  const canReply = comment.depth + 1 < MAX_PLAN_COMMENT_DEPTH;
  return (
    <Card withBorder padding="sm" ml={{ base: comment.depth * 12, sm: comment.depth * 32 }} aria-label={`Comment by ${comment.authorName}`}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {comment.authorName} · {new Date(comment.createdAt).toLocaleString()}
          {about && comment.depth === 0 ? ` · on “${about}”` : ''}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</Text>
        {canReply && !replying ? (
          <Group>
            <Button size="compact-sm" variant="subtle" onClick={() => setReplying(true)} aria-label={`Reply to ${comment.authorName}`}>
              Reply
            </Button>
          </Group>
        ) : null}
        {replying ? <CommentForm planId={planId} actions={[]} parent={comment} onDone={() => setReplying(false)} /> : null}
      </Stack>
    </Card>
  );
}

function CommentForm({ planId, actions, parent, onDone }: { planId: string; actions: readonly ActionRef[]; parent?: Comment; onDone?: () => void }) {
  const [body, setBody] = useState('');
  const [about, setAbout] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [add, { loading }] = useMutation(AddPlanCommentMutation, { refetchQueries: [PlanCommentsQuery], awaitRefetchQueries: true });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setFailure('Write something to post.');
      return;
    }
    setFailure(null);
    try {
      await add({ variables: { input: { planId, body, actionId: parent ? parent.actionId : about || null, parentId: parent?.id ?? null } } });
      setBody('');
      onDone?.();
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="xs">
        {!parent && actions.length > 0 ? (
          <NativeSelect
            label="About"
            value={about}
            onChange={(e) => setAbout(e.currentTarget.value)}
            data={[{ value: '', label: 'The plan as a whole' }, ...actions.map((a) => ({ value: a.id, label: a.title }))]}
          />
        ) : null}
        <Textarea
          label={parent ? `Reply to ${parent.authorName}` : 'Add a comment'}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={2}
          error={failure}
          data-autofocus={parent ? true : undefined}
        />
        <Group gap="xs">
          <Button type="submit" size="sm" loading={loading}>
            {parent ? 'Post reply' : 'Post comment'}
          </Button>
          {onDone ? (
            <Button size="sm" variant="default" onClick={onDone}>
              Cancel
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

export interface SignOffView {
  byId: string;
  byName: string;
  at: string | Date;
  note: string;
}

/** "Evidence signed off by Grace Liu on 6 Dec 2026": on the action for the owner, the manager and the mentor. */
export function SignOffNote({ signOff }: { signOff: SignOffView | null | undefined }) {
  if (!signOff) return null;
  return (
    <Text size="sm" c="teal.9">
      ✓ Evidence signed off by {signOff.byName} on {new Date(signOff.at).toLocaleDateString()}
      {signOff.note ? `: “${signOff.note}”` : ''}
    </Text>
  );
}

/**
 * A manager's or mentor's sign-off of a done action's evidence (asked to confirm first, with an optional note),
 * and withdrawing one's own. Shown only with the plan policy's `signOff`.
 */
export function SignOffControls({
  action,
  planVersion,
  viewerId,
}: {
  action: { id: string; title: string; status: string; evidence: string | null; signOff?: SignOffView | null };
  planVersion: number;
  viewerId: string;
}) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [signOff, signing] = useMutation(SignOffActionEvidenceMutation);
  const [withdraw, withdrawing] = useMutation(WithdrawActionSignOffMutation);
  if (action.signOff) {
    if (action.signOff.byId !== viewerId) return null;
    const undo = async () => {
      setFailure(null);
      try {
        await withdraw({ variables: { input: { actionId: action.id, expectedPlanVersion: planVersion } } });
        toast.show({ message: `Withdrew your sign-off of “${action.title}”.` });
      } catch (error) {
        setFailure(describeError(error));
      }
    };
    return (
      <Stack gap={4}>
        <Button size="compact-sm" variant="subtle" color="red" loading={withdrawing.loading} onClick={() => void undo()} aria-label={`Withdraw sign-off of ${action.title}`}>
          Withdraw sign-off
        </Button>
        {failure ? (
          <Text size="sm" c="red.8" role="alert">
            {failure}
          </Text>
        ) : null}
      </Stack>
    );
  }
  if (action.status !== 'DONE' || !action.evidence) return null;
  const confirm = async () => {
    setFailure(null);
    try {
      await signOff({ variables: { input: { actionId: action.id, expectedPlanVersion: planVersion, note } } });
      setOpen(false);
      setNote('');
      toast.show({ message: `Signed off the evidence of “${action.title}”.` });
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  return (
    <>
      <Button size="compact-sm" variant="light" onClick={() => setOpen(true)} aria-label={`Sign off evidence of ${action.title}`}>
        Sign off evidence…
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Sign off “${action.title}”?`}>
        <Stack gap="md">
          <Text size="sm">You confirm the evidence shows this action was done: “{action.evidence}”. Everyone who reads the plan sees your name beside it; you can withdraw it later.</Text>
          <Textarea label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-autofocus />
          {failure ? (
            <Alert color="red" role="alert" title="Not signed off">
              {failure}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button loading={signing.loading} onClick={() => void confirm()}>
              Sign off
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
