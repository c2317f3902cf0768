import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';

/*
 * The reports' trend lines (recharts is large: the Trends tab loads this module lazily). The chart is an image to
 * assistive technology, with recharts' keyboard layer off; the tab shows the same figures in a table.
 */

export const TREND_SERIES = [
  { name: 'shareMeeting', label: 'Meeting their role', color: 'teal.7' },
  { name: 'withPlan', label: 'With a plan', color: 'blue.7' },
  { name: 'agreed', label: 'Plan agreed', color: 'violet.7' },
  { name: 'overdue', label: 'Reviews overdue', color: 'red.7' },
] as const;

export function TrendChart({ data, label }: { data: Record<string, string | number | null>[]; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <LineChart
        h={260}
        data={data}
        dataKey="month"
        connectNulls={false}
        withLegend
        accessibilityLayer={false}
        unit="%"
        yAxisProps={{ domain: [0, 100] }}
        series={TREND_SERIES.map((s) => ({ name: s.name, label: s.label, color: s.color }))}
      />
    </div>
  );
}
