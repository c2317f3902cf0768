import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { CopyField } from '../../components/CopyField';
import { LinkTarget } from './bulkInvitations';
import { ManagerSelect, TeamSelect } from '../../components/PeoplePickers';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { graphql } from '../../gql';
import type { AccessRole, InvitationFieldsFragment, InvitePersonMutation as InviteResult } from '../../gql/graphql';
import { describeError, formErrorsOf } from '../../lib/errors';
import { compact, emailProblem, focusFirstProblem, requiredProblem, sentence } from '../../lib/forms';
import {
  accessRoleDescription,
  accessRoleLabel,
  formatDateTime,
  invitationStatusColor,
  invitationStatusLabel,
} from '../../lib/labels';

export const InvitationFields = graphql(`
  fragment InvitationFields on Invitation {
    id
    name
    email
    accessRole
    status
    createdAt
    expiresAt
    invitedBy {
      id
      name
    }
  }
`);

export const InvitationsQuery = graphql(`
  query Invitations {
    invitations {
      ...InvitationFields
    }
  }
`);

export const InviteFormOptionsQuery = graphql(`
  query InviteFormOptions {
    teams {
      id
      path
    }
    people {
      id
      name
    }
  }
`);

export const InvitePersonMutation = graphql(`
  mutation InvitePerson($input: InvitePersonInput!) {
    invitePerson(input: $input) {
      emailed
      link
      invitation {
        ...InvitationFields
      }
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);

const ACCESS_ROLES: AccessRole[] = ['EMPLOYEE', 'LEADERSHIP', 'ADMIN'];

export function InvitationsPage() {
  return (
    <Stack gap="xl">
      <title>Invitations · Admin · Trellis</title>
      <div>
        <Title order={1}>Invitations</Title>
        <Text c="dimmed" mt={4}>
          Invite someone to your organisation: they get a link to choose a password and sign in. To invite people you
          imported, tick them in Manage people (or invite everyone not yet invited there).
        </Text>
        <Stack mt="xs">
          <LinkTarget />
        </Stack>
      </div>
      <InviteForm />
      <InvitationList />
    </Stack>
  );
}

type Field = 'name' | 'email' | 'accessRole' | 'teamId' | 'managerId' | 'jobTitle';
interface Values {
  name: string;
  email: string;
  accessRole: AccessRole;
  teamId: string | null;
  managerId: string | null;
  jobTitle: string;
}
const EMPTY: Values = { name: '', email: '', accessRole: 'EMPLOYEE', teamId: null, managerId: null, jobTitle: '' };
const FIELDS: readonly Field[] = ['name', 'email', 'accessRole', 'teamId', 'managerId', 'jobTitle'];

function InviteForm() {
  const options = useQuery(InviteFormOptionsQuery);
  const [invite, { loading }] = useMutation(InvitePersonMutation, {
    update(cache, { data }) {
      const created = data?.invitePerson.invitation;
      if (!created) return;
      cache.updateQuery({ query: InvitationsQuery }, (existing) =>
        existing && !existing.invitations.some((i) => i.id === created.id)
          ? { invitations: [created, ...existing.invitations] }
          : existing,
      );
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<InviteResult['invitePerson'] | null>(null);

  const set = <F extends Field>(field: F, value: Values[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };


  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const problems = compact({ name: requiredProblem(values.name, 'their name'), email: emailProblem(values.email) });
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstProblem(formRef.current);
      return;
    }
    try {
      const { data } = await invite({
        variables: {
          input: {
            name: values.name.trim(),
            email: values.email.trim(),
            accessRole: values.accessRole,
            ...(values.teamId ? { teamId: values.teamId } : {}),
            ...(values.managerId ? { managerId: values.managerId } : {}),
            ...(values.jobTitle.trim() ? { jobTitle: values.jobTitle.trim() } : {}),
          },
        },
      });
      if (!data) return;
      setCreated(data.invitePerson);
      setValues(EMPTY);
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (error) {
      const { fields, message } = formErrorsOf(error, FIELDS);
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sentence(v)])));
      setFormError(message);
      focusFirstProblem(formRef.current);
    }
  };

  return (
    <section aria-labelledby="invite-heading">
      <Title order={2} id="invite-heading" mb="sm">
        Invite a person
      </Title>
      <Stack gap="md">
        {created ? (
          <Paper withBorder p="lg" ref={resultRef} tabIndex={-1} aria-labelledby="invite-result-heading">
            <Stack gap="sm">
              <Title order={3} size="h4" id="invite-result-heading">
                {created.invitation.name} is invited
              </Title>
              <Text size="sm" role="status">
                {created.emailed
                  ? `The link was e-mailed to ${created.invitation.email}. You can also copy it and send it yourself.`
                  : `E-mail is not set up, so nothing was sent: copy the link and send it to ${created.invitation.email} yourself.`}
              </Text>
              <CopyField
                label="Invitation link"
                value={created.link}
                description={`This is the only time the link is shown. It works once, until ${
                  formatDateTime(created.invitation.expiresAt) ?? created.invitation.expiresAt
                }.`}
              />
            </Stack>
          </Paper>
        ) : null}
        <Paper withBorder p="lg">
          <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              {formError ? (
                <Alert color="red" variant="light" title="Could not send the invitation" role="alert">
                  <Text size="sm">{formError}</Text>
                </Alert>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label="Name"
                  required
                  autoComplete="off"
                  value={values.name}
                  onChange={(event) => set('name', event.currentTarget.value)}
                  error={errors.name}
                />
                <TextInput
                  label="E-mail"
                  type="email"
                  required
                  autoComplete="off"
                  value={values.email}
                  onChange={(event) => set('email', event.currentTarget.value)}
                  error={errors.email}
                />
                <NativeSelect
                  label="Access role"
                  description="What they can do in Trellis"
                  value={values.accessRole}
                  onChange={(event) => set('accessRole', event.currentTarget.value as AccessRole)}
                  data={ACCESS_ROLES.map((role) => ({ value: role, label: accessRoleDescription[role] }))}
                  error={errors.accessRole}
                />
                <TextInput
                  label="Job title"
                  description="Optional"
                  value={values.jobTitle}
                  onChange={(event) => set('jobTitle', event.currentTarget.value)}
                  error={errors.jobTitle}
                />
                <TeamSelect
                  teams={options.data?.teams ?? []}
                  description="Optional"
                  value={values.teamId}
                  onChange={(value) => set('teamId', value)}
                  error={errors.teamId}
                />
                <ManagerSelect
                  people={options.data?.people ?? []}
                  description="Optional"
                  value={values.managerId}
                  onChange={(value) => set('managerId', value)}
                  error={errors.managerId}
                />
              </SimpleGrid>
              <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
                Send invitation
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </section>
  );
}

function InvitationList() {
  const { data, loading, error, refetch } = useQuery(InvitationsQuery);
  const [revoking, setRevoking] = useState<InvitationFieldsFragment | null>(null);
  const invitations = data?.invitations;

  let content;
  if (error && !invitations) {
    content = <ErrorState title="Could not load invitations" error={error} onRetry={() => refetch()} />;
  } else if (loading && !invitations) {
    content = <LoadingState label="Loading invitations…" rowHeight={36} />;
  } else if (!invitations || invitations.length === 0) {
    content = (
      <Paper withBorder>
        <Empty title="No invitations yet" headingOrder={3} description="People you invite are listed here until they accept." />
      </Paper>
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={820}>
        <Table aria-labelledby="invitations-heading" striped verticalSpacing="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">E-mail</Table.Th>
              <Table.Th scope="col">Access role</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Invited</Table.Th>
              <Table.Th scope="col">Expires</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {invitation.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{invitation.email}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{accessRoleLabel[invitation.accessRole]}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={invitationStatusColor[invitation.status]}>
                    {invitationStatusLabel[invitation.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {formatDateTime(invitation.createdAt)}
                    {invitation.invitedBy ? ` by ${invitation.invitedBy.name}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(invitation.expiresAt)}</Text>
                </Table.Td>
                <Table.Td>
                  {invitation.status === 'PENDING' ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={`Revoke invitation for ${invitation.name}`}
                      onClick={() => setRevoking(invitation)}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <section aria-labelledby="invitations-heading">
      <Title order={2} id="invitations-heading" mb="sm">
        Sent invitations
      </Title>
      {content}
      <RevokeDialog invitation={revoking} onClose={() => setRevoking(null)} />
    </section>
  );
}

function RevokeDialog({ invitation, onClose }: { invitation: InvitationFieldsFragment | null; onClose: () => void }) {
  const toast = useToast();
  const [revoke, { loading }] = useMutation(RevokeInvitationMutation);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!invitation) return;
    setError(null);
    try {
      await revoke({ variables: { id: invitation.id } });
      toast.show({ message: `The invitation for ${invitation.name} is revoked; its link no longer works.` });
      close();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal opened={invitation !== null} onClose={close} title={invitation ? `Revoke the invitation for ${invitation.name}?` : ''}>
      <Stack gap="md">
        <Text size="sm">
          The link sent to {invitation?.email} will stop working. You can invite them again later.
        </Text>
        {error ? (
          <Alert color="red" variant="light" title="Could not revoke the invitation" role="alert">
            <Text size="sm">{describeError(error)}</Text>
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Keep it
          </Button>
          <Button color="red" loading={loading} onClick={() => void confirm()}>
            Revoke invitation
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
