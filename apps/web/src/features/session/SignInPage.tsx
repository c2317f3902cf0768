import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { PublicCard } from '../../app/PublicLayout';
import { graphql } from '../../gql';
import { findApiError, formErrorsOf, retryAfterSecondsOf } from '../../lib/errors';
import { compact, emailProblem, focusFirstProblem, sentence } from '../../lib/forms';
import { formatWait } from '../../lib/labels';
import { safeNext } from '../../lib/navigation';
import { useStartSession } from './useStartSession';
import { useViewer } from './viewer';
import { PasswordField } from '../../components/PasswordField';

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...ViewerFields
    }
  }
`);

export const SingleSignOnForQuery = graphql(`
  query SingleSignOnFor($email: String!) {
    singleSignOnFor(email: $email) {
      providerName
      startUrl
    }
  }
`);

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

interface Lock {
  seconds: number;
  until: Date;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { viewer } = useViewer();
  const startSession = useStartSession();
  const [signIn, { loading }] = useMutation(SignInMutation);
  const formRef = useRef<HTMLFormElement>(null);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [lock, setLock] = useState<Lock | null>(null);
  // The organisation's provider, once the typed address's domain has one (it says nothing about accounts).
  const [lookUpSso, sso] = useLazyQuery(SingleSignOnForQuery);
  const provider = sso.data?.singleSignOnFor ?? null;
  const ssoError = params.get('sso_error');

  if (viewer) return <Navigate to={next} replace />;

  const checkSso = (text: string) => {
    if (emailProblem(text) === undefined) void lookUpSso({ variables: { email: text.trim() } }).catch(() => undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setLock(null);
    const problems = compact({
      email: emailProblem(email),
      password: password === '' ? 'Enter your password.' : undefined,
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstProblem(formRef.current);
      return;
    }
    try {
      const { data } = await signIn({ variables: { input: { email: email.trim(), password } } });
      if (data) await startSession(data.signIn, next);
    } catch (error) {
      const retryAfter = retryAfterSecondsOf(error);
      // Here UNAUTHENTICATED means the e-mail and password did not match, not that a session ended.
      const mismatch = findApiError(error, 'UNAUTHENTICATED');
      if (retryAfter !== null) {
        setErrors({});
        setLock({ seconds: retryAfter, until: new Date(Date.now() + retryAfter * 1000) });
      } else if (mismatch) {
        setErrors({});
        setFormError(mismatch.message || 'That e-mail and password do not match an account.');
      } else {
        const { fields, message } = formErrorsOf(error, FIELDS);
        setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sentence(v)])));
        setFormError(message);
      }
      focusFirstProblem(formRef.current);
    }
  };

  return (
    <PublicCard
      title="Sign in"
      lead="Sign in to Trellis with the e-mail address your organisation knows you by."
      footer={
        <>
          <Text size="sm">
            New organisation?{' '}
            <Anchor component={Link} to="/sign-up">
              Sign up
            </Anchor>
          </Text>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </>
      }
    >
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {lock ? (
            <Alert color="red" variant="light" title="Sign-in is locked for a while" role="alert">
              <Text size="sm">
                There were too many failed attempts to sign in with this e-mail from your network. Try again in{' '}
                {formatWait(lock.seconds)} (after {new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(lock.until)}
                ), or choose a new password with &ldquo;Forgot your password?&rdquo;.
              </Text>
            </Alert>
          ) : null}
          {ssoError ? (
            <Alert color="red" variant="light" title="Single sign-on did not sign you in" role="alert">
              <Text size="sm">{ssoError}</Text>
            </Alert>
          ) : null}
          {formError ? (
            <Alert color="red" variant="light" title="Could not sign in" role="alert">
              <Text size="sm">{formError}</Text>
            </Alert>
          ) : null}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            onBlur={(event) => checkSso(event.currentTarget.value)}
            error={errors.email}
          />
          {provider && sso.variables?.email === email.trim() ? (
            <Button component="a" href={provider.startUrl} variant="light" fullWidth>
              Sign in with {provider.providerName}
            </Button>
          ) : null}
          <PasswordField
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
          />
          <Button type="submit" loading={loading} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
