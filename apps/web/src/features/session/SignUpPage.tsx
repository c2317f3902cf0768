import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PublicCard } from '../../app/PublicLayout';
import { graphql } from '../../gql';
import { formErrorsOf } from '../../lib/errors';
import { compact, emailProblem, focusFirstProblem, PASSWORD_HINT, passwordProblem, requiredProblem, sentence } from '../../lib/forms';
import { useStartSession } from './useStartSession';
import { PasswordField } from '../../components/PasswordField';

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      confirmationEmailed
      viewer {
        ...ViewerFields
      }
    }
  }
`);

const FIELDS = ['organisationName', 'name', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Creates an organisation with its built-in PMO framework, and its first person as admin. */
export function SignUpPage() {
  const startSession = useStartSession();
  const [signUp, { loading }] = useMutation(SignUpMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ organisationName: '', name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [emailedTo, setEmailedTo] = useState<string | null>(null);

  const set = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const problems = compact({
      organisationName: requiredProblem(values.organisationName, "your organisation's name"),
      name: requiredProblem(values.name, 'your name'),
      email: emailProblem(values.email),
      password: passwordProblem(values.password),
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstProblem(formRef.current);
      return;
    }
    try {
      const { data } = await signUp({
        variables: {
          input: {
            organisationName: values.organisationName.trim(),
            name: values.name.trim(),
            email: values.email.trim(),
            password: values.password,
          },
        },
      });
      if (data?.signUp.viewer) await startSession(data.signUp.viewer, '/admin/getting-started');
      else if (data?.signUp.confirmationEmailed) setEmailedTo(values.email.trim());
    } catch (error) {
      const { fields, message } = formErrorsOf(error, FIELDS);
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sentence(v)])));
      setFormError(message);
      focusFirstProblem(formRef.current);
    }
  };

  if (emailedTo) return <CheckYourInbox email={emailedTo} />;

  return (
    <PublicCard
      title="Sign up"
      lead="Create your organisation in Trellis. You will be its admin, and it starts with the built-in PMO career framework. When this server sends e-mail, we first send you a link to confirm your address."
      footer={
        <Text size="sm">
          Already have an account?{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
        </Text>
      }
    >
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" variant="light" title="Could not create the organisation" role="alert">
              <Text size="sm">{formError}</Text>
            </Alert>
          ) : null}
          <TextInput
            label="Organisation name"
            autoComplete="organization"
            required
            value={values.organisationName}
            onChange={set('organisationName')}
            error={errors.organisationName}
          />
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            value={values.name}
            onChange={set('name')}
            error={errors.name}
          />
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="email"
            required
            value={values.email}
            onChange={set('email')}
            error={errors.email}
          />
          <PasswordField
            label="Password"
            description={PASSWORD_HINT}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={set('password')}
            error={errors.password}
          />
          <Button type="submit" loading={loading} fullWidth>
            Sign up
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}

/** What a sign-up says when the server e-mails a confirmation: the same whether or not the address already has an account. */
function CheckYourInbox({ email }: { email: string }) {
  return (
    <PublicCard
      title="Check your inbox"
      footer={
        <Anchor component={Link} to="/sign-in" size="sm">
          Back to sign in
        </Anchor>
      }
    >
      <Stack gap="sm" role="status">
        <Text>
          We sent a message to <strong>{email}</strong>. Open the link in it within 24 hours to create your organisation; nothing is
          created until you do.
        </Text>
        <Text size="sm" c="dimmed">
          If this address already has a Trellis account, the message says so instead: sign in with it, or choose a new password if you
          have forgotten it. No message after a few minutes? Check your spam folder, or sign up again.
        </Text>
      </Stack>
    </PublicCard>
  );
}
