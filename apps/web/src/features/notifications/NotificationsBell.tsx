import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { LIVE_RECONNECTED } from '../../app/apollo';
import { graphql } from '../../gql';
import { describeError } from '../../lib/errors';

export const MyNotificationsQuery = graphql(`
  query MyNotifications {
    myNotifications {
      id
      kind
      message
      planId
      link
      createdAt
      readAt
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      kind
      message
      planId
      link
      createdAt
      readAt
    }
  }
`);

export const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id)
  }
`);

/** The bell in the header: how many notifications are unread, and the list (newest first) to read them. */
export function NotificationsBell() {
  const [opened, setOpened] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { data, error, refetch } = useQuery(MyNotificationsQuery);
  // New notifications are pushed (graphql-ws) and put at the top of the cached list, newest first.
  useSubscription(NotificationAddedSubscription, {
    onData: ({ client, data: pushed }) => {
      const added = pushed.data?.notificationAdded;
      if (!added) return;
      client.cache.updateQuery({ query: MyNotificationsQuery }, (previous) =>
        !previous || previous.myNotifications.some((n) => n.id === added.id) ? previous : { myNotifications: [added, ...previous.myNotifications] },
      );
    },
  });
  // What was pushed while the connection was down, or the tab asleep, is read again then.
  useEffect(() => {
    const catchUp = () => void refetch().catch(() => undefined);
    window.addEventListener(LIVE_RECONNECTED, catchUp);
    window.addEventListener('focus', catchUp);
    return () => {
      window.removeEventListener(LIVE_RECONNECTED, catchUp);
      window.removeEventListener('focus', catchUp);
    };
  }, [refetch]);
  const [markRead] = useMutation(MarkNotificationReadMutation);
  const notifications = data?.myNotifications ?? [];
  const unread = notifications.filter((n) => !n.readAt).length;
  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;

  const read = async (id: string) => {
    setFailure(null);
    try {
      await markRead({ variables: { id } });
      await refetch();
    } catch (err) {
      setFailure(describeError(err));
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} trapFocus returnFocus shadow="md">
      {/* The popover's target is the button itself (it gets aria-haspopup/aria-expanded), not the badge's wrapper div. */}
      <Indicator label={unread} size={16} disabled={unread === 0} offset={4}>
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} aria-expanded={opened} onClick={() => setOpened((o) => !o)}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Title order={2} size="h5">
            Notifications
          </Title>
          {error && !data ? (
            <Text size="sm" c="red.8" role="alert">
              Could not load your notifications: {describeError(error)}
            </Text>
          ) : null}
          {data && notifications.length === 0 ? <Text size="sm">Nothing new. Reminders about plans and reviews will appear here.</Text> : null}
          {notifications.length > 0 ? (
            <Stack gap={6} component="ul" aria-label="Notifications" style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 360, overflowY: 'auto' }}>
              {notifications.map((notification, index) => (
                <li key={notification.id}>
                  {index > 0 ? <Divider mb={6} /> : null}
                  {notification.link ? (
                    // Opening it marks it read: the person has gone to what it is about.
                    <Anchor
                      component={Link}
                      to={notification.link}
                      size="sm"
                      fw={notification.readAt ? 400 : 600}
                      onClick={() => {
                        setOpened(false);
                        if (!notification.readAt) void read(notification.id);
                      }}
                    >
                      {notification.message}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={notification.readAt ? 400 : 600}>
                      {notification.message}
                    </Text>
                  )}
                  <Group justify="space-between" gap="xs">
                    <Text size="xs" c="dimmed">
                      {new Date(notification.createdAt).toLocaleString()}
                      {notification.readAt ? ' · read' : ''}
                    </Text>
                    {notification.readAt ? null : (
                      <Button size="compact-xs" variant="subtle" onClick={() => void read(notification.id)}>
                        Mark read
                      </Button>
                    )}
                  </Group>
                </li>
              ))}
            </Stack>
          ) : null}
          {failure ? (
            <Text size="xs" c="red.8" role="alert">
              {failure}
            </Text>
          ) : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
