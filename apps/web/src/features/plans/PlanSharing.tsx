import { Button, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useToast } from '../../components/Toasts';
import { describeError } from '../../lib/errors';

export const PlanSharingQuery = graphql(`
  query PlanSharing {
    viewer {
      person {
        id
        manager {
          id
          name
        }
      }
    }
    mySharing {
      id
      name
    }
    people {
      id
      name
    }
    myDataAccess(limit: 20) {
      id
      at
      summary
      actor {
        id
        name
      }
    }
  }
`);

export const SharePlanMutation = graphql(`
  mutation SharePlan($viewerId: ID!, $shared: Boolean!) {
    sharePlan(viewerId: $viewerId, shared: $shared) {
      id
      name
    }
  }
`);

/**
 * "Who can see my plan": my manager always; colleagues I add (read only), removable with Undo; and who
 * actually looked (every read by someone else is audited).
 */
export function PlanSharing() {
  const toast = useToast();
  const { data, error, refetch } = useQuery(PlanSharingQuery);
  const [share, { loading }] = useMutation(SharePlanMutation, { refetchQueries: [PlanSharingQuery] });
  const [choice, setChoice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const setShared = async (person: { id: string; name: string }, shared: boolean) => {
    setFailure(null);
    try {
      await share({ variables: { viewerId: person.id, shared } });
      return true;
    } catch (err) {
      setFailure(describeError(err));
      return false;
    }
  };

  const stopSharing = async (person: { id: string; name: string }) => {
    if (await setShared(person, false)) {
      toast.show({ message: `${person.name} can no longer see your plan.`, action: { label: 'Undo', onClick: () => setShared(person, true) } });
    }
  };
  const shareWith = async (person: { id: string; name: string } | undefined) => {
    if (person && (await setShared(person, true))) {
      setChoice(null);
      toast.show({ message: `${person.name} can now see your plan (read only).` });
    }
  };

  let body;
  if (error && !data) {
    body = (
      <Group>
        <Text size="sm" role="alert">
          Could not load who can see your plan: {describeError(error)}
        </Text>
        <Button size="xs" variant="light" onClick={() => void refetch()}>
          Try again
        </Button>
      </Group>
    );
  } else if (!data) {
    body = <Text size="sm">Loading…</Text>;
  } else {
    const me = data.viewer?.person;
    const sharedIds = new Set(data.mySharing.map((p) => p.id));
    const candidates = data.people.filter((p) => p.id !== me?.id && p.id !== me?.manager?.id && !sharedIds.has(p.id));
    body = (
      <Stack gap="sm">
        <List size="sm" aria-label="Who can see my plan">
          <List.Item>{me?.manager ? `${me.manager.name} (your manager, always)` : 'You have no manager on record.'}</List.Item>
          {data.mySharing.map((person) => (
            <List.Item key={person.id}>
              <Group gap="xs">
                <Text size="sm">{person.name}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Stop sharing with ${person.name}`}
                  onClick={() => void stopSharing(person)}
                >
                  Stop sharing
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
        <Group align="flex-end">
          <Select label="Share with a colleague" placeholder="Choose someone" data={candidates.map((p) => ({ value: p.id, label: p.name }))} value={choice} onChange={setChoice} searchable nothingFoundMessage="No one has that name" />
          <Button
            variant="light"
            loading={loading}
            disabled={!choice}
            onClick={() => void shareWith(candidates.find((p) => p.id === choice))}
          >
            Share
          </Button>
        </Group>
        {failure ? (
          <Text size="sm" c="red.8" role="alert">
            {failure}
          </Text>
        ) : null}
        <Title order={4}>Who looked</Title>
        {data.myDataAccess.length === 0 ? <Text size="sm">Nobody else has looked at your plan or assessments yet.</Text> : null}
        <List size="sm" aria-label="Who looked at my plan">
          {data.myDataAccess.map((event) => (
            <List.Item key={event.id}>
              {new Date(event.at).toLocaleString()}: {event.actor?.name ?? 'Someone'} {event.summary}
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  }
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3}>Who can see my plan</Title>
        {body}
      </Stack>
    </Card>
  );
}
