import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Group, NumberInput, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { graphql } from '../../gql';
import type { MentoringOversightQuery as OversightData } from '../../gql/graphql';
import { describeError, fieldErrorsOf, hasErrorCode } from '../../lib/errors';

export const MentoringSettingsQuery = graphql(`
  query MentoringSettings {
    mentoringSettings {
      fizzleWeeks
      crossTeam
      version
    }
  }
`);

export const UpdateMentoringSettingsMutation = graphql(`
  mutation UpdateMentoringSettings($input: MentoringSettingsInput!) {
    updateMentoringSettings(input: $input) {
      fizzleWeeks
      crossTeam
      version
    }
  }
`);

export const MentoringOversightQuery = graphql(`
  query MentoringOversight {
    mentoringOversight {
      fizzleWeeks
      relationships {
        mentorshipId
        menteeName
        mentorName
        status
        programmeName
        activeSince
        lastSessionOn
        sessions
        minutes
        fizzling
        weeksWithoutSession
        message
      }
      waiting {
        mentorshipId
        menteeName
        mentorName
        requestedAt
        daysWaiting
      }
      mentorsAtCapacity {
        personId
        name
        teamName
        capacity
        occupiedPlaces
      }
      uncovered {
        personId
        name
        skillNames
      }
    }
  }
`);

export const MentoringOversightCsvQuery = graphql(`
  query MentoringOversightCsv {
    mentoringOversightCsv
  }
`);

const hours = (minutes: number) => (Math.round((minutes / 60) * 10) / 10).toFixed(1);
const days = (n: number) => (n === 0 ? 'today' : n === 1 ? '1 day' : `${n} days`);

/** Admin: the organisation's mentoring settings, and every relationship's health at a glance (with a CSV of it). */
export function AdminMentoringPage() {
  return (
    <Stack gap="xl">
      <title>Mentoring · Admin · Trellis</title>
      <Stack gap={4}>
        <Title order={1}>Mentoring</Title>
        <Text c="dimmed">
          How the organisation’s mentoring is going. You see dates and lengths of sessions, never their notes, comments or what mentees share. Pair people and run
          programmes from{' '}
          <Anchor component={Link} to="/mentoring/programmes">
            Programmes
          </Anchor>
          .
        </Text>
      </Stack>
      <MentoringSettingsForm />
      <MentoringOverview />
    </Stack>
  );
}

