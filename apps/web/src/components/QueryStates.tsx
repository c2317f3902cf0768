import { Alert, Anchor, Button, EmptyState, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { describeError, hasErrorCode } from '../lib/errors';
import { signInPath } from '../lib/navigation';

/** A polite, screen-reader-announced loading placeholder shaped roughly like the content it stands in for. */
/** `rowHeight` draws three rows of a list or table about to load; otherwise a heading and `lines` of text. */
export function LoadingState({ label, lines = 4, rowHeight, children }: { label: string; lines?: number; rowHeight?: number; children?: ReactNode }) {
  const rows = rowHeight ? [0, 1, 2].map((i) => <Skeleton key={i} height={rowHeight} />) : null;
  return (
    <Stack gap="md" role="status" aria-live="polite" aria-busy="true" data-testid="loading-state">
      <VisuallyHidden>{label}</VisuallyHidden>
      {children ?? rows ?? (
        <>
          <Skeleton height={34} width="40%" radius="sm" />
          {Array.from({ length: lines }, (_, i) => (
            <Skeleton key={i} height={16} width={`${90 - ((i * 17) % 40)}%`} radius="sm" />
          ))}
        </>
      )}
    </Stack>
  );
}

/** An error with what went wrong and a retry button that re-runs the failed query. */
export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry: () => Promise<unknown> | void;
}) {
  const [retrying, setRetrying] = useState(false);
  const location = useLocation();
  if (hasErrorCode(error, 'FORBIDDEN')) {
    return (
      <Alert color="yellow" variant="light" title="You do not have access to this" role="alert">
        <Text size="sm">{describeError(error)}</Text>
      </Alert>
    );
  }
  if (hasErrorCode(error, 'UNAUTHENTICATED')) {
    return (
      <Alert color="yellow" variant="light" title="Your session has ended" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">Sign in again to carry on where you were.</Text>
          <Anchor component={Link} to={signInPath(location.pathname + location.search)}>
            Sign in again
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  const retry = async () => {
    setRetrying(true);
    try {
      await onRetry();
    } catch {
      // The query result carries the new error; the alert stays up with it.
    } finally {
      setRetrying(false);
    }
  };
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        <Button variant="filled" color="red" size="sm" onClick={() => void retry()} loading={retrying}>
          Retry
        </Button>
      </Stack>
    </Alert>
  );
}

/** Shown when a page's id does not exist (or no longer does). */
export function NotFoundState({ title, message, backTo, backLabel }: { title: string; message: string; backTo: string; backLabel: string }) {
  return (
    <Stack gap="md" align="flex-start">
      <title>{`${title} · Trellis`}</title>
      <Title order={1}>{title}</Title>
      <Text>{message}</Text>
      <Anchor component={Link} to={backTo}>
        {backLabel}
      </Anchor>
    </Stack>
  );
}

export function Empty({
  title,
  description,
  action,
  headingOrder = 2,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  headingOrder?: 2 | 3 | 4;
}) {
  return (
    <EmptyState py="xl">
      <EmptyState.Title order={headingOrder}>{title}</EmptyState.Title>
      {description ? <EmptyState.Description>{description}</EmptyState.Description> : null}
      {action ? (
        <EmptyState.Actions>
          <Group justify="center">{action}</Group>
        </EmptyState.Actions>
      ) : null}
    </EmptyState>
  );
}

/** Shown to someone who is signed in but whose access role does not include this page. */
export function NoAccessState({ title, message }: { title: string; message: string }) {
  return (
    <Stack gap="md" align="flex-start" maw={720}>
      <title>{`${title} · Trellis`}</title>
      <Title order={1}>{title}</Title>
      <Text>{message}</Text>
      <Anchor component={Link} to="/frameworks">
        Go to frameworks
      </Anchor>
    </Stack>
  );
}
