import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render';
import { notificationsMock } from '../../test/session';
import { MarkNotificationReadMutation, NotificationAddedSubscription } from './NotificationsBell';

const notification = (id: string, message: string, readAt: string | null = null) => ({
  __typename: 'Notification' as const,
  id,
  kind: 'plan-agree',
  message,
  planId: 'plan-1',
  link: '/my-plan',
  createdAt: '2026-06-02T10:00:00.000Z',
  readAt,
});

describe('notifications bell', () => {
  it('says how many are unread, lists them, and marks one read from the keyboard', async () => {
    const agreed = notification('n-1', 'Your manager agreed your plan.');
    const reminder = notification('n-2', 'Your plan review is due.', '2026-06-01T08:00:00.000Z');
    const { user } = renderRoute('/account', [
      { ...notificationsMock([agreed, reminder]), maxUsageCount: 1 },
      { request: { query: MarkNotificationReadMutation, variables: { id: 'n-1' } }, result: { data: { markNotificationRead: true } } },
      notificationsMock([{ ...agreed, readAt: '2026-06-02T11:00:00.000Z' }, reminder]),
    ]);

    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    bell.focus();
    await user.keyboard('{Enter}');
    const list = await screen.findByRole('list', { name: 'Notifications' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Your manager agreed your plan.'),
      expect.stringContaining('Your plan review is due.'),
    ]);
    expect(within(list).getAllByRole('button', { name: 'Mark read' })).toHaveLength(1);

    await user.click(within(list).getByRole('button', { name: 'Mark read' }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(within(list).queryByRole('button', { name: 'Mark read' })).not.toBeInTheDocument();
  });

  it('leads to what a notification is about, and opening it marks it read', async () => {
    const proposed = { ...notification('n-3', 'Dan Kowalski proposed their development plan for your agreement.'), kind: 'plan-propose', link: '/plans/p-dan' };
    const { user, router } = renderRoute('/account', [
      { ...notificationsMock([proposed]), maxUsageCount: 1 },
      { request: { query: MarkNotificationReadMutation, variables: { id: 'n-3' } }, result: { data: { markNotificationRead: true } } },
      notificationsMock([{ ...proposed, readAt: '2026-06-02T11:00:00.000Z' }]),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const link = within(await screen.findByRole('list', { name: 'Notifications' })).getByRole('link', { name: proposed.message });
    expect(link).toHaveAttribute('href', '/plans/p-dan');
    await user.click(link);
    expect(router.state.location.pathname).toBe('/plans/p-dan');
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  });

  it('shows a notification pushed over the subscription, without asking for the list again', async () => {
    const reminder = notification('n-5', 'Your plan review is due.', '2026-06-01T08:00:00.000Z');
    const agreed = notification('n-6', 'Your manager agreed your plan.');
    const { user } = renderRoute('/account', [
      notificationsMock([reminder]),
      { request: { query: NotificationAddedSubscription }, result: { data: { notificationAdded: agreed } }, delay: 20 },
    ]);
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await user.click(bell);
    const list = await screen.findByRole('list', { name: 'Notifications' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Your manager agreed your plan.'),
      expect.stringContaining('Your plan review is due.'),
    ]);
  });

  it('has an empty state', async () => {
    const { user } = renderRoute('/account', []);
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText('Nothing new. Reminders about plans and reviews will appear here.')).toBeInTheDocument();
  });
});
