import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Empty, ErrorState, LoadingState, NoAccessState } from '../../components/QueryStates';
import type { ReportFilterInput, ReportKind } from '../../gql/graphql';
import { hasErrorCode } from '../../lib/errors';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/labels';
import { canSeeReports, useSignedInViewer } from '../session/viewer';
import { DrillTrail, HeatmapGrid } from './HeatmapGrid';
import { CalibrationView } from './CalibrationView';
import { ParticipationView } from './ParticipationView';
import { GapsView, SuccessionView } from './ReportViews';
import { ReportTable } from './ReportTable';
import { TrendView } from './TrendView';
import {
  BUCKET_LABELS,
  CalibrationReportQuery,
  MyReportsReadinessQuery,
  monthLabel,
  ParticipationReportQuery,
  ReportCsvQuery,
  ReportOverviewQuery,
  ReportTrendQuery,
  SkillGapsQuery,
  SkillHeatmapQuery,
  SuccessionReportQuery,
  suppressionNote,
} from './reportsData';

const TABS = [
  { value: 'heatmap', label: 'Skill heatmap', csv: ['HEATMAP'] },
  { value: 'gaps', label: 'Gaps and coverage', csv: ['GAPS', 'COVERAGE'] },
  { value: 'succession', label: 'Succession', csv: ['SUCCESSION'] },
  { value: 'calibration', label: 'Calibration', csv: ['CALIBRATION'] },
  { value: 'participation', label: 'Participation', csv: ['PARTICIPATION', 'TRAINING'] },
  { value: 'trends', label: 'Trends', csv: ['TREND'] },
] as const satisfies readonly { value: string; label: string; csv: readonly ReportKind[] }[];
type Tab = (typeof TABS)[number]['value'];

const CSV_LABELS: Record<ReportKind, string> = {
  HEATMAP: 'heatmap',
  GAPS: 'gaps',
  COVERAGE: 'coverage and required vs actual',
  SUCCESSION: 'succession',
  CALIBRATION: 'calibration',
  PARTICIPATION: 'participation',
  TRAINING: 'training demand',
  TREND: 'trends',
};