function MentoringSettingsForm() {
  const settings = useQuery(MentoringSettingsQuery);
  const [update, updating] = useMutation(UpdateMentoringSettingsMutation);
  const toast = useToast();
  const [weeksDraft, setWeeks] = useState<number | string | null>(null);
  const [crossDraft, setCross] = useState<boolean | null>(null);
  const [problems, setProblems] = useState<{ fizzleWeeks?: string; form?: string }>({});
  const current = settings.data?.mentoringSettings;

  if (settings.loading && !current) return <LoadingState label="Loading mentoring settings" lines={2} />;
  if (!current) return <ErrorState title="Could not load the mentoring settings" error={settings.error} onRetry={() => settings.refetch()} />;
  const weeks = weeksDraft ?? current.fizzleWeeks;
  const crossTeam = crossDraft ?? current.crossTeam === 'prefer-other-teams';

  const save = async () => {
    setProblems({});
    const value = Number(weeks);
    if (weeks === '' || !Number.isInteger(value) || value < 1 || value > 26) {
      setProblems({ fizzleWeeks: 'Use a whole number of weeks from 1 to 26.' });
      return;
    }
    try {
      const saved = await update({ variables: { input: { fizzleWeeks: value, crossTeam: crossTeam ? 'prefer-other-teams' : 'no-preference', expectedVersion: current.version } } });
      setWeeks(null);
      setCross(null);
      await settings.refetch();
      const n = saved.data?.updateMentoringSettings.fizzleWeeks ?? value;
      toast.show({ message: `Saved: pairs are flagged after ${n} ${n === 1 ? 'week' : 'weeks'} without a session.` });
    } catch (error) {
      if (hasErrorCode(error, 'CONFLICT')) await settings.refetch();
      const fields = fieldErrorsOf(error);
      setProblems({ fizzleWeeks: fields['fizzleWeeks'], form: fields['fizzleWeeks'] ? undefined : describeError(error) });
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="mentoring-settings-title">
      <Stack gap="sm" maw={640}>
        <Title order={2} size="h3" id="mentoring-settings-title">
          Settings
        </Title>
        <NumberInput
          label="Weeks without a session before a pair is flagged"
          description="Both sides get one nudge when an active pair goes this long without a session, and the pair is flagged here. 6 is the default."
          min={1}
          max={26}
          clampBehavior="none"
          allowDecimal={false}
          value={weeks}
          onChange={setWeeks}
          error={problems.fizzleWeeks}
          w={{ base: '100%', xs: 440 }}
        />
        <Switch
          label="Prefer mentors from other teams"
          description="Mentor suggestions and the programme matching board rank mentors from another team a little higher."
          checked={crossTeam}
          onChange={(event) => setCross(event.currentTarget.checked)}
        />
        {problems.form ? (
          <Text c="red.8" size="sm" role="alert">
            {problems.form}
          </Text>
        ) : null}
        <Group>
          <Button onClick={() => void save()} loading={updating.loading}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function MentoringOverview() {
  const { data, error, loading, refetch } = useQuery(MentoringOversightQuery, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <LoadingState label="Loading the mentoring overview" rowHeight={48} />;
  if (!data) return <ErrorState title="Could not load the mentoring overview" error={error} onRetry={() => refetch()} />;
  const o = data.mentoringOversight;
  const fizzling = o.relationships.filter((r) => r.fizzling);
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2}>Overview</Title>
        <CsvDownload />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label="Open relationships" value={o.relationships.length} />
        <Figure label={`Fizzling (${o.fizzleWeeks}+ weeks quiet)`} value={fizzling.length} />
        <Figure label="Waiting for an answer" value={o.waiting.length} />
        <Figure label="Mentors at capacity" value={o.mentorsAtCapacity.length} />
      </SimpleGrid>

      <Section title="Fizzling pairs" empty={`No pair has gone ${o.fizzleWeeks} weeks without a session.`} count={fizzling.length}>
        <Text size="sm">Both sides get one nudge when a pair starts fizzling. A word from you may help them meet again, or end the mentorship kindly if it has run its course.</Text>
        <RelationshipTable rows={fizzling} />
      </Section>

      <Section title="Every open relationship" empty="No one is mentoring anyone yet. People offer to mentor under Mentoring, Offer to mentor." count={o.relationships.length}>
        <RelationshipTable rows={o.relationships} />
      </Section>

      <Section title="Mentees waiting for a mentor" empty="No requests are waiting for an answer." count={o.waiting.length}>
        <Table.ScrollContainer minWidth={340}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Mentee</Table.Th>
                <Table.Th scope="col">Asked</Table.Th>
                <Table.Th scope="col">Waiting</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.waiting.map((w) => (
                <Table.Tr key={w.mentorshipId}>
                  <Table.Td>{w.menteeName}</Table.Td>
                  <Table.Td>{w.mentorName}</Table.Td>
                  <Table.Td>
                    {w.daysWaiting >= 14 ? (
                      <Badge color="orange" variant="light">
                        {days(w.daysWaiting)}
                      </Badge>
                    ) : (
                      days(w.daysWaiting)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section title="Mentors at capacity" empty="Every mentor has a free place." count={o.mentorsAtCapacity.length}>
        <Table.ScrollContainer minWidth={340}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Mentor</Table.Th>
                <Table.Th scope="col">Team</Table.Th>
                <Table.Th scope="col">Mentees</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.mentorsAtCapacity.map((m) => (
                <Table.Tr key={m.personId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.teamName ?? '—'}</Table.Td>
                  <Table.Td>
                    {m.occupiedPlaces} of {m.capacity}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section
        title="Focus skills no available mentor covers"
        empty="Every waiting mentee’s focus skills are offered by a mentor with a free place."
        count={o.uncovered.length}
      >
        <Text size="sm">Mentees waiting (or on a programme’s board) whose skills no mentor with a free place offers at level 4 or above: ask someone to offer them.</Text>
        <Stack gap={4} component="ul" style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {o.uncovered.map((u) => (
            <li key={u.personId}>
              <Text size="sm">
                <strong>{u.name}</strong>: {u.skillNames.join(', ')}
              </Text>
            </li>
          ))}
        </Stack>
      </Section>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Card>
  );
}

function Section({ title, empty, count, children }: { title: string; empty: string; count: number; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

function RelationshipTable({ rows }: { rows: OversightData['mentoringOversight']['relationships'] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Pair</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Last session</Table.Th>
            <Table.Th scope="col">Sessions</Table.Th>
            <Table.Th scope="col">Hours</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.mentorshipId}>
              <Table.Td>
                {/* Not a link: the mentorship page is the pair's, and shows a coordinator nothing more than this row. */}
                <Text size="sm" fw={500}>
                  {r.menteeName}
                </Text>
                <Text size="xs" c="dimmed">
                  mentored by {r.mentorName}
                  {r.programmeName ? ` · ${r.programmeName}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.fizzling ? (
                  <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                    {r.message}
                  </Badge>
                ) : (
                  <Badge color={r.status === 'paused' ? 'gray' : 'green'} variant="light" style={{ textTransform: 'none' }}>
                    {r.status === 'paused' ? 'Paused' : 'Meeting'}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{r.lastSessionOn ?? 'None yet'}</Table.Td>
              <Table.Td>{r.sessions}</Table.Td>
              <Table.Td>{hours(r.minutes)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CsvDownload() {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await client.query({ query: MentoringOversightCsvQuery, fetchPolicy: 'network-only' });
      if (!data) throw new Error('No CSV came back');
      const url = URL.createObjectURL(new Blob([data.mentoringOversightCsv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `trellis-mentoring-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      // Revoked a moment later: some browsers read the URL after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" onClick={() => void download()} loading={busy}>
        Download CSV
      </Button>
      {error ? (
        <Text c="red.8" size="sm" role="alert">
          Could not download: {error}
        </Text>
      ) : null}
    </Stack>
  );
}
