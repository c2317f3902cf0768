import { Button, Group, Notification, Stack, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
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

interface Toast extends ToastInput {
  id: number;
}

interface ToastApi {
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const MAX_TOASTS = 3;

/**
 * Success messages for the signed-in app: a polite live region at the bottom of the screen. A toast stays until it
 * is dismissed (people need time to reach its Undo), and only the newest few are kept.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    setToasts((current) => [...current, { ...toast, id }].slice(-MAX_TOASTS));
    return id;
  }, []);
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section aria-label="Notifications" className={classes.region}>
        <Stack gap="xs" aria-live="polite" aria-relevant="additions text">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
          ))}
        </Stack>
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const run = async (action: ToastAction) => {
    setRunning(true);
    setFailed(null);
    try {
      await action.onClick();
      onDismiss();
    } catch (error) {
      setFailed(error instanceof Error ? error.message : 'That did not work.');
      setRunning(false);
    }
  };
  return (
    <Notification
      title={toast.title}
      color={toast.color ?? 'pine'}
      withBorder
      onClose={onDismiss}
      closeButtonProps={{ 'aria-label': 'Dismiss notification' }}
      className={classes.toast}
    >
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
    </Notification>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() needs a <ToastProvider> above it');
  return api;
}
