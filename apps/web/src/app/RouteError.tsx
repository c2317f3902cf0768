import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Last-resort boundary for unexpected rendering errors; the header and navigation stay usable above it. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Stack gap="md" maw={720}>
      <title>Something went wrong · Trellis</title>
      <Title order={1}>Something went wrong</Title>
      <Alert color="red" variant="light" title="This page could not be shown" role="alert">
        <Text size="sm">{detail}</Text>
      </Alert>
      <Group>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
        <Anchor component={Link} to="/frameworks">
          Go to frameworks
        </Anchor>
      </Group>
    </Stack>
  );
}
