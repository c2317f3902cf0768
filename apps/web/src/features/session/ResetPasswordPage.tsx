import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PublicCard } from '../../app/PublicLayout';
import { graphql } from '../../gql';
import { formErrorsOf, hasErrorCode } from '../../lib/errors';
import { compact, focusFirstProblem, PASSWORD_HINT, passwordProblem, sentence } from '../../lib/forms';
import { PasswordField } from '../../components/PasswordField';

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

function InvalidResetLink() {
  return (
    <PublicCard
      title="This reset link does not work"
      footer={
        <Anchor component={Link} to="/sign-in" size="sm">
          Back to sign in
        </Anchor>
      }
    >
      <Stack gap="sm" role="alert">
        <Text>The link is incomplete, has already been used, or has expired.</Text>
        <Anchor component={Link} to="/forgot-password">
          Ask for a new reset link
        </Anchor>
      </Stack>
    </PublicCard>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [resetPassword, { loading }] = useMutation(ResetPasswordMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ newPassword?: string; confirm?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [invalidToken, setInvalidToken] = useState(false);
  const [done, setDone] = useState(false);

  if (!token || invalidToken) return <InvalidResetLink />;

  if (done) {
    return (
      <PublicCard title="Your password has been changed">
        <Stack gap="sm" role="status">
          <Text>You can now sign in with your new password.</Text>
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
        </Stack>
      </PublicCard>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const problem = passwordProblem(password);
    const problems = compact({
      newPassword: problem,
      confirm: confirm !== password ? 'The two passwords are not the same.' : undefined,
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstProblem(formRef.current);
      return;
    }
    try {
      await resetPassword({ variables: { input: { token, newPassword: password } } });
      setDone(true);
    } catch (error) {
      const { fields, message } = formErrorsOf(error, ['newPassword', 'token']);
      if (fields['token'] || hasErrorCode(error, 'NOT_FOUND')) {
        setInvalidToken(true);
        return;
      }
      setErrors({ newPassword: fields['newPassword'] ? sentence(fields['newPassword']) : undefined });
      setFormError(message);
      focusFirstProblem(formRef.current);
    }
  };

  return (
    <PublicCard title="Choose a new password">
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" variant="light" title="Could not change the password" role="alert">
              <Text size="sm">{formError}</Text>
            </Alert>
          ) : null}
          <PasswordField
            label="New password"
            description={PASSWORD_HINT}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.newPassword}
          />
          <PasswordField
            label="Confirm new password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={errors.confirm}
          />
          <Button type="submit" loading={loading} fullWidth>
            Change password
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
