/**
 * The suite's oracle: what the running app's GraphQL API says about the seeded framework, so that the
 * browser checks compare the page with real data instead of copies of the seed wording.
 */
import { baseURL } from './app-server';

/** The demo accounts `npm start` seeds (README lists them); every one has DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'trellis-demo-2026';
export const DEMO = {
  admin: 'asha.patel@demo.example',
  leadership: 'farid.haddad@demo.example',
  manager: 'grace.liu@demo.example',
  employee: 'dan.kowalski@demo.example',
} as const;

/** A signed-in API session: the session cookie the app set when `email` signed in. */
export interface ApiSession {
  cookie: string;
}

export async function signInApi(email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const res = await post(
    'mutation E2ESignIn($input: SignInInput!) { signIn(input: $input) { person { id } } }',
    { input: { email, password } },
  );
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`signing in as ${email} set no cookie: ${(await res.text()).slice(0, 500)}`);
  return { cookie };
}

function post(query: string, variables: Record<string, unknown>, session?: ApiSession): Promise<Response> {
  return fetch(`${baseURL()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(session ? { cookie: session.cookie } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
}

export async function graphql<T>(session: ApiSession, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await post(query, variables, session);
  const text = await res.text();
  let body: { data?: T; errors?: { message: string }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`POST /graphql answered ${res.status} with non-JSON: ${text.slice(0, 500)}`);
  }
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`POST /graphql answered ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 1000)}`);
  }
  return body.data;
}

interface FrameworksData {
  frameworks: {
    id: string;
    name: string;
    currentVersion: {
      tracks: { name: string }[];
      roles: { title: string; expectations: { level: number; descriptor: string; skill: { name: string } }[] }[];
    } | null;
  }[];
}

export interface FrameworkFacts {
  frameworkName: string;
  trackNames: string[];
  roleTitle: string;
  expectations: { skill: string; level: number; descriptor: string }[];
}

/** The framework whose name contains `frameworkName` (as the link's accessible name does) and one of its roles. */
export async function frameworkFacts(session: ApiSession, frameworkName: string, roleTitle: string): Promise<FrameworkFacts> {
  const data = await graphql<FrameworksData>(session, `
    query E2EFrameworkFacts {
      frameworks {
        id
        name
        currentVersion {
          tracks { name }
          roles { title expectations { level descriptor skill { name } } }
        }
      }
    }
  `);
  const framework = data.frameworks.find((f) => f.name.toLowerCase().includes(frameworkName.toLowerCase()));
  if (!framework?.currentVersion) {
    throw new Error(
      `the API has no published framework named like "${frameworkName}" (it has: ${data.frameworks.map((f) => f.name).join(', ') || 'none'})`,
    );
  }
  const role = framework.currentVersion.roles.find((r) => r.title === roleTitle);
  if (!role) throw new Error(`framework "${framework.name}" has no role titled "${roleTitle}"`);
  return {
    frameworkName: framework.name,
    trackNames: framework.currentVersion.tracks.map((t) => t.name),
    roleTitle: role.title,
    expectations: role.expectations.map((e) => ({ skill: e.skill.name, level: e.level, descriptor: e.descriptor })),
  };
}
