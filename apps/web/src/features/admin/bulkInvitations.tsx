import { Alert, Anchor, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useId, type RefObject } from 'react';
import { Link } from 'react-router';
import { CopyField } from '../../components/CopyField';
import { graphql } from '../../gql';
import type { InvitePeopleInput, InvitePeopleMutation as InvitePeopleResult } from '../../gql/graphql';
import { formatDateTime } from '../../lib/labels';

export const InvitePeopleMutation = graphql(`
  mutation InvitePeople($input: InvitePeopleInput!) {
    invitePeople(input: $input) {
      emailConfigured
      invited {
        link
        emailed
        invitation {
          id
          expiresAt
        }
        person {
          id
          name
          email
          signIn {
            status
            nextStep
            hasAccount
            invitedAt
            invitationExpiresAt
            lastSignedInAt
          }
        }
      }
      alreadyInvited {
        id
        name
      }
    }
  }
`);

export const LinkSettingsQuery = graphql(`
  query LinkSettings {
    linkSettings {
      publicUrl
      loopback
      emailConfigured
    }
  }
`);

export type InvitePeopleOutcome = InvitePeopleResult['invitePeople'];

/**
 * Invites people in one action. The answer carries each person's new sign-in status, so Apollo's cache updates every
 * list and page that shows them; the invitations list is dropped from the cache and read again when next shown.
 */
export function useInvitePeople() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(InvitePeopleMutation);
  const invite = async (input: InvitePeopleInput): Promise<InvitePeopleOutcome | null> => {
    const { data } = await mutate({ variables: { input } });
    client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'invitations' });
    client.cache.gc();
    return data?.invitePeople ?? null;
  };
  return [invite, state] as const;
}

/** Where invitation links point (PUBLIC_URL), with a warning when only the server itself can open them. */
export function LinkTarget() {
  const { data } = useQuery(LinkSettingsQuery);
  const settings = data?.linkSettings;
  if (!settings) return null;
  if (settings.loopback) {
    return (
      <Alert color="orange" variant="light" title="Invitation links point at this computer" role="note">
        <Text size="sm">
          Links start with <Code>{settings.publicUrl}</Code>, which only works in a browser on the server itself. People signing in
          from elsewhere need the address they reach Trellis at: ask whoever runs Trellis to set <Code>PUBLIC_URL</Code>.
        </Text>
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      Links start with <Code>{settings.publicUrl}</Code>
      {settings.emailConfigured ? ' and are e-mailed to each person.' : '. E-mail is not set up: you hand the links over.'}
    </Text>
  );
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a bulk invitation did: who got an e-mail, and every link to hand over (all at once, or one by one). */
export function InvitationLinks({ outcome, focusRef }: { outcome: InvitePeopleOutcome; focusRef?: RefObject<HTMLDivElement | null> }) {
  const clipboard = useClipboard({ timeout: 4000 });
  const statusId = useId();
  const toHandOver = outcome.invited.filter((one) => !one.emailed);
  const emailed = outcome.invited.length - toHandOver.length;
  const allLinks = toHandOver.map((one) => `${one.person.name} <${one.person.email}>: ${one.link}`).join('\n');
  const until = outcome.invited[0] ? formatDateTime(outcome.invited[0].invitation.expiresAt) : null;
  return (
    <Paper withBorder p="lg" ref={focusRef} tabIndex={-1} component="section" aria-labelledby="invitation-links-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="invitation-links-heading">
          {outcome.invited.length === 0 ? 'Nobody new to invite' : `${plural(outcome.invited.length, 'person', 'people')} invited`}
        </Title>
        <Text size="sm" role="status">
          {emailed > 0 ? `${plural(emailed, 'person has', 'people have')} an e-mail with their link. ` : ''}
          {toHandOver.length > 0
            ? outcome.emailConfigured
              ? `${plural(toHandOver.length, 'e-mail', 'e-mails')} could not be sent: copy the links below and send them yourself.`
              : 'E-mail is not set up on this server, so nothing was sent: copy the links below and send each to its person.'
            : ''}
          {until && outcome.invited.length > 0 ? ` Each link works once, until ${until}.` : ''}
        </Text>
        {outcome.alreadyInvited.length > 0 ? (
          <Text size="sm">
            {plural(outcome.alreadyInvited.length, 'person already has', 'people already have')} a pending invitation and{' '}
            {outcome.alreadyInvited.length === 1 ? 'was' : 'were'} skipped ({outcome.alreadyInvited.map((p) => p.name).join(', ')}). To send
            a new link, use Resend on their page or select them and resend.
          </Text>
        ) : null}
        {toHandOver.length > 0 ? (
          <>
            <Group gap="sm">
              <Button variant="light" onClick={() => clipboard.copy(allLinks)} aria-describedby={statusId}>
                Copy all {toHandOver.length} links
              </Button>
              <Text id={statusId} size="xs" c={clipboard.error ? 'red.8' : 'dimmed'} role="status" aria-live="polite">
                {clipboard.error ? 'Could not copy: copy the links one by one.' : clipboard.copied ? 'Copied: one line per person.' : ''}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={560}>
              <Table aria-labelledby="invitation-links-heading" verticalSpacing="xs" withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="30%">
                      Person
                    </Table.Th>
                    <Table.Th scope="col">Link</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {toHandOver.map((one) => (
                    <Table.Tr key={one.invitation.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/people/${one.person.id}`} size="sm" fw={500}>
                          {one.person.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {one.person.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CopyField label={`Invitation link for ${one.person.name}`} value={one.link} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              This is the only time these links are shown: Trellis keeps only a fingerprint of each.
            </Text>
          </>
        ) : null}
        <LinkTarget />
      </Stack>
    </Paper>
  );
}
