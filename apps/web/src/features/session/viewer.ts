import { useQuery } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import { createContext, useContext } from 'react';
import { graphql } from '../../gql';
import type { ViewerFieldsFragment } from '../../gql/graphql';

export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    accessRole
    isManager
    organisation {
      id
      name
      slug
    }
    person {
      id
      name
      email
      jobTitle
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      ...ViewerFields
    }
  }
`);

export type SignedInViewer = ViewerFieldsFragment;

/** Who is signed in: `viewer` is null when nobody is, undefined while the first answer is on its way. */
export function useViewer() {
  const { data, loading, error, refetch } = useQuery(ViewerQuery);
  return { viewer: data?.viewer, loading: loading && !data, error: data ? undefined : error, refetch };
}

/** Records who is signed in (or that nobody is) so every `useViewer` sees it without asking the server. */
export function writeViewer(cache: ApolloCache, viewer: SignedInViewer | null): void {
  cache.writeQuery({ query: ViewerQuery, data: { viewer } });
}

export const ViewerContext = createContext<SignedInViewer | null>(null);

/** The signed-in viewer, inside the signed-in part of the app (the route guard provides it). */
export function useSignedInViewer(): SignedInViewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useSignedInViewer() is only available inside the signed-in app');
  return viewer;
}

export function isAdmin(viewer: Pick<SignedInViewer, 'accessRole'>): boolean {
  return viewer.accessRole === 'ADMIN';
}

/** Reports are for the Leadership and Admin access roles (the API enforces it; this only shapes the navigation). */
export function canSeeReports(accessRole: string): boolean {
  return accessRole === 'LEADERSHIP' || accessRole === 'ADMIN';
}
