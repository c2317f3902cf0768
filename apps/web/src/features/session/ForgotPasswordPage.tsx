import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PublicCard } from '../../app/PublicLayout';
import { graphql } from '../../gql';
import { formErrorsOf } from '../../lib/errors';
import { emailProblem, focusFirstProblem, sentence } from '../../lib/forms';

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export function ForgotPasswordPage() {
  const [requestReset, { loading }] = useMutation(RequestPasswordResetMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const problem = emailProblem(email);
    setError(problem);
    if (problem) {
      focusFirstProblem(formRef.current);
      return;
    }
    try {
      await requestReset({ variables: { email: email.trim() } });
      setSentTo(email.trim());
    } catch (err) {
      const { fields, message } = formErrorsOf(err, ['email']);
      setError(fields['email'] ? sentence(fields['email']) : undefined);
      setFormError(message);
      focusFirstProblem(formRef.current);
    }
  };

  const footer = (
    <Anchor component={Link} to="/sign-in" size="sm">
      Back to sign in
    </Anchor>
  );

  if (sentTo) {
    return (
      <PublicCard title="Check your e-mail" footer={footer}>
        <Stack gap="sm" role="status">
          <Text>
            If an account uses <strong>{sentTo}</strong>, we have sent it a link to choose a new password. The link
            works once, for a limited time.
          </Text>
          <Text size="sm" c="dimmed">
            No e-mail after a few minutes? Check your spam folder, or ask your organisation&apos;s admin for a reset
            link: they can create one for you in Trellis.
          </Text>
        </Stack>
      </PublicCard>
    );
  }

  return (
    <PublicCard
      title="Forgot your password?"
      lead="Enter the e-mail address you sign in with, and we will send you a link to choose a new password."
      footer={footer}
    >
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" variant="light" title="Could not send the link" role="alert">
              <Text size="sm">{formError}</Text>
            </Alert>
          ) : null}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={error}
          />
          <Button type="submit" loading={loading} fullWidth>
            Send reset link
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
