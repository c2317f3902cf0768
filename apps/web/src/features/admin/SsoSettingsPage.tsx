import { Alert, Button, Checkbox, Code, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { graphql } from '../../gql';
import type { SsoSettingsQuery as SsoSettingsResult } from '../../gql/graphql';
import { formErrorsOf } from '../../lib/errors';
import { focusFirstProblem, sentence } from '../../lib/forms';

export const SsoFields = graphql(`
  fragment SsoFields on SsoSettings {
    displayName
    issuer
    clientId
    hasClientSecret
    domains
    passwordsAllowed
    createPeople
    enabled
    redirectUri
  }
`);

export const SsoSettingsQuery = graphql(`
  query SsoSettings {
    ssoSettings {
      ...SsoFields
    }
    linkSettings {
      publicUrl
    }
  }
`);

export const SaveSsoSettingsMutation = graphql(`
  mutation SaveSsoSettings($input: SsoSettingsInput!) {
    saveSsoSettings(input: $input) {
      ...SsoFields
    }
  }
`);

type Field = 'displayName' | 'issuer' | 'clientId' | 'clientSecret' | 'domains';
const FIELDS: readonly Field[] = ['displayName', 'issuer', 'clientId', 'clientSecret', 'domains'];

/** Single sign-on with the organisation's OpenID Connect provider (admins). */
export function SsoSettingsPage() {
  const { data, loading, error, refetch } = useQuery(SsoSettingsQuery);
  if (error && !data) return <ErrorState title="Could not load single sign-on" error={error} onRetry={() => refetch()} />;
  if (loading && !data) return <LoadingState label="Loading single sign-on…" />;
  if (!data) return null;
  return <SsoForm data={data} />;
}

function SsoForm({ data }: { data: SsoSettingsResult }) {
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const current = data.ssoSettings;
  const [save, { loading }] = useMutation(SaveSsoSettingsMutation, { refetchQueries: [SsoSettingsQuery] });
  const [values, setValues] = useState({
    displayName: current?.displayName ?? '',
    issuer: current?.issuer ?? '',
    clientId: current?.clientId ?? '',
    clientSecret: '',
    domains: current?.domains.join(', ') ?? '',
    passwordsAllowed: current?.passwordsAllowed ?? true,
    createPeople: current?.createPeople ?? false,
    enabled: current?.enabled ?? true,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const redirectUri = current?.redirectUri ?? `${data.linkSettings.publicUrl}/auth/sso/callback`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setErrors({});
    try {
      await save({
        variables: {
          input: {
            displayName: values.displayName,
            issuer: values.issuer.trim(),
            clientId: values.clientId,
            ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
            domains: values.domains.split(/[\s,;]+/).filter(Boolean),
            passwordsAllowed: values.passwordsAllowed,
            createPeople: values.createPeople,
            enabled: values.enabled,
          },
        },
      });
      set('clientSecret', '');
      toast.show({ message: 'Single sign-on is saved.' });
    } catch (err) {
      const { fields, message } = formErrorsOf(err, FIELDS);
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/\[\d+\]$/, ''), sentence(v)])));
      setFormError(message);
      focusFirstProblem(formRef.current);
    }
  };

  return (
    <Stack gap="lg">
      <title>Single sign-on · Admin · Trellis</title>
      <div>
        <Title order={1}>Single sign-on</Title>
        <Text c="dimmed" mt={4} maw={760}>
          Let people sign in with your company account (OpenID Connect: Google Workspace, Microsoft Entra ID, Okta…). The sign-in
          page offers &ldquo;Sign in with&nbsp;…&rdquo; to addresses of your domains; people are matched to your people by their
          verified e-mail.
        </Text>
      </div>
      <Paper withBorder p="lg">
        <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md">
            {formError ? (
              <Alert color="red" variant="light" title="Could not save" role="alert">
                <Text size="sm">{formError}</Text>
              </Alert>
            ) : null}
            <Text size="sm">
              Register this redirect URI with your provider: <Code>{redirectUri}</Code>
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label="Provider name" description='The button says "Sign in with <name>"' required value={values.displayName} onChange={(e) => set('displayName', e.currentTarget.value)} error={errors.displayName} />
              <TextInput label="Issuer URL" description="Its discovery document is at <issuer>/.well-known/openid-configuration" required value={values.issuer} onChange={(e) => set('issuer', e.currentTarget.value)} error={errors.issuer} />
              <TextInput label="Client ID" required value={values.clientId} onChange={(e) => set('clientId', e.currentTarget.value)} error={errors.clientId} />
              <PasswordInput
                label="Client secret"
                description={current?.hasClientSecret ? 'Stored encrypted and never shown: leave empty to keep it' : 'Stored encrypted and never shown'}
                required={!current?.hasClientSecret}
                autoComplete="off"
                value={values.clientSecret}
                onChange={(e) => set('clientSecret', e.currentTarget.value)}
                error={errors.clientSecret}
              />
              <TextInput label="E-mail domains" description="Separated by commas, such as acme.com, acme.co.uk" required value={values.domains} onChange={(e) => set('domains', e.currentTarget.value)} error={errors.domains} />
            </SimpleGrid>
            <Checkbox label="Passwords stay allowed (otherwise people of these domains sign in only with the provider)" checked={values.passwordsAllowed} onChange={(e) => set('passwordsAllowed', e.currentTarget.checked)} />
            <Checkbox label="Add people who are not here yet as employees on their first sign-in" checked={values.createPeople} onChange={(e) => set('createPeople', e.currentTarget.checked)} />
            <Checkbox label="Single sign-on is on" checked={values.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
            <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
              Save
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
