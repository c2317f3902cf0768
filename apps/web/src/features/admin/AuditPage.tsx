import { Anchor, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorState, LoadingState } from '../../components/QueryStates';
import { graphql } from '../../gql';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/labels';

export const AUDIT_PAGE_SIZE = 50;

export const AuditLogQuery = graphql(`
  query AuditLog($before: DateTime, $limit: Int!) {
    auditEvents(before: $before, limit: $limit) {
      id
      at
      action
      summary
      ipAddress
      userAgent
      actor {
        id
        name
      }
      subjectPerson {
        id
        name
      }
    }
  }
`);

/** A short name for a browser from its user agent, such as "Firefox on Windows". */
export function describeUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent)
      ? 'macOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /iPhone|iPad/.test(userAgent)
          ? 'iOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? 'Another program';
}

export function AuditPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditLogQuery, {
    variables: { limit: AUDIT_PAGE_SIZE },
    notifyOnNetworkStatusChange: false,
  });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const [exhausted, setExhausted] = useState(false);
  const events = data?.auditEvents;
  const hasOlder = !exhausted && (events?.length ?? 0) >= AUDIT_PAGE_SIZE;

  const loadOlder = async () => {
    const oldest = events?.[events.length - 1];
    if (!oldest) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const result = await fetchMore({ variables: { before: oldest.at, limit: AUDIT_PAGE_SIZE } });
      if ((result.data?.auditEvents.length ?? 0) < AUDIT_PAGE_SIZE) setExhausted(true);
    } catch (err) {
      setOlderError(err);
    } finally {
      setLoadingOlder(false);
    }
  };

  let content;
  if (error && !events) {
    content = <ErrorState title="Could not load the audit log" error={error} onRetry={() => refetch()} />;
  } else if (loading && !events) {
    content = (
      <LoadingState label="Loading the audit log…">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} height={32} />
        ))}
      </LoadingState>
    );
  } else if (!events || events.length === 0) {
    content = (
      <Paper withBorder>
        <Empty title="Nothing recorded yet" description="Admin changes and reads of people's private data will be listed here." />
      </Paper>
    );
  } else {
    content = (
      <Stack gap="md">
        <Table.ScrollContainer minWidth={760}>
          <Table aria-labelledby="audit-heading" striped verticalSpacing="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={190}>
                  When
                </Table.Th>
                <Table.Th scope="col" w={180}>
                  Who
                </Table.Th>
                <Table.Th scope="col">What</Table.Th>
                <Table.Th scope="col" w={220}>
                  From where
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => {
                const agent = describeUserAgent(event.userAgent);
                return (
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
                        <Text size="sm">Trellis</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{event.summary}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{event.ipAddress ?? 'Unknown address'}</Text>
                      {agent ? (
                        <Text size="xs" c="dimmed" title={event.userAgent ?? undefined}>
                          {agent}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group gap="sm">
          {hasOlder ? (
            <Button variant="default" onClick={() => void loadOlder()} loading={loadingOlder}>
              Load older
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              That is everything: the log starts here.
            </Text>
          )}
          {olderError ? (
            <Text size="sm" c="red.8" role="alert">
              Could not load older entries: {describeError(olderError)}
            </Text>
          ) : null}
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <title>Audit log · Admin · Trellis</title>
      <div>
        <Title order={1} id="audit-heading">
          Audit log
        </Title>
        <Text c="dimmed" mt={4} maw={820}>
          Every admin action, and every time someone reads another person&apos;s private data, newest first. Everyone in
          the organisation can see who looked at their own data from their account page.
        </Text>
      </div>
      {content}
    </Stack>
  );
}
