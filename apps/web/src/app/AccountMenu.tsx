import { Anchor, Button, Divider, Popover, Stack, Text } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../gql';
import { describeError } from '../lib/errors';
import { accessRoleLabel } from '../lib/labels';
import { useSignedInViewer, writeViewer } from '../features/session/viewer';

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** The signed-in person's name; it opens a small panel with their account and Sign out. */
export function AccountMenu() {
  const viewer = useSignedInViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [signOut, { loading }] = useMutation(SignOutMutation);
  const [error, setError] = useState<unknown>(null);

  const handleSignOut = async () => {
    setError(null);
    try {
      await signOut();
    } catch (err) {
      setError(err);
      return;
    }
    // Nothing of this person's data may outlive the session in memory.
    await client.clearStore();
    writeViewer(client.cache, null);
    setOpened(false);
    void navigate('/sign-in', { replace: true });
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={260} trapFocus returnFocus shadow="md">
      <Popover.Target>
        <Button variant="subtle" color="gray" c="var(--mantine-color-text)" onClick={() => setOpened((o) => !o)} rightSection={<Chevron />}>
          {viewer.person.name}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <div>
            <Text fw={600} size="sm">
              {viewer.person.name}
            </Text>
            <Text size="xs" c="dimmed">
              {viewer.person.email}
            </Text>
            <Text size="xs" c="dimmed">
              {viewer.organisation.name} · {accessRoleLabel[viewer.accessRole]}
            </Text>
          </div>
          <Divider />
          <Anchor component={Link} to="/account" onClick={() => setOpened(false)} size="sm">
            My account
          </Anchor>
          <Anchor component={Link} to={`/people/${viewer.person.id}`} onClick={() => setOpened(false)} size="sm">
            My profile
          </Anchor>
          <Button variant="light" size="sm" onClick={() => void handleSignOut()} loading={loading}>
            Sign out
          </Button>
          {error ? (
            <Text size="xs" c="red.8" role="alert">
              Could not sign out: {describeError(error)}
            </Text>
          ) : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
