import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldFunctionOptions, type FieldPolicy, type Reference, type StoreObject } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { ErrorLink } from '@apollo/client/link/error';
import { writeViewer } from '../features/session/viewer';
import { hasErrorCode } from '../lib/errors';

/** Reads `Query.<field>(id:)` straight from the cache when the entity is already there (e.g. a role seen on its framework page). */
function entityById(typename: string): FieldPolicy<Reference | null> {
  return {
    read(existing, { args, toReference, canRead }) {
      if (existing !== undefined) return existing;
      const id: unknown = args?.['id'];
      if (typeof id !== 'string') return undefined;
      const ref = toReference({ __typename: typename, id });
      // A dangling reference would make the query look complete-but-empty; let the network answer instead.
      return ref && canRead(ref) ? ref : undefined;
    },
  };
}

/**
 * The cache layout for the Trellis contract (apps/api/schema.gql):
 * - entities with an `id` are normalised by it (the default);
 * - value objects without identity (a scale step, a skill's level descriptor, a role's qualification link) stay
 *   embedded in their parent, and lists of them are replaced wholesale rather than merged.
 */
/** Lists of levels (no ids of their own): the incoming list, each item merged with the cached one of its level. */
function mergeByLevel(existing: readonly StoreObject[] | undefined, incoming: readonly StoreObject[], { readField, mergeObjects }: FieldFunctionOptions): StoreObject[] {
  const before = new Map((existing ?? []).map((item) => [readField<number>('level', item), item]));
  return incoming.map((item) => {
    const old = before.get(readField<number>('level', item));
    return old ? mergeObjects(old, item) : item;
  });
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          framework: entityById('Framework'),
          role: entityById('Role'),
          person: entityById('Person'),
          // The audit log is read a page at a time, newest first: a page asked for `before` a time is appended.
          auditEvents: {
            keyArgs: false,
            merge(existing: readonly Reference[] | undefined, incoming: readonly Reference[], { args }) {
              if (!args?.['before'] || !existing) return incoming;
              return [...existing, ...incoming];
            },
          },
        },
      },
      // Who is signed in has no id of its own: it lives on the root query, and a new answer replaces the old one.
      Viewer: { keyFields: false, merge: true },
      ProficiencyLevel: { keyFields: false },
      // A draft is identified by its framework; its parts have no ids and are replaced wholesale on every save.
      FrameworkDraft: {
        keyFields: ['frameworkId'],
        fields: Object.fromEntries(
          ['proficiencyScale', 'skillCategories', 'skills', 'tracks', 'roles', 'transitions', 'qualifications'].map((field) => [field, { merge: false }]),
        ),
      },
      SkillLevel: { keyFields: false },
      RoleQualification: { keyFields: false },
      FrameworkVersion: {
        fields: {
          proficiencyScale: { merge: false },
        },
      },
      // A skill's levels and scale are asked for with different fields by different pages (names only, or
      // descriptors too): merge them level by level so one page's answer does not drop another's fields.
      Skill: {
        fields: {
          levels: { merge: mergeByLevel },
          scale: { merge: true },
        },
      },
      SkillScale: { keyFields: false, fields: { levels: { merge: mergeByLevel } } },
      ScaleLevel: { keyFields: false },
      Role: {
        fields: {
          qualifications: { merge: false },
          responsibilities: { merge: false },
        },
      },
    },
  });
}

/** Operations that run signed out, or whose UNAUTHENTICATED answer is about the input rather than the session. */
const SESSIONLESS_OPERATIONS = new Set([
  'SignIn',
  'SignUp',
  'AcceptInvitation',
  'InvitationPreview',
  'RequestPasswordReset',
  'ResetPassword',
  'ChangePassword',
]);

/**
 * When the API says the session is gone (UNAUTHENTICATED), record that nobody is signed in: the route guard then
 * sends the person to the sign-in page, remembering the page they were on.
 */
export function createSessionLink(): ApolloLink {
  return new ErrorLink(({ error, operation }) => {
    if (!hasErrorCode(error, 'UNAUTHENTICATED')) return;
    if (SESSIONLESS_OPERATIONS.has(operation.operationName ?? '')) return;
    writeViewer(operation.client.cache, null);
  });
}

/** The API serves the built app, so `/graphql` is same-origin in production; Vite proxies it in development. */
export function createHttpLink(uri = '/graphql'): ApolloLink {
  return new HttpLink({ uri, credentials: 'same-origin' });
}

/** Dispatched on window when the live connection came back after a drop: what it missed is asked for again. */
export const LIVE_RECONNECTED = 'trellis:live-reconnected';

/**
 * Subscriptions over graphql-ws on the same origin's `/graphql` (the browser sends the session cookie with the
 * upgrade; the API checks it and the Origin). Lazy: it connects at the first subscription; it retries for ever,
 * since a restarting API process is routine.
 */
export function createLiveLink(path = '/graphql'): ApolloLink {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new GraphQLWsLink(
    createClient({
      url: url.toString(),
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      on: {
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) window.dispatchEvent(new Event(LIVE_RECONNECTED));
        },
      },
    }),
  );
}

/** Subscriptions go over the live (WebSocket) link, everything else over HTTP. */
export function createTransportLink(live: ApolloLink = createLiveLink(), http: ApolloLink = createHttpLink()): ApolloLink {
  return ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    live,
    http,
  );
}

export function createApolloClient(link: ApolloLink = ApolloLink.from([createSessionLink(), createTransportLink()])): ApolloClient {
  return new ApolloClient({
    link,
    cache: createCache(),
  });
}
