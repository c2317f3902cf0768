import { Stack, Text, Title } from '@mantine/core';
import { PeopleDirectory } from './PeopleDirectory';

export function PeoplePage() {
  return (
    <Stack gap="lg">
      <title>People · Trellis</title>
      <div>
        <Title order={1} id="people-heading">
          People
        </Title>
        <Text c="dimmed" mt={4}>
          Everyone in your organisation: find a person by name, e-mail or job title, or browse a team.
        </Text>
      </div>
      <PeopleDirectory variant="directory" labelledBy="people-heading" />
    </Stack>
  );
}
