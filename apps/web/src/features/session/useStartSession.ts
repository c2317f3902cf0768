import { useApolloClient } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { type SignedInViewer, writeViewer } from './viewer';

/**
 * After signing in, signing up or accepting an invitation: forget whatever the cache held before (another person's
 * data must not show through), record the new viewer, and go on.
 */
export function useStartSession() {
  const client = useApolloClient();
  const navigate = useNavigate();
  return async (viewer: SignedInViewer, to: string) => {
    await client.clearStore();
    writeViewer(client.cache, viewer);
    await navigate(to, { replace: true });
  };
}
