import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CombinedGraphQLErrors } from '@apollo/client';
import { skipToken, useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { CopyField } from '../../components/CopyField';
import { ManagerSelect, TeamSelect } from '../../components/PeoplePickers';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { graphql } from '../../gql';
import type { AccessRole, AdminPersonEditQuery as AdminPersonEditResult } from '../../gql/graphql';
import { describeError, findApiError, formErrorsOf, hasErrorCode, isNotFoundError } from '../../lib/errors';
import { focusFirstProblem, sentence } from '../../lib/forms';
import { accessRoleDescription, accessRoleLabel, formatDateTime, signInStatusColor, signInStatusLabel } from '../../lib/labels';
import { InvitationLinks, useInvitePeople, type InvitePeopleOutcome } from './bulkInvitations';
import {
  changedFields,
  inputValue,
  PERSON_FIELDS,
  personFieldLabel,
  readCurrentPerson,
  valuesOf,
  type CurrentPerson,
  type PersonField,
  type PersonValues,
} from './personEdit';

export const EditablePersonFields = graphql(`
  fragment EditablePerson on Person {
    id
    name
    email
    jobTitle
    active
    accessRole
    version
    team {
      id
      path
    }
    manager {
      id
      name
    }
    currentRole {
      id
      title
    }
  }
`);

export const AdminPersonEditQuery = graphql(`
  query AdminPersonEdit($id: ID!) {
    person(id: $id) {
      ...EditablePerson
      signIn {
        status
        nextStep
        hasAccount
        lastSignedInAt
        invitedAt
        invitationExpiresAt
      }
    }
    teams {
      id
      path
    }
    people(includeLeft: true) {
      id
      name
      active
    }
    frameworks {
      id
      key
      name
      currentVersion {
        id
        roles {
          id
          title
          level
          track {
            id
            name
          }
        }
      }
    }
  }
`);

export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      ...EditablePerson
    }
  }
`);

export const CreatePasswordResetMutation = graphql(`
  mutation CreatePasswordReset($personId: ID!) {
    createPasswordReset(personId: $personId) {
      emailed
      link
      expiresAt
    }
  }