/** Reports (Leadership and Admin): organisation-wide aggregates, small groups hidden; state in the address. */
export function ReportsPage() {
  const viewer = useSignedInViewer();
  const [params, setParams] = useSearchParams();
  const tab = (TABS.some((t) => t.value === params.get('tab')) ? params.get('tab') : 'heatmap') as Tab;
  const input: ReportFilterInput = {
    month: params.get('month') || null,
    teamId: params.get('team') || null,
    trackId: params.get('track') || null,
    roleId: params.get('role') || null,
    categoryId: params.get('category') || null,
  };
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const overview = useQuery(ReportOverviewQuery, { variables: { input: { month: input.month, teamId: input.teamId } }, skip: !canSeeReports(viewer.accessRole) });

  if (!canSeeReports(viewer.accessRole)) {
    return (
      <NoAccessState
        title="Reports are for leadership"
        message="Organisation-wide reports need the Leadership or Admin access role. Your own team's plans are under My team."
      />
    );
  }
  const data = overview.data?.reportOverview;
  let body;
  if (overview.loading && !data) body = <LoadingState label="Loading reports" lines={6} />;
  else if (overview.error && !data) body = <ErrorState title="Could not load the reports" error={overview.error} onRetry={() => overview.refetch()} />;
  else if (!data?.meta) {
    body = <Empty title="The reports are being prepared" description="They are built from your organisation's ratings and plans within a minute of a change. Try again shortly." action={<Button onClick={() => void overview.refetch()}>Check again</Button>} />;
  } else {
    const meta = data.meta;
    const roles = data.roles.filter((role) => !input.trackId || role.trackId === input.trackId);
    body = (
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="As of"
            data={[{ value: '', label: 'Now' }, ...data.months.map((m) => ({ value: m, label: `End of ${monthLabel(m)}` }))]}
            value={input.month ?? ''}
            onChange={(value) => set({ month: value || null })}
            allowDeselect={false}
            w={180}
          />
          <Select
            label="Track"
            placeholder="All tracks"
            data={data.tracks.map((t) => ({ value: t.id, label: t.name }))}
            value={params.get('track') || null}
            onChange={(value) => set({ track: value, role: null })}
            clearable
            disabled={!meta.filters}
            w={180}
          />
          <Select
            label="Role"
            placeholder="All roles"
            data={roles.map((r) => ({ value: r.id, label: r.name }))}
            value={params.get('role') || null}
            onChange={(value) => set({ role: value })}
            clearable
            searchable
            disabled={!meta.filters}
            w={220}
          />
          <Select
            label="Skill category"
            placeholder="All categories"
            data={data.categories.map((c) => ({ value: c.id, label: c.name }))}
            value={params.get('category') || null}
            onChange={(value) => set({ category: value })}
            clearable
            w={220}
          />
        </Group>
        <DrillTrail trail={data.trail} onDrill={(teamId) => set({ team: teamId })} />
        <Text size="sm" c="dimmed">
          {meta.people} people · figures from {formatDateTime(meta.refreshedAt)} · {suppressionNote(meta.k)}
        </Text>
        <Tabs value={tab} onChange={(value) => set({ tab: value === 'heatmap' ? null : value })} keepMounted={false}>
          <Tabs.List>
            {TABS.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {TABS.map((t) => (
            <Tabs.Panel key={t.value} value={t.value} pt="md">
              <Stack gap="md">
                <CsvDownloads kinds={t.csv} input={input} />
                <ReportPanel tab={t.value} input={input} onDrill={(teamId) => set({ team: teamId })} />
                {t.value === 'succession' && viewer.isManager ? <MyReportsReadiness /> : null}
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <title>Reports · Trellis</title>
      <Title order={1}>Reports</Title>
      {body}
    </Stack>
  );
}

function ReportPanel({ tab, input, onDrill }: { tab: Tab; input: ReportFilterInput; onDrill: (teamId: string) => void }) {
  switch (tab) {
    case 'heatmap':
      return <HeatmapPanel input={input} onDrill={onDrill} />;
    case 'gaps':
      return <GapsPanel input={input} />;
    case 'succession':
      return <SuccessionPanel input={input} />;
    case 'calibration':
      return <CalibrationPanel input={input} />;
    case 'participation':
      return <ParticipationPanel input={input} />;
    case 'trends':
      return <TrendPanel />;
  }
}

/** Loading, error (a filter the report cannot answer says so) or the report. */
function useReportState<T>(result: { data?: T; loading: boolean; error?: unknown; refetch: () => Promise<unknown> }, label: string) {
  if (result.loading && !result.data) return <LoadingState label={`Loading the ${label}`} rowHeight={28} />;
  if (result.error && !result.data) {
    if (hasErrorCode(result.error, 'BAD_USER_INPUT')) {
      return (
        <Alert color="yellow" variant="light" title="This report cannot be shown with these choices" role="alert">
          {describeError(result.error)}
        </Alert>
      );
    }
    return <ErrorState title={`Could not load the ${label}`} error={result.error} onRetry={() => result.refetch()} />;
  }
  return null;
}

function HeatmapPanel({ input, onDrill }: { input: ReportFilterInput; onDrill: (teamId: string) => void }) {
  const result = useQuery(SkillHeatmapQuery, { variables: { input } });
  const state = useReportState(result, 'heatmap');
  if (state) return state;
  const heatmap = result.data!.skillHeatmap;
  if (heatmap.columns.length === 0) return <Empty title="No skills to show" description="Publish a framework to see skills here." />;
  return <HeatmapGrid heatmap={heatmap} onDrill={onDrill} />;
}

function GapsPanel({ input }: { input: ReportFilterInput }) {
  const result = useQuery(SkillGapsQuery, { variables: { input } });
  return useReportState(result, 'gaps report') ?? <GapsView report={result.data!.skillGaps} />;
}

function SuccessionPanel({ input }: { input: ReportFilterInput }) {
  const result = useQuery(SuccessionReportQuery, { variables: { input } });
  return useReportState(result, 'succession report') ?? <SuccessionView report={result.data!.successionReport} />;
}

function CalibrationPanel({ input }: { input: ReportFilterInput }) {
  const result = useQuery(CalibrationReportQuery, { variables: { input } });
  return useReportState(result, 'calibration report') ?? <CalibrationView report={result.data!.calibrationReport} />;
}

function ParticipationPanel({ input }: { input: ReportFilterInput }) {
  const result = useQuery(ParticipationReportQuery, { variables: { input } });
  return useReportState(result, 'participation report') ?? <ParticipationView report={result.data!.participationReport} />;
}

function TrendPanel() {
  const result = useQuery(ReportTrendQuery);
  return useReportState(result, 'trends') ?? <TrendView trend={result.data!.reportTrend} />;
}

/** My own direct reports by name (not an aggregate): leadership who manage people see them here. */
function MyReportsReadiness() {
  const result = useQuery(MyReportsReadinessQuery);
  const state = useReportState(result, 'readiness of your reports');
  if (state) return state;
  const rows = result.data!.myReportsReadiness;
  return (
    <section aria-labelledby="my-reports-heading">
      <Title order={2} size="h3" id="my-reports-heading" mb="xs">
        Your reports
      </Title>
      {rows.length === 0 ? (
        <Text size="sm">None of your reports has an open development plan.</Text>
      ) : (
        <ReportTable
          columns={['Person', 'Target role', 'Could step in', 'Blocked by']}
          rows={rows.map((row) => ({
            key: row.personId,
            header: row.name,
            cells: [row.targetRoleTitle, BUCKET_LABELS[row.bucket] ?? row.bucket, row.blockingSkills.slice(0, 3).join(', ') || '–'],
          }))}
        />
      )}
    </section>
  );
}

function CsvDownloads({ kinds, input }: { kinds: readonly ReportKind[]; input: ReportFilterInput }) {
  const client = useApolloClient();
  const [busy, setBusy] = useState<ReportKind | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async (kind: ReportKind) => {
    setBusy(kind);
    setError(null);
    try {
      const { data } = await client.query({ query: ReportCsvQuery, variables: { kind, input }, fetchPolicy: 'network-only' });
      if (!data) throw new Error('The server sent no CSV.');
      const url = URL.createObjectURL(new Blob([data.reportCsv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `trellis-${CSV_LABELS[kind].replace(/\W+/g, '-')}-${input.month ?? new Date().toISOString().slice(0, 10)}.csv`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      {kinds.map((kind) => (
        <Button key={kind} variant="default" size="xs" onClick={() => void download(kind)} loading={busy === kind}>
          Download {CSV_LABELS[kind]} CSV
        </Button>
      ))}
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          Could not download: {describeError(error)}
        </Text>
      ) : null}
    </Group>
  );
}
