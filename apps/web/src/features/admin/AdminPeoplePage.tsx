import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../lib/errors';
import { PeopleDirectory, type DirectoryPerson, type DirectorySelection } from '../people/PeopleDirectory';
import { InvitationLinks, useInvitePeople, type InvitePeopleOutcome } from './bulkInvitations';

const invitable = (person: DirectoryPerson) => person.active && person.signIn !== null && person.signIn?.nextStep !== 'NONE';

export function AdminPeoplePage() {
  const [selected, setSelected] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<InvitePeopleOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [invite, { loading }] = useInvitePeople();
  const resultRef = useRef<HTMLDivElement>(null);

  const run = async (input: Parameters<typeof invite>[0]) => {
    setError(null);
    try {
      const result = await invite(input);
      if (!result) return;
      setOutcome(result);
      setSelected([]);
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (err) {
      setError(err);
    }
  };

  const selection: DirectorySelection = {
    selectable: invitable,
    selected,
    onChange: setSelected,
    toolbar: (shown) => {
      const ticked = shown.filter((person) => selected.includes(person.id));
      const resend = ticked.some((person) => person.signIn?.nextStep === 'RESEND_INVITATION');
      const withoutAccount = shown.filter((person) => person.signIn?.nextStep === 'INVITE').length;
      return (
        <Group gap="sm" wrap="wrap" aria-label="Invite people" role="group">
          <Button
            disabled={ticked.length === 0}
            loading={loading}
            onClick={() => void run({ personIds: ticked.map((person) => person.id), resend })}
          >
            {ticked.length === 0 ? 'Invite selected' : `Invite ${ticked.length} selected`}
          </Button>
          <Button variant="light" loading={loading} onClick={() => void run({ everyoneWithoutAccount: true })}>
            Invite everyone not yet invited
          </Button>
          <Text size="sm" c="dimmed">
            {withoutAccount > 0
              ? `${withoutAccount === 1 ? '1 person shown has' : `${withoutAccount} people shown have`} not been invited yet.`
              : 'Tick people to invite them, or to resend an invitation.'}
          </Text>
        </Group>
      );
    },
  };

  return (
    <Stack gap="lg">
      <title>Manage people · Admin · Trellis</title>
      <div>
        <Title order={1} id="admin-people-heading">
          Manage people
        </Title>
        <Group gap="xs" mt={4}>
          <Text c="dimmed">
            Edit a person&apos;s details, team, manager, role and access, or mark them as left. To add people,{' '}
            <Anchor component={Link} to="/admin/invitations">
              invite them
            </Anchor>{' '}
            or{' '}
            <Anchor component={Link} to="/admin/import">
              import a CSV file
            </Anchor>
            ; imported people sign in once invited.
          </Text>
        </Group>
      </div>
      {error ? (
        <Alert color="red" variant="light" role="alert" title="Nobody was invited">
          <Text size="sm">{describeError(error)}</Text>
        </Alert>
      ) : null}
      {outcome ? <InvitationLinks outcome={outcome} focusRef={resultRef} /> : null}
      <PeopleDirectory variant="admin" labelledBy="admin-people-heading" selection={selection} />
    </Stack>
  );
}
