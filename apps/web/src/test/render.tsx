import { MantineProvider } from '@mantine/core';
import { ApolloLink } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { MockLink } from '@apollo/client/testing';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache, createSessionLink } from '../app/apollo';
import { preloadPages, routes } from '../app/routes';
import { cssVariablesResolver, theme } from '../app/theme';
import { writeViewer, type SignedInViewer } from '../features/session/viewer';
import { employeeViewer, notificationsMock, viewerMock } from './session';

export interface RenderRouteOptions {
  /** Who is signed in (an employee unless told); null for nobody. */
  viewer?: SignedInViewer | null;
  /**
   * Whether the app already knows who is signed in when it starts (true: the page renders at once, as after
   * signing in); false makes the guard ask the API first, as on a fresh page load.
   */
  viewerKnown?: boolean;
}

// Pages are loaded on demand in the app (routes.tsx); tests load them all first, so a page renders as soon as its
// data is there, as it does in the browser once its chunk has arrived.
beforeAll(() => preloadPages(), 60_000);

/**
 * Renders the real route tree at `path`, with the app's cache policies, its session link (UNAUTHENTICATED → signed
 * out) and the given GraphQL mocks, plus an answer to `viewer`.
 * Mantine runs in its test env (no transitions or portals), so assertions see the final DOM.
 */
export function renderRoute(
  path: string,
  mocks: ReadonlyArray<MockLink.MockedResponse>,
  { viewer = employeeViewer, viewerKnown = true }: RenderRouteOptions = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const mockLink = new MockLink([viewerMock(viewer), ...mocks, notificationsMock([])], { defaultOptions: { delay: 0 } });
  const cache = createCache();
  if (viewerKnown) writeViewer(cache, viewer);
  const result = render(
    <MockedProvider link={ApolloLink.from([createSessionLink(), mockLink])} cache={cache}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env="test">
        <RouterProvider router={router} />
      </MantineProvider>
    </MockedProvider>,
  );
  return { ...result, router, user, cache };
}
