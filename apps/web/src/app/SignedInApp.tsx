import { Center, Container, Stack } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { ToastProvider } from '../components/Toasts';
import { useViewer, ViewerContext } from '../features/session/viewer';
import { signInPath } from '../lib/navigation';
import { AppLayout } from './AppLayout';

/**
 * The route guard of the signed-in app: it waits for `viewer`, sends signed-out people to the sign-in page (which
 * brings them back here afterwards), and gives the pages below the signed-in viewer.
 */
export function SignedInApp() {
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();

  if (error) {
    return (
      <Container size="sm" py="xl">
        <ErrorState title="Trellis could not check who is signed in" error={error} onRetry={() => refetch()} />
      </Container>
    );
  }
  if (loading || viewer === undefined) {
    return (
      <Container size="sm" py="xl">
        <Center>
          <Stack w="100%">
            <LoadingState label="Checking who is signed in…" lines={3} />
          </Stack>
        </Center>
      </Container>
    );
  }
  if (!viewer) {
    return <Navigate to={signInPath(location.pathname + location.search + location.hash)} replace />;
  }
  return (
    <ViewerContext.Provider value={viewer}>
      <ToastProvider>
        <AppLayout />
      </ToastProvider>
    </ViewerContext.Provider>
  );
}
