import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { adminViewer } from '../../test/session';
import { AUDIT_PAGE_SIZE, AuditLogQuery, describeUserAgent } from './AuditPage';

const event = (i: number) => ({
  __typename: 'AuditEvent',
  id: `ev-${i}`,
  at: new Date(Date.UTC(2026, 2, 1, 12, 0) - i * 60_000).toISOString(),
  action: 'person.updated',
  summary: `Change number ${i}`,
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0',
  actor: { __typename: 'Person', id: 'p-asha', name: 'Asha Patel' },
  subjectPerson: null,
});

describe('Audit log', () => {
  it('pages back with "Load older", appending the older entries', async () => {
    const first = Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => event(i));
    const older = [event(AUDIT_PAGE_SIZE), event(AUDIT_PAGE_SIZE + 1)];
    const { user } = renderRoute(
      '/admin/audit',
      [
        { request: { query: AuditLogQuery, variables: { limit: AUDIT_PAGE_SIZE } }, result: { data: { auditEvents: first } } },
        {
          request: { query: AuditLogQuery, variables: { limit: AUDIT_PAGE_SIZE, before: first[first.length - 1]!.at } },
          result: { data: { auditEvents: older } },
        },
      ],
      { viewer: adminViewer },
    );

    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(table).getAllByRole('row')).toHaveLength(AUDIT_PAGE_SIZE + 1);
    expect(within(table).getAllByText('Firefox on Windows')).toHaveLength(AUDIT_PAGE_SIZE);

    await user.click(screen.getByRole('button', { name: 'Load older' }));

    expect(await within(table).findByText(`Change number ${AUDIT_PAGE_SIZE + 1}`)).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(AUDIT_PAGE_SIZE + 3);
    expect(screen.queryByRole('button', { name: 'Load older' })).not.toBeInTheDocument();
    expect(screen.getByText('That is everything: the log starts here.')).toBeInTheDocument();
  });

  it('names browsers briefly', () => {
    expect(describeUserAgent(null)).toBeNull();
    expect(
      describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'),
    ).toBe('Safari on macOS');
  });
});
