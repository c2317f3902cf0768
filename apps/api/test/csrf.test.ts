import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The CSRF rule (GraphQL only as a JSON POST) must hold on the route GraphQL is served from,
 * however a request spells its path: a cross-site form or a plain link could otherwise run
 * operations with the victim's cookie.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ seed: false });
});

afterAll(async () => {
  await t.close();
});

/** Spellings a router may take for /graphql: percent-encoded letters, case, slashes, `;` parameters, dot segments. */
const SPELLINGS = [
  '/graphql',
  '/%67raphql',
  '/graphq%6C',
  '/%67%72%61%70%68%71%6c',
  '/GRAPHQL',
  '/GraphQL',
  '/graphql/',
  '//graphql',
  '/graphql;',
  '/graphql;x=1',
  '/./graphql',
  '/x/../graphql',
  '/graphql%2F',
  '/graphql?',
  '/graphql#x',
];

const MUTATION = 'mutation { requestPasswordReset(email: "nobody@example.com") }';

function ran(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown };
    return parsed.data !== undefined && parsed.data !== null;
  } catch {
    return false;
  }
}

describe('GraphQL refuses what a cross-site page can send, on every spelling of its path', () => {
  it.each(SPELLINGS)('a form POST to %s runs nothing', async (url) => {
    const form = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `query=${encodeURIComponent(MUTATION)}`,
    });
    expect(ran(form.body)).toBe(false);
    expect(form.statusCode).toBeGreaterThanOrEqual(400);

    const text = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ query: MUTATION }),
    });
    expect(ran(text.body)).toBe(false);
    expect(text.statusCode).toBeGreaterThanOrEqual(400);

    const graphqlBody = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/graphql' },
      payload: MUTATION,
    });
    expect(ran(graphqlBody.body)).toBe(false);
    expect(graphqlBody.statusCode).toBeGreaterThanOrEqual(400);
  });

  it.each(SPELLINGS)('a GET of %s runs no query', async (url) => {
    const separator = url.includes('?') ? '&' : '?';
    const response = await t.app.inject({ method: 'GET', url: `${url.replace(/#.*$/, '')}${separator}query=${encodeURIComponent('{ __typename }')}` });
    expect(ran(response.body)).toBe(false);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('the route GraphQL serves answers the refusal in GraphQL form, with a code', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/%67raphql',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ query: MUTATION }),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) })],
    });
  });

  it('a JSON POST still runs, on the plain path and on an encoded one', async () => {
    for (const url of ['/graphql', '/%67raphql']) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.json()).toEqual({ data: { __typename: 'Query' } });
    }
  });
});
