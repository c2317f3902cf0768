import '@mantine/charts/styles.css';
import { LineChart, type LineChartSeries } from '@mantine/charts';

/*
 * A skill's rating history (recharts is large): the skill page loads this module lazily, so only people who open it
 * download it. Each chart is an image to assistive technology (recharts' own keyboard layer is off, so no focus
 * stop hides inside the image); the pages put the same figures in a table, which keyboards and screen readers use.
 */

export function HistoryStepChart({
  data,
  series,
  top,
  label,
}: {
  data: Record<string, string | number | null>[];
  series: LineChartSeries[];
  top: number;
  label: string;
}) {
  return (
    <div role="img" aria-label={label}>
      <LineChart
        h={240}
        data={data}
        dataKey="date"
        curveType="stepAfter"
        connectNulls
        withLegend
        accessibilityLayer={false}
        yAxisProps={{ domain: [0, top], allowDecimals: false }}
        series={series}
      />
    </div>
  );
}
