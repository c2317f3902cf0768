import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { TrendView } from './TrendView';

const fig = (value: number) => ({ __typename: 'ReportFigure' as const, value, people: 10, suppressed: null });
const point = (month: string | null) => ({
  __typename: 'ReportTrendPoint' as const,
  month,
  shareMeeting: fig(0.7),
  withPlan: fig(0.6),
  agreed: fig(0.4),
  overdue: fig(0.1),
});
const trend = (months: (string | null)[]) => ({ __typename: 'ReportTrend' as const, k: 5, points: months.map(point) });

describe('TrendView', () => {
  it('says the month ends are on their way when only today is known, with today in the table', () => {
    render(
      <MantineProvider>
        <TrendView trend={trend([null])} />
      </MantineProvider>,
    );
    expect(screen.getByText(/Only today's figures so far/)).toBeInTheDocument();
    expect(screen.queryByText('Loading the chart')).not.toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Now' })).toBeInTheDocument();
  });

  it('draws the lines once there are month ends', async () => {
    render(
      <MantineProvider>
        <TrendView trend={trend(['2026-10', '2026-11', null])} />
      </MantineProvider>,
    );
    expect(screen.queryByText(/Only today's figures so far/)).not.toBeInTheDocument();
    expect(await screen.findByRole('img', { name: /Trend lines of the four figures/ })).toBeInTheDocument();
  });
});
