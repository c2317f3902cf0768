import { Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Empty, LoadingState } from '../../components/QueryStates';
import type { ReportTrendQuery } from '../../gql/graphql';
import { ReportTable } from './ReportTable';
import { formatFigure, monthLabel } from './reportsData';

const TrendChart = lazy(() => import('./TrendChart').then((charts) => ({ default: charts.TrendChart })));

const LINES = [
  ['shareMeeting', 'Meeting their role'],
  ['withPlan', 'With a plan'],
  ['agreed', 'Plan agreed'],
  ['overdue', 'Reviews overdue'],
] as const;

/** Headline figures per month end, as lines and as a table with the same figures (hidden ones as "<k"). */
export function TrendView({ trend }: { trend: ReportTrendQuery['reportTrend'] }) {
  const { k, points } = trend;
  if (points.length === 0) return <Empty title="No trend yet" description="Month-end figures appear once a month has ended since reports were switched on." />;
  const percent = (f: { value?: number | null; suppressed?: string | null }) => (f.suppressed || f.value == null ? null : Math.round(f.value * 1000) / 10);
  const data = points.map((p) => ({ month: monthLabel(p.month, 'short'), ...Object.fromEntries(LINES.map(([key]) => [key, percent(p[key])])) }));
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Organisation-wide, at the end of each month and now. Past months count today&apos;s people in their current team and role, with
        their ratings as they stood at that month&apos;s end and the plans they had started by then in the state those plans are in today
        (Trellis keeps no history of teams, roles or plan states): someone who left is not counted, someone who joined since is.
      </Text>
      {points.some((p) => p.month) ? (
        <Suspense fallback={<LoadingState label="Loading the chart" lines={3} />}>
          <TrendChart data={data} label="Trend lines of the four figures below; the table has the same figures." />
        </Suspense>
      ) : (
        // One point draws no line: say when the others come (the job builds past month ends in the background).
        <Text size="sm">Only today&apos;s figures so far. The last 12 month ends are being worked out in the background and appear here in a few minutes.</Text>
      )}
      <ReportTable
        striped
        caption={`Shares per month end: meeting their role (of rated skills their role expects), with a plan and plan agreed (of people), reviews overdue (of plans in review). "<${k}" is a hidden figure.`}
        columns={['Month', ...LINES.map(([, label]) => label)]}
        rows={points.map((p) => ({ key: p.month ?? 'now', header: monthLabel(p.month), cells: LINES.map(([key]) => formatFigure(p[key], k, 'share')) }))}
      />
    </Stack>
  );
}
