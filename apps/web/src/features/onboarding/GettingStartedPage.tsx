import { Anchor, Badge, Button, Group, List, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, Navigate } from 'react-router';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { graphql } from '../../gql';
import { describeError } from '../../lib/errors';
import { isAdmin, useSignedInViewer } from '../session/viewer';

export const GettingStartedQuery = graphql(`
  query GettingStarted {
    gettingStarted {
      complete
      dismissed
      items {
        key
        title
        description
        done
        href
      }
    }
  }
`);

export const DismissGettingStartedMutation = graphql(`
  mutation DismissGettingStarted($dismissed: Boolean!) {
    dismissGettingStarted(dismissed: $dismissed) {
      complete
      dismissed
      items {
        key
        title
        description
        done
        href
      }
    }
  }
`);

/**
 * Where "/" leads: an admin to the getting-started checklist while it has steps left and is not put away,
 * then to Frameworks; everyone else to their own pages (My career).
 */
export function HomeRedirect() {
  const viewer = useSignedInViewer();
  const admin = isAdmin(viewer);
  const { data, error } = useQuery(GettingStartedQuery, { skip: !admin, fetchPolicy: 'network-only' });
  if (!admin) return <Navigate to="/my-career" replace />;
  if (error) return <Navigate to="/frameworks" replace />;
  if (!data) return <LoadingState label="Loading…" lines={2} />;
  const { complete, dismissed } = data.gettingStarted;
  return <Navigate to={complete || dismissed ? '/frameworks' : '/admin/getting-started'} replace />;
}

/** The admin's getting-started checklist: each step ticked from real data, a link to where it is done, and put away with Undo. */
export function GettingStartedPage() {
  const toast = useToast();
  const { data, loading, error, refetch } = useQuery(GettingStartedQuery, { fetchPolicy: 'cache-and-network' });
  const [setDismissed, { loading: saving }] = useMutation(DismissGettingStartedMutation, {
    update(cache, { data: answer }) {
      if (answer) cache.writeQuery({ query: GettingStartedQuery, data: { gettingStarted: answer.dismissGettingStarted } });
    },
  });

  if (error && !data) return <ErrorState title="Could not load the checklist" error={error} onRetry={() => refetch()} />;
  if (loading && !data) return <LoadingState label="Loading the checklist…" />;
  if (!data) return null;
  const checklist = data.gettingStarted;
  const done = checklist.items.filter((item) => item.done).length;
  const next = checklist.items.find((item) => !item.done);

  const dismiss = async () => {
    try {
      await setDismissed({ variables: { dismissed: true } });
      toast.show({
        message: 'The checklist is put away. It stays here, under Admin › Getting started.',
        action: {
          label: 'Undo',
          onClick: async () => {
            await setDismissed({ variables: { dismissed: false } });
          },
        },
      });
    } catch (err) {
      toast.show({ message: `Could not put the checklist away: ${describeError(err)}` });
    }
  };

  return (
    <Stack gap="lg">
      <title>Getting started · Admin · Trellis</title>
      <div>
        <Title order={1} id="getting-started-heading">
          Getting started
        </Title>
        <Text c="dimmed" mt={4} maw={760}>
          From sign-up to a first agreed development plan. Each step ticks itself when it is done.
        </Text>
      </div>
      <Paper withBorder p="lg" component="section" aria-labelledby="getting-started-heading">
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <Text fw={600} role="status">
              {checklist.complete ? 'All done: your organisation is up and running.' : `${done} of ${checklist.items.length} done`}
            </Text>
            {checklist.dismissed ? (
              <Button variant="subtle" loading={saving} onClick={() => void setDismissed({ variables: { dismissed: false } })}>
                Show it on the home page again
              </Button>
            ) : (
              <Button variant="subtle" color="gray" loading={saving} onClick={() => void dismiss()}>
                Put the checklist away
              </Button>
            )}
          </Group>
          <Progress value={(done / checklist.items.length) * 100} aria-label={`${done} of ${checklist.items.length} steps done`} />
          <List spacing="md" listStyleType="none" p={0} aria-label="Steps">
            {checklist.items.map((item, index) => (
              <List.Item key={item.key}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon radius="xl" size={28} variant={item.done ? 'filled' : 'light'} color={item.done ? 'pine' : 'gray'} aria-hidden="true">
                    {item.done ? '✓' : index + 1}
                  </ThemeIcon>
                  <div>
                    <Group gap="xs">
                      <Anchor component={Link} to={item.href} fw={600}>
                        {item.title}
                      </Anchor>
                      {item.done ? (
                        <Badge size="sm" variant="light" color="pine">
                          Done
                        </Badge>
                      ) : item === next ? (
                        <Badge size="sm" variant="light">
                          Next
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {item.description}
                    </Text>
                  </div>
                </Group>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
    </Stack>
  );
}
