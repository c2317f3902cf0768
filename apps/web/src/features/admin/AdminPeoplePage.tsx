import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PeopleDirectory } from '../people/PeopleDirectory';

export function AdminPeoplePage() {
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
            .
          </Text>
        </Group>
      </div>
      <PeopleDirectory variant="admin" labelledBy="admin-people-heading" />
    </Stack>
  );
}
