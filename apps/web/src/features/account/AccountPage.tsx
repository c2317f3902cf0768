import { Alert, Anchor, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { graphql } from '../../gql';
import { formErrorsOf, hasErrorCode } from '../../lib/errors';
import { compact, focusFirstProblem, PASSWORD_HINT, passwordProblem, sentence } from '../../lib/forms';
import { formatDateTime } from '../../lib/labels';
import { useSignedInViewer } from '../session/viewer';
import { PasswordField } from '../../components/PasswordField';

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export const MyDataAccessQuery = graphql(`
  query MyDataAccess {
    myDataAccess(limit: 50) {
      id
      at
      action
      summary
      actor {
        id
        name
      }
    }
  }
`);

export function AccountPage() {
  const viewer = useSignedInViewer();
  return (
    <Stack gap="xl" maw={960}>
      <title>My account · Trellis</title>
      <div>
        <Title order={1}>My account</Title>
        <Text c="dimmed" mt={4}>
          Signed in as {viewer.person.name} ({viewer.person.email}) at {viewer.organisation.name}.{' '}
          <Anchor component={Link} to={`/people/${viewer.person.id}`}>
            See your profile
          </Anchor>
        </Text>
      </div>
      <ChangePasswordSection />
      <DataAccessSection />
    </Stack>
  );
}

type PasswordFormField = 'currentPassword' | 'newPassword' | 'confirm';

function ChangePasswordSection() {
  const viewer = useSignedInViewer();
  const toast = useToast();
  const [changePassword, { loading }] = useMutation(ChangePasswordMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<PasswordFormField, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<PasswordFormField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = (field: PasswordFormField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const problem = passwordProblem(values.newPassword);
    const problems = compact({
      currentPassword: values.currentPassword === '' ? 'Enter your current password.' : undefined,
      newPassword: problem,
      confirm: values.confirm !== values.newPassword ? 'The two new passwords are not the same.' : undefined,
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstProblem(formRef.current);
      return;
    }
    try {
      await changePassword({
        variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      });
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      setErrors({});
      toast.show({ message: 'Your password has been changed.' });
    } catch (error) {
      if (hasErrorCode(error, 'UNAUTHENTICATED') && !hasErrorCode(error, 'BAD_USER_INPUT')) {
        // The API may answer a wrong current password this way.
        setErrors({ currentPassword: 'Your current password is not right.' });
      } else {
        const { fields, message } = formErrorsOf(error, ['currentPassword', 'newPassword']);
        setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sentence(v)])));
        setFormError(message);
      }
      focusFirstProblem(formRef.current);
    }
  };

  return (
    <section aria-labelledby="change-password-heading">
      <Title order={2} id="change-password-heading" mb="sm">
        Change password
      </Title>
      <Paper withBorder p="lg" maw={480}>
        <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md">
            {formError ? (
              <Alert color="red" variant="light" title="Could not change your password" role="alert">
                <Text size="sm">{formError}</Text>
              </Alert>
            ) : null}
            <input type="email" name="username" autoComplete="username" value={viewer.person.email} readOnly hidden />
            <PasswordField
              label="Current password"
              autoComplete="current-password"
              required
              value={values.currentPassword}
              onChange={(event) => set('currentPassword')(event.currentTarget.value)}
              error={errors.currentPassword}
            />
            <PasswordField
              label="New password"
              description={PASSWORD_HINT}
              autoComplete="new-password"
              required
              value={values.newPassword}
              onChange={(event) => set('newPassword')(event.currentTarget.value)}
              error={errors.newPassword}
            />
            <PasswordField
              label="Confirm new password"
              autoComplete="new-password"
              required
              value={values.confirm}
              onChange={(event) => set('confirm')(event.currentTarget.value)}
              error={errors.confirm}
            />
            <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}

function DataAccessSection() {
  const { data, loading, error, refetch } = useQuery(MyDataAccessQuery, { fetchPolicy: 'cache-and-network' });
  const events = data?.myDataAccess;

  let content;
  if (error && !events) {
    content = <ErrorState title="Could not load who looked at your data" error={error} onRetry={() => refetch()} />;
  } else if (loading && !events) {
    content = <LoadingState label="Loading who looked at your data…" rowHeight={32} />;
  } else if (!events || events.length === 0) {
    content = (
      <Paper withBorder>
        <Empty
          title="No one has looked at your private data"
          headingOrder={3}
          description="When someone other than you reads your assessments or plans, it is recorded here."
        />
      </Paper>
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={560}>
        <Table aria-labelledby="data-access-heading" striped verticalSpacing="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">What</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>
                  <Text size="sm" component="time" dateTime={event.at}>
                    {formatDateTime(event.at) ?? event.at}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {event.actor ? (
                    <Anchor component={Link} to={`/people/${event.actor.id}`} size="sm">
                      {event.actor.name}
                    </Anchor>
                  ) : (
                    <Text size="sm">Someone no longer in Trellis</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{event.summary}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <section aria-labelledby="data-access-heading">
      <Title order={2} id="data-access-heading">
        Who looked at my data
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every time someone else reads your private data (assessments, plans), Trellis records who and when. The latest
        50 are shown, newest first.
      </Text>
      {content}
    </section>
  );
}
