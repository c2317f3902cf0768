import { Container } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';
import { LoadingState } from './QueryStates';

/**
 * Where a page loaded on demand (routes.tsx: each page is its own chunk) waits for its code: the layout
 * stays, and the page's place shows an announced loading state shaped like a page.
 */
export function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState label="Loading the page…" lines={6} />}>{children}</Suspense>;
}

/** Where the signed-in app's shell (header, navigation, the session check) waits for its code on a first load. */
export function ShellSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Container size="sm" py="xl">
          <LoadingState label="Loading Trellis…" lines={3} />
        </Container>
      }
    >
      {children}
    </Suspense>
  );
}