`);

const ACCESS_ROLES: AccessRole[] = ['EMPLOYEE', 'LEADERSHIP', 'ADMIN'];

export function AdminPersonPage() {
  const { personId } = useParams();
  const { data, loading, error, refetch } = useQuery(
    AdminPersonEditQuery,
    personId ? { variables: { id: personId } } : skipToken,
  );
  const person = data?.person;

  if (error && !person) {
    if (isNotFoundError(error)) return <PersonNotFound />;
    return (
      <Stack gap="lg">
        <ErrorState title="Could not load this person" error={error} onRetry={() => refetch()} />
      </Stack>
    );
  }
  if (loading && !data) {
    return (
      <LoadingState label="Loading person…">
        <Skeleton height={36} width="40%" />
        <Skeleton height={320} mt="md" />
      </LoadingState>
    );
  }
  if (!data || !person) return <PersonNotFound />;
  return <PersonEditor key={person.id} data={data} person={person} reload={() => refetch()} />;
}

type EditData = AdminPersonEditResult;
type Person = NonNullable<EditData['person']>;

interface Conflict {
  current: CurrentPerson | null;
  /** What the form was editing from when the save was refused. */
  base: PersonValues;
  baseActive: boolean;
}

/** The roles people are placed in: those of the PMO framework's current version, grouped by track. */
function roleOptions(data: EditData) {
  const framework =
    data.frameworks.find((f) => f.key === 'pmo' && f.currentVersion) ?? data.frameworks.find((f) => f.currentVersion);
  const roles = framework?.currentVersion?.roles ?? [];
  const byTrack = new Map<string, { group: string; items: { value: string; label: string; level: number }[] }>();
  for (const role of roles) {
    const group = byTrack.get(role.track.id) ?? { group: role.track.name, items: [] };
    group.items.push({ value: role.id, label: role.title, level: role.level });
    byTrack.set(role.track.id, group);
  }
  return {
    frameworkName: framework?.name ?? null,
    groups: [...byTrack.values()].map((g) => ({
      group: g.group,
      items: g.items.sort((a, b) => a.level - b.level).map(({ value, label }) => ({ value, label })),
    })),
    titleOf: new Map(roles.map((r) => [r.id, r.title])),
  };
}

function PersonEditor({ data, person, reload }: { data: EditData; person: Person; reload: () => Promise<unknown> }) {
  const client = useApolloClient();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [updatePerson, { loading: saving }] = useMutation(UpdatePersonMutation);
  const [changingStatus, setChangingStatus] = useState(false);

  // The saved person comes live from the cache; the form holds only what the admin has changed on top of it, so a
  // reload or another save never overwrites their edits.
  const base = valuesOf(person);
  const [edits, setEdits] = useState<Partial<PersonValues>>({});
  const values: PersonValues = { ...base, ...edits };
  const changed = changedFields(base, edits);

  const [errors, setErrors] = useState<Partial<Record<PersonField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadedNote, setReloadedNote] = useState(false);

  // Cheap to work out on each render (a few hundred people at most).
  const teamPathOf = new Map(data.teams.map((t) => [t.id, t.path]));
  const possibleManagers = data.people.filter((p) => p.id !== person.id && (p.active || p.id === values.managerId));
  const nameOf = new Map(data.people.map((p) => [p.id, p.name]));
  const roles = roleOptions(data);

  const edit = <F extends PersonField>(field: F, value: PersonValues[F]) => {
    setEdits((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const display = (field: PersonField, source: Partial<PersonValues>, names: CurrentPerson['names'] = {}): string => {
    const value = source[field];
    if (value === null || value === undefined || value === '') return 'none';
    switch (field) {
      case 'teamId':
        return names.teamId ?? teamPathOf.get(value as string) ?? 'another team';
      case 'managerId':
        return names.managerId ?? nameOf.get(value as string) ?? 'another person';
      case 'currentRoleId':
        return names.currentRoleId ?? roles.titleOf.get(value as string) ?? 'another role';
      case 'accessRole':
        return accessRoleLabel[value as AccessRole];
      case 'name':
      case 'jobTitle':
        return `“${String(value)}”`;
    }
  };

  /** Turns a refused update into messages; the edits stay as they are. */
  const showFailure = (error: unknown) => {
    const stale = findApiError(error, 'CONFLICT');
    if (stale) {
      setConflict({ current: readCurrentPerson(stale.extensions?.['current']), base, baseActive: person.active });
      setFormError(null);
      setReloadedNote(false);
      return;
    }
    if (hasErrorCode(error, 'FORBIDDEN')) {
      setFormError('You do not have permission to change this person.');
      return;
    }
    const { fields, message } = formErrorsOf(error, PERSON_FIELDS);
    setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sentence(v)])));
    setFormError(message);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setReloadedNote(false);
    if (values.name.trim() === '') {
      setErrors({ name: 'Enter a name.' });
      focusFirstProblem(formRef.current);
      return;
    }
    setErrors({});
    if (changed.length === 0) {
      setFormError('Nothing has changed yet.');
      return;
    }
    const input: Record<string, unknown> = { id: person.id, expectedVersion: person.version };
    for (const field of changed) input[field] = inputValue(field, values[field]);
    try {
      await updatePerson({ variables: { input: input as { id: string; expectedVersion: number } } });
      setEdits({});
      setConflict(null);
      toast.show({ message: `Saved the changes to ${values.name.trim()}.` });
    } catch (error) {
      showFailure(error);
      focusFirstProblem(formRef.current);
    }
  };

  const reloadLatest = async () => {
    setReloading(true);
    try {
      await reload();
      setConflict(null);
      setReloadedNote(true);
    } catch (error) {
      setFormError(`Could not load the latest version: ${describeError(error)}`);
    } finally {
      setReloading(false);
    }
  };

  /** Marks the person as left or returned, with the version the cache holds now (it follows every save). */
  const setActive = async (active: boolean) => {
    const latest = client.readFragment({
      fragment: EditablePersonFields,
      id: client.cache.identify({ __typename: 'Person', id: person.id }),
    });
    const result = await updatePerson({
      variables: { input: { id: person.id, expectedVersion: latest?.version ?? person.version, active } },
    });
    return result.data?.updatePerson;
  };

  const changeStatus = async (active: boolean) => {
    setChangingStatus(true);
    setFormError(null);
    try {
      await setActive(active);
      setConflict(null);
      const name = person.name;
      toast.show({
        message: active ? `${name} is active again.` : `${name} is marked as left. They can no longer sign in.`,
        action: {
          label: 'Undo',
          onClick: async () => {
            try {
              await setActive(!active);
            } catch (error) {
              throw new Error(`Could not undo: ${describeError(error)}`, { cause: error });
            }
          },
        },
      });
    } catch (error) {
      showFailure(error);
    } finally {
      setChangingStatus(false);
    }
  };

  const conflictChanges = conflict ? describeConflict(conflict, display) : [];

  return (
    <Stack gap="xl">
      <title>{`Edit ${person.name} · Admin · Trellis`}</title>
      <Stack gap="xs">
        <PageBreadcrumbs
          items={[
            { label: 'Manage people', to: '/admin/people' },
            { label: person.name },
          ]}
        />
        <Title order={1}>Edit {person.name}</Title>
        <Group gap="xs">
          <Text c="dimmed">{person.email}</Text>
          {person.active ? (
            <Badge variant="light">Active</Badge>
          ) : (
            <Badge variant="outline" color="gray">
              Left the organisation
            </Badge>
          )}
          <Anchor component={Link} to={`/people/${person.id}`} size="sm">
            See profile
          </Anchor>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <Paper withBorder p="lg" style={{ gridColumn: 'span 2' }} component="section" aria-labelledby="person-form-heading">
          <Title order={2} size="h3" id="person-form-heading" mb="md">
            Details
          </Title>
          <form ref={formRef} onSubmit={(event) => void save(event)} noValidate>
            <Stack gap="md">
              {conflict ? (
                <Alert color="orange" variant="light" title="Someone else changed this person" role="alert">
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">
                      {person.name} was changed by someone else after you opened this page, so your changes were not
                      saved. Your edits are still in the form.
                    </Text>
                    {conflictChanges.length > 0 ? (
                      <>
                        <Text size="sm" fw={600}>
                          What they changed:
                        </Text>
                        <List size="sm" spacing={2}>
                          {conflictChanges.map((line) => (
                            <List.Item key={line}>{line}</List.Item>
                          ))}
                        </List>
                      </>
                    ) : null}
                    <Button size="sm" variant="filled" color="orange" loading={reloading} onClick={() => void reloadLatest()}>
                      Reload the latest version
                    </Button>
                    <Text size="xs" c="dimmed">
                      Reloading keeps your edits and takes their changes for everything you did not edit.
                    </Text>
                  </Stack>
                </Alert>
              ) : null}
              {reloadedNote ? (
                <Alert color="blue" variant="light" title="This is the latest version" role="status">
                  <Text size="sm">Your edits are kept. Check them, then save again.</Text>
                </Alert>
              ) : null}
              {formError ? (
                <Alert color="red" variant="light" title="Could not save" role="alert">
                  <Text size="sm">{formError}</Text>
                </Alert>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label="Name"
                  required
                  value={values.name}
                  onChange={(event) => edit('name', event.currentTarget.value)}
                  error={errors.name}
                />
                <TextInput
                  label="Job title"
                  value={values.jobTitle}
                  onChange={(event) => edit('jobTitle', event.currentTarget.value)}
                  error={errors.jobTitle}
                />
                <TeamSelect teams={data.teams} value={values.teamId} onChange={(value) => edit('teamId', value)} error={errors.teamId} />
                <ManagerSelect
                  people={possibleManagers}
                  value={values.managerId}
                  onChange={(value) => edit('managerId', value)}
                  error={errors.managerId}
                />
                <Select
                  label="Current role"
                  description={roles.frameworkName ? `From ${roles.frameworkName}` : 'No published framework yet'}
                  placeholder="Not set"
                  data={roles.groups}
                  value={values.currentRoleId}
                  onChange={(value) => edit('currentRoleId', value)}
                  searchable
                  clearable
                  nothingFoundMessage="No role has that title"
                  error={errors.currentRoleId}
                />
                <NativeSelect
                  label="Access role"
                  value={values.accessRole}
                  onChange={(event) => edit('accessRole', event.currentTarget.value as AccessRole)}
                  data={ACCESS_ROLES.map((role) => ({ value: role, label: accessRoleDescription[role] }))}
                  error={errors.accessRole}
                />
              </SimpleGrid>
              <Group gap="sm">
                <Button type="submit" loading={saving && !changingStatus}>
                  Save changes
                </Button>
                {changed.length > 0 ? (
                  <>
                    <Button variant="default" onClick={() => setEdits({})}>
                      Discard changes
                    </Button>
                    <Text size="sm" c="dimmed">
                      Unsaved: {changed.map((field) => personFieldLabel[field].toLowerCase()).join(', ')}
                    </Text>
                  </>
                ) : null}
              </Group>
            </Stack>
          </form>
        </Paper>

        <Stack gap="lg">
          <Paper withBorder p="lg" component="section" aria-labelledby="status-heading">
            <Title order={2} size="h3" id="status-heading" mb="xs">
              {person.active ? 'Leaving' : 'Returning'}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {person.active
                ? 'Someone who has left can no longer sign in; their history stays.'
                : `${person.name} has left. Marking them as returned lets them sign in again.`}
            </Text>
            <Button
              variant={person.active ? 'outline' : 'light'}
              color={person.active ? 'red' : undefined}
              loading={changingStatus}
              onClick={() => void changeStatus(!person.active)}
            >
              {person.active ? 'Mark as left' : 'Mark as returned'}
            </Button>
          </Paper>
          {person.active && person.signIn ? <SignInSection person={person} signIn={person.signIn} /> : null}
          {person.active && person.signIn?.hasAccount ? <ResetLinkSection personId={person.id} name={person.name} /> : null}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function describeConflict(
  conflict: Conflict,
  display: (field: PersonField, source: Partial<PersonValues>, names?: CurrentPerson['names']) => string,
): string[] {
  const current = conflict.current;
  if (!current) return [];
  const lines: string[] = [];
  for (const field of PERSON_FIELDS) {
    const now = current.values[field];
    if (now === undefined || now === conflict.base[field]) continue;
    lines.push(
      `${personFieldLabel[field]}: now ${display(field, current.values, current.names)} (was ${display(field, conflict.base)})`,
    );
  }
  if (current.active !== undefined && current.active !== conflict.baseActive) {
    lines.push(`Status: now ${current.active ? 'active' : 'left the organisation'}`);
  }
  return lines;
}

type SignIn = NonNullable<Person['signIn']>;

/** Whether they can sign in and have, and the one next step that fits: invite, resend, or nothing to do. */
function SignInSection({ person, signIn }: { person: Person; signIn: SignIn }) {
  const [invite, { loading }] = useInvitePeople();
  const [outcome, setOutcome] = useState<InvitePeopleOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const when = (date: unknown) => formatDateTime(date as string) ?? String(date);
  const explanation = (() => {
    switch (signIn.status) {
      case 'SIGNED_IN':
        return `${person.name} last signed in on ${when(signIn.lastSignedInAt)}.`;
      case 'NEVER_SIGNED_IN':
        return `${person.name} has a Trellis account but has not signed in here yet.`;
      case 'INVITED':
        return `Invited on ${when(signIn.invitedAt)}; the link works until ${when(signIn.invitationExpiresAt)}. Not signed in yet.`;
      case 'INVITATION_EXPIRED':
        return `The invitation sent on ${when(signIn.invitedAt)} expired before ${person.name} used it.`;
      case 'NOT_INVITED':
        return `${person.name} has no account yet, so cannot sign in: invite them.`;
    }
  })();
  const run = async () => {
    setError(null);
    try {
      setOutcome(await invite({ personIds: [person.id], resend: signIn.nextStep === 'RESEND_INVITATION' }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sign-in-heading">
      <Group gap="xs" mb="xs">
        <Title order={2} size="h3" id="sign-in-heading">
          Signing in
        </Title>
        <Badge variant="light" color={signInStatusColor[signIn.status]}>
          {signInStatusLabel[signIn.status]}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {explanation}
      </Text>
      {signIn.nextStep !== 'NONE' ? (
        <Button variant="light" loading={loading} onClick={() => void run()}>
          {signIn.nextStep === 'INVITE' ? `Invite ${person.name}` : 'Resend the invitation'}
        </Button>
      ) : null}
      {signIn.nextStep === 'RESEND_INVITATION' ? (
        <Text size="xs" c="dimmed" mt={4}>
          A new link replaces the old one, which stops working.
        </Text>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" role="alert" title="Could not invite" mt="sm">
          <Text size="sm">{describeError(error)}</Text>
        </Alert>
      ) : null}
      {outcome ? (
        <Stack mt="md">
          <InvitationLinks outcome={outcome} />
        </Stack>
      ) : null}
    </Paper>
  );
}

/**
 * A Trellis account may open other organisations too, so an admin never chooses its password: the
 * reset goes to the person's own address, and only without e-mail (and only for an account this
 * organisation alone has) is the link shown to hand over.
 */
function ResetLinkSection({ personId, name }: { personId: string; name: string }) {
  const [createReset, { data, loading, error }] = useMutation(CreatePasswordResetMutation);
  const created = data?.createPasswordReset;
  const until = created ? (formatDateTime(created.expiresAt) ?? created.expiresAt) : null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="reset-link-heading">
      <Title order={2} size="h3" id="reset-link-heading" mb="xs">
        Password reset
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Forgot their password? Trellis e-mails {name} a link to choose a new one; you never see it. When this server sends no e-mail,
        you get the link to hand over yourself, but only if their Trellis account belongs to this organisation alone.
      </Text>
      <Stack gap="sm">
        <Button
          variant="light"
          loading={loading}
          onClick={() => void createReset({ variables: { personId } }).catch(() => undefined)}
          style={{ alignSelf: 'flex-start' }}
        >
          {created ? 'Reset the password again' : 'Reset the password'}
        </Button>
        {error ? (
          <Alert color="red" variant="light" title="Could not reset the password" role="alert">
            {/* The API says why (for instance: the account also opens another organisation). */}
            <Text size="sm">{hasErrorCode(error, 'FORBIDDEN') ? apiMessages(error) : describeError(error)}</Text>
          </Alert>
        ) : null}
        {created?.emailed ? (
          <Alert color="green" variant="light" title="Reset e-mail sent" role="status">
            <Text size="sm">
              {name} has an e-mail with a link to choose a new password. It works once, until {until}.
            </Text>
          </Alert>
        ) : null}
        {created && !created.emailed && !created.link ? (
          <Alert color="red" variant="light" title="The e-mail could not be sent" role="alert">
            <Text size="sm">Trellis could not hand the e-mail to the mail server. Try again in a while.</Text>
          </Alert>
        ) : null}
        {created?.link ? (
          <CopyField label="Password reset link" value={created.link} description={`Works once, until ${until}.`} />
        ) : null}
      </Stack>
    </Paper>
  );
}

function apiMessages(error: unknown): string {
  return CombinedGraphQLErrors.is(error) ? error.errors.map((e) => e.message).join(' ') : describeError(error);
}

function PersonNotFound() {
  return (
    <NotFoundState
      title="Person not found"
      message="There is no one at this address. The link may be wrong, or the person may belong to another organisation."
      backTo="/admin/people"
      backLabel="Back to manage people"
    />
  );
}
