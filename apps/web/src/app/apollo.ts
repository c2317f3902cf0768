import { ApolloClient, HttpLink, InMemoryCache, type ApolloLink, type FieldPolicy, type Reference } from '@apollo/client';

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
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          framework: entityById('Framework'),
          role: entityById('Role'),
        },
      },
      ProficiencyLevel: { keyFields: false },
      SkillLevel: { keyFields: false },
      RoleQualification: { keyFields: false },
      FrameworkVersion: {
        fields: {
          proficiencyScale: { merge: false },
        },
      },
      Skill: {
        fields: {
          levels: { merge: false },
        },
      },
      Role: {
        fields: {
          qualifications: { merge: false },
          responsibilities: { merge: false },
        },
      },
    },
  });
}

/** The API serves the built app, so `/graphql` is same-origin in production; Vite proxies it in development. */
export function createHttpLink(uri = '/graphql'): ApolloLink {
  return new HttpLink({ uri, credentials: 'same-origin' });
}

export function createApolloClient(link: ApolloLink = createHttpLink()): ApolloClient {
  return new ApolloClient({
    link,
    cache: createCache(),
  });
}
