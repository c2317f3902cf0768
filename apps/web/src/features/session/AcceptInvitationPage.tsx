import { Alert, Anchor, Button, Skeleton, Stack, Text } from '@mantine/core';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PublicCard } from '../../app/PublicLayout';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { graphql } from '../../gql';
import { formErrorsOf, hasErrorCode, isNotFoundError } from '../../lib/errors';
import { focusFirstProblem, PASSWORD_HINT, passwordProblem, sentence } from '../../lib/forms';
import { formatDate } from '../../lib/labels';
import { useStartSession } from './useStartSession';
import { PasswordField } from '../../components/PasswordField';

export const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      email
      name
      organisationName
      expiresAt
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      ...ViewerFields
    }
  }
`);

function InvalidInvitation() {
  return (
    <PublicCard
      title="This invitation does not work"
      footer={
        <Anchor component={Link} to="/sign-in" size="sm">
          Go to sign in
        </Anchor>
      }
    >
      <Stack gap="sm" role="alert">
        <Text>
          The invitation link is incomplete, has already been used, was withdrawn, or has expired.
        </Text>
        <Text size="sm" c="dimmed">
          Ask the person who invited you for a new invitation. If you have already accepted it, sign in instead.
        </Text>
      </Stack>
    </PublicCard>
  );
}

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { data, loading, error, refetch } = useQuery(
    InvitationPreviewQuery,
    token ? { variables: { token }, fetchPolicy: 'network-only' } : skipToken,
  );
  const [accept, { loading: accepting }] = useMutation(AcceptInvitationMutation);
  const startSession = useStartSession();
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [tokenRefused, setTokenRefused] = useState(false);

  if (!token || tokenRefused) return <InvalidInvitation />;
  if (error && !data) {
    if (isNotFoundError(error)) return <InvalidInvitation />;
    return (
      <Stack gap="lg">
        <title>Invitation · Trellis</title>
        <ErrorState title="Could not open the invitation" error={error} onRetry={() => refetch()} />
      </Stack>
    );
  }
  if (loading || !data) {
    return (
      <LoadingState label="Opening the invitation…">
        <Skeleton height={34} width="70%" />
        <Skeleton height={200} />
      </LoadingState>
    );
  }
  const invitation = data.invitation;
  if (!invitation) return <InvalidInvitation />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const problem = passwordProblem(password);
    setPasswordError(problem);
    if (problem) {
      focusFirstProblem(formRef.current);
      return;
    }
    try {
      const result = await accept({ variables: { input: { token, password } } });
      if (result.data) await startSession(result.data.acceptInvitation, '/');
    } catch (err) {
      const { fields, message } = formErrorsOf(err, ['password', 'token']);
      if (fields['token'] || hasErrorCode(err, 'NOT_FOUND')) {
        setTokenRefused(true);
        return;
      }
      setPasswordError(fields['password'] ? sentence(fields['password']) : undefined);
      setFormError(message);
      focusFirstProblem(formRef.current);
    }
  };

  const expires = formatDate(invitation.expiresAt);
  return (
    <PublicCard
      title={`Join ${invitation.organisationName}`}
      lead={`You have been invited to ${invitation.organisationName} on Trellis. Choose a password to accept.`}
    >
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 16px' }}>
            <Text component="dt" size="sm" c="dimmed">
              Organisation
            </Text>
            <Text component="dd" size="sm" m={0} fw={500}>
              {invitation.organisationName}
            </Text>
            <Text component="dt" size="sm" c="dimmed">
              Name
            </Text>
            <Text component="dd" size="sm" m={0} fw={500}>
              {invitation.name}
            </Text>
            <Text component="dt" size="sm" c="dimmed">
              E-mail
            </Text>
            <Text component="dd" size="sm" m={0} fw={500}>
              {invitation.email}
            </Text>
            {expires ? (
              <>
                <Text component="dt" size="sm" c="dimmed">
                  Valid until
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {expires}
                </Text>
              </>
            ) : null}
          </dl>
          {formError ? (
            <Alert color="red" variant="light" title="Could not accept the invitation" role="alert">
              <Text size="sm">{formError}</Text>
            </Alert>
          ) : null}
          {/* Lets password managers file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
          <PasswordField
            label="Password"
            description={PASSWORD_HINT}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={passwordError}
          />
          <Button type="submit" loading={accepting} fullWidth>
            Accept invitation
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
