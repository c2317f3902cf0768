import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PublicCard } from '../../app/PublicLayout';
import { graphql } from '../../gql';
import { describeError, fieldErrorsOf } from '../../lib/errors';
import { useStartSession } from './useStartSession';

export const ConfirmSignUpMutation = graphql(`
  mutation ConfirmSignUp($token: String!) {
    confirmSignUp(token: $token) {
      ...ViewerFields
    }
  }
`);

/**
 * The page a sign-up's e-mailed link opens. It asks for a click rather than acting on load, so a
 * mail scanner that opens links creates nothing.
 */
export function ConfirmSignUpPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const startSession = useStartSession();
  const [confirm, { loading }] = useMutation(ConfirmSignUpMutation);
  const [problem, setProblem] = useState<string | null>(null);

  if (!token) return <LinkDoesNotWork message="The link is incomplete: open it from the e-mail again." />;

  const submit = async () => {
    setProblem(null);
    try {
      const { data } = await confirm({ variables: { token } });
      if (data) await startSession(data.confirmSignUp, '/admin/getting-started');
    } catch (error) {
      setProblem(fieldErrorsOf(error)['token'] ?? describeError(error));
    }
  };

  return (
    <PublicCard title="Create your organisation" lead="Your e-mail address is confirmed by this link. Create the organisation to start.">
      <Stack gap="md">
        {problem ? (
          <Alert color="red" variant="light" title="Could not create the organisation" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{problem}</Text>
              <Anchor component={Link} to="/sign-in" size="sm">
                Sign in
              </Anchor>
              <Anchor component={Link} to="/sign-up" size="sm">
                Sign up again
              </Anchor>
            </Stack>
          </Alert>
        ) : null}
        <Button onClick={() => void submit()} loading={loading} fullWidth>
          Create my organisation
        </Button>
      </Stack>
    </PublicCard>
  );
}

function LinkDoesNotWork({ message }: { message: string }) {
  return (
    <PublicCard title="This sign-up link does not work">
      <Stack gap="sm" role="alert">
        <Text>{message}</Text>
        <Anchor component={Link} to="/sign-up">
          Sign up again
        </Anchor>
      </Stack>
    </PublicCard>
  );
}
