import { screen } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { RefreshReportsMutation, ReportSettingsQuery, UpdateReportSettingsMutation } from './AdminReportsPage';

const settings = (k: number, version: number) => ({
  request: { query: ReportSettingsQuery },
  result: { data: { reportSettings: { __typename: 'ReportSettings', k, version } } },
});

describe('Admin reports page', () => {
  it('links to the reports, refuses k below 3 without asking the API, and saves a valid k', async () => {
    const { user } = renderRoute(
      '/admin/reports',
      [
        settings(5, 0),
        {
          request: { query: UpdateReportSettingsMutation, variables: { input: { k: 7, expectedVersion: 0 } } },
          result: { data: { updateReportSettings: { __typename: 'ReportSettings', k: 7, version: 1 } } },
        },
        settings(7, 1),
        { request: { query: RefreshReportsMutation }, result: { data: { refreshReports: { __typename: 'ReportRefresh', ran: true, written: ['current'] } } } },
      ],
      { viewer: adminViewer },
    );
    expect(await screen.findByRole('link', { name: 'Leadership: organisation-wide reports' }, { timeout: 5000 })).toHaveAttribute('href', '/reports');
    const k = screen.getByRole('textbox', { name: /Smallest group a figure may describe/ });
    expect(k).toHaveValue('5');
    await user.clear(k);
    await user.type(k, '2');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/at least 3/)).toBeInTheDocument();
    await user.clear(k);
    await user.type(k, '7');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Reports now hide figures about fewer than 7 people (from their next refresh).')).toBeInTheDocument();
  });
});
