import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { graphql } from '../../gql';
import { describeError, hasErrorCode } from '../../lib/errors';

export const ReportSettingsQuery = graphql(`
  query ReportSettings {
    reportSettings {
      k
      version
    }
  }
`);

export const UpdateReportSettingsMutation = graphql(`
  mutation UpdateReportSettings($input: ReportSettingsInput!) {
    updateReportSettings(input: $input) {
      k
      version
    }
  }
`);

export const RefreshReportsMutation = graphql(`
  mutation RefreshReports {
    refreshReports {
      ran
      written
    }
  }
`);

/** Admin: the reports' privacy threshold k (never below 3), rebuilding them now, and the way to the reports. */
export function AdminReportsPage() {
  const settings = useQuery(ReportSettingsQuery);
  const [update, updating] = useMutation(UpdateReportSettingsMutation);
  const [refresh, refreshing] = useMutation(RefreshReportsMutation);
  const toast = useToast();
  // What the admin typed, else the saved value.
  const [draft, setK] = useState<number | string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = settings.data?.reportSettings;
  const k = draft ?? current?.k ?? '';

  if (settings.loading && !settings.data) return <LoadingState label="Loading report settings" />;
  if (settings.error && !settings.data) return <ErrorState title="Could not load the report settings" error={settings.error} onRetry={() => settings.refetch()} />;

  const save = async () => {
    setProblem(null);
    const value = Number(k);
    if (!Number.isInteger(value) || value < 3) {
      setProblem('Use a whole number of at least 3: no report figure may describe fewer people.');
      return;
    }
    try {
      await update({ variables: { input: { k: value, expectedVersion: current!.version } } });
      await settings.refetch();
      setK(null);
      toast.show({ message: `Reports now hide figures about fewer than ${value} people (from their next refresh).` });
      await refresh();
    } catch (error) {
      if (hasErrorCode(error, 'CONFLICT')) await settings.refetch();
      setProblem(describeError(error));
    }
  };

  return (
    <Stack gap="lg" maw={640}>
      <title>Reports settings · Admin · Trellis</title>
      <Title order={1}>Reports</Title>
      <Text>
        <Anchor component={Link} to="/reports">
          Leadership: organisation-wide reports
        </Anchor>{' '}
        are for the Leadership and Admin access roles. They show aggregates only, never anyone by name.
      </Text>
      <Stack gap="xs">
        <NumberInput
          label="Smallest group a figure may describe (k)"
          description="A figure about fewer people is hidden, and so is any figure that would reveal such a group by subtraction. At least 3; 5 is the default."
          min={3}
          max={1000}
          clampBehavior="none"
          value={k}
          onChange={setK}
          error={problem}
          w={320}
        />
        <Group gap="sm">
          <Button onClick={() => void save()} loading={updating.loading}>
            Save
          </Button>
          <Button
            variant="default"
            loading={refreshing.loading}
            onClick={() =>
              void refresh()
                .then((result) => toast.show({ message: result.data?.refreshReports.ran ? 'Reports rebuilt.' : 'Reports are being rebuilt by another process: try again shortly.' }))
                .catch((error: unknown) => setProblem(describeError(error)))
            }
          >
            Rebuild reports now
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
