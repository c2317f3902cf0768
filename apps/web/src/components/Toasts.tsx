import { Button, Group, Stack, Text } from '@mantine/core';
import { Notifications, createNotificationsStore, hideNotification, showNotification } from '@mantine/notifications';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import classes from './Toasts.module.css';

export interface ToastAction {
  label: string;
  onClick: () => void | Promise<unknown>;
}

export interface ToastInput {
  message: ReactNode;
  title?: string;
  color?: 'pine' | 'red' | 'blue';
  /** One follow-up, such as Undo; the toast closes once it has run. */
  action?: ToastAction;
}

interface ToastApi {
  show: (toast: ToastInput) => string;
  dismiss: (id: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const MAX_TOASTS = 3;

/**
 * Success messages for the signed-in app, shown with @mantine/notifications (bottom right, in a polite
 * live region). A toast stays until it is dismissed (people need time to reach its Undo), and only the
 * newest few show. Each provider has its own store, so two apps (or two tests) never share toasts.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const store = useMemo(() => createNotificationsStore(), []);
  const dismiss = useCallback((id: string) => void hideNotification(id, store), [store]);
  const show = useCallback(
    (toast: ToastInput) => {
      const id = `toast-${Math.random().toString(36).slice(2)}`;
      showNotification(
        {
          id,
          title: toast.title,
          color: toast.color ?? 'pine',
          withBorder: true,
          autoClose: false,
          className: classes.toast,
          closeButtonProps: { 'aria-label': 'Dismiss notification' },
          message: <ToastBody toast={toast} onDone={() => hideNotification(id, store)} />,
        },
        store,
      );
      return id;
    },
    [store],
  );
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section aria-label="Notifications" className={classes.region}>
        <div aria-live="polite" aria-relevant="additions text">
          <Notifications store={store} limit={MAX_TOASTS} withinPortal={false} position="bottom-right" containerWidth="min(420px, calc(100vw - 2rem))" />
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function ToastBody({ toast, onDone }: { toast: ToastInput; onDone: () => void }) {
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const run = async (action: ToastAction) => {
    setRunning(true);
    setFailed(null);
    try {
      await action.onClick();
      onDone();
    } catch (error) {
      setFailed(error instanceof Error ? error.message : 'That did not work.');
      setRunning(false);
    }
  };
  return (
    <Stack gap={6}>
      <Text size="sm">{toast.message}</Text>
      {failed ? (
        <Text size="sm" c="red.8">
          {failed}
        </Text>
      ) : null}
      {toast.action ? (
        <Group gap="xs">
          <Button size="compact-sm" variant="light" loading={running} onClick={() => void run(toast.action!)}>
            {toast.action.label}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() needs a <ToastProvider> above it');
  return api;
}
