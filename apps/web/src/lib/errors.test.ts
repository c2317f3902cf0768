import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import {
  describeError,
  fieldErrorsOf,
  formErrorsOf,
  hasErrorCode,
  httpStatusOf,
  isNotFoundError,
  requestIdOf,
  retryAfterSecondsOf,
  unavailableOf,
} from './errors';

type Refused = { message: string; extensions: Record<string, unknown> };

/** An error the API answered with HTTP 200 (GraphQL ran): Apollo gives a CombinedGraphQLErrors. */
const answered = (message: string, extensions: Record<string, unknown>) => new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });

/** A refusal the API sent with an HTTP error status and a JSON body: Apollo Client 4 gives a ServerError with the body as text. */
function refused(status: number, errors: Refused[], headers: Record<string, string> = {}) {
  const bodyText = JSON.stringify({ errors });
  return new ServerError(`Response not successful: Received status code ${status}`, {
    response: new Response(bodyText, { status, headers: { 'content-type': 'application/json', ...headers } }),
    bodyText,
  });
}

describe('describeError: one sentence per API error code', () => {
  it('BAD_USER_INPUT: the API’s own message, from a 200 answer and from a 400 refusal', () => {
    expect(describeError(answered('Use at most 200 characters.', { code: 'BAD_USER_INPUT', fields: { title: 'Use at most 200 characters.' } }))).toBe('Use at most 200 characters.');
    expect(describeError(refused(400, [{ message: 'Variable "$id" got invalid value.', extensions: { code: 'BAD_USER_INPUT', fields: { id: 'Not a valid id.' } } }]))).toBe(
      'Variable "$id" got invalid value.',
    );
  });

  it('GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED (400): the page is out of date, reload', () => {
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']) {
      const message = describeError(refused(400, [{ message: 'Syntax Error: Expected Name', extensions: { code } }]));
      expect(message).toBe('This page is out of date with the server (Trellis may have been updated). Reload the page and try again.');
    }
  });

  it('QUERY_TOO_COMPLEX (400): refused as too large or complex, reload', () => {
    expect(describeError(refused(400, [{ message: 'Too many aliases.', extensions: { code: 'QUERY_TOO_COMPLEX' } }]))).toBe(
      'The server refused this request as too large or too complex. Reload the page and try again.',
    );
  });

  it('BAD_REQUEST (400, 405, 415): the server could not read it, reload', () => {
    for (const status of [400, 405, 415]) {
      expect(describeError(refused(status, [{ message: 'GraphQL is served as POST with Content-Type: application/json.', extensions: { code: 'BAD_REQUEST' } }]))).toBe(
        'The server could not read this request. Reload the page and try again.',
      );
    }
  });

  it('PAYLOAD_TOO_LARGE (413): send less, not "status 413"; a bare 413 from a proxy says the same', () => {
    const expected = 'That is too large to send in one go (at most 12 MB). Split it into smaller parts, or import a smaller file.';
    expect(describeError(refused(413, [{ message: 'The request is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }]))).toBe(expected);
    const bodyText = '<html>413 Request Entity Too Large</html>';
    expect(describeError(new ServerError('x', { response: new Response(bodyText, { status: 413 }), bodyText }))).toBe(expected);
  });

  it('SERVICE_UNAVAILABLE: each reason, with the Retry-After of a 503', () => {
    const overloaded = refused(503, [{ message: 'Overloaded', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'OVERLOADED' } }], { 'Retry-After': '5' });
    expect(unavailableOf(overloaded)).toEqual({ reason: 'OVERLOADED', retryAfterSeconds: 5 });
    expect(describeError(overloaded)).toBe('Trellis is overloaded right now. Try again in 5 seconds.');
    expect(describeError(answered('busy', { code: 'SERVICE_UNAVAILABLE', reason: 'TOO_BUSY' }))).toBe(
      'Trellis is too busy to work this out right now. Try again in a moment.',
    );
    expect(describeError(answered('took too long', { code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' }))).toBe(
      'This took too long to work out and was stopped. Try again, or ask about fewer things at once.',
    );
    expect(unavailableOf(answered('x', { code: 'NOT_FOUND' }))).toBeNull();
  });

  it('INTERNAL: says it was logged and gives the reference to quote, at 200 and at 500', () => {
    const requestId = 'f0e1d2c3-0000-4000-8000-000000000001';
    const atOk = answered('Something went wrong on our side; it has been logged.', { code: 'INTERNAL', requestId });
    expect(requestIdOf(atOk)).toBe(requestId);
    expect(describeError(atOk)).toBe(`Something went wrong on our side; it has been logged. If it keeps happening, tell your admin the reference ${requestId}.`);
    const before = refused(500, [{ message: 'Something went wrong on our side; it has been logged.', extensions: { code: 'INTERNAL', requestId } }]);
    expect(describeError(before)).toBe(`Something went wrong on our side; it has been logged. If it keeps happening, tell your admin the reference ${requestId}.`);
    expect(describeError(answered('x', { code: 'INTERNAL' }))).toBe('Something went wrong on our side; it has been logged.');
  });

  it('a 5xx without a GraphQL body (a proxy) says its status, and the request id header when there is one', () => {
    const bodyText = '<html>Bad gateway</html>';
    expect(describeError(new ServerError('x', { response: new Response(bodyText, { status: 502 }), bodyText }))).toBe('The server answered with status 502.');
    const withId = new ServerError('x', { response: new Response(bodyText, { status: 500, headers: { 'x-request-id': 'req-42' } }), bodyText });
    expect(describeError(withId)).toBe('The server answered with status 500. If it keeps happening, tell your admin the reference req-42.');
  });

  it('TOO_MANY_ATTEMPTS: how long to wait', () => {
    const locked = answered('Too many attempts.', { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 840 });
    expect(retryAfterSecondsOf(locked)).toBe(840);
    expect(describeError(locked)).toBe('Too many attempts. Try again in 14 minutes.');
    expect(describeError(answered('Too many attempts.', { code: 'TOO_MANY_ATTEMPTS' }))).toBe('Too many attempts. Wait a while, then try again.');
  });

  it('UNAUTHENTICATED, FORBIDDEN, and codes read from a refusal body as from a 200 answer', () => {
    expect(describeError(answered('Sign in to continue.', { code: 'UNAUTHENTICATED' }))).toBe('Your session has ended. Sign in again to carry on.');
    expect(describeError(answered('You are not allowed to read this.', { code: 'FORBIDDEN' }))).toBe(
      'You do not have permission to see or do this. Ask an admin if you need it.',
    );
    expect(hasErrorCode(refused(400, [{ message: 'x', extensions: { code: 'QUERY_TOO_COMPLEX' } }]), 'QUERY_TOO_COMPLEX')).toBe(true);
    expect(httpStatusOf(refused(413, []))).toBe(413);
    expect(httpStatusOf(answered('x', { code: 'CONFLICT' }))).toBeNull();
  });

  it('CONFLICT, NOT_FOUND and codes it does not know: the API’s message', () => {
    expect(describeError(answered('Asha Patel changed this plan at 14:02 UTC: reload to see it.', { code: 'CONFLICT' }))).toBe(
      'Asha Patel changed this plan at 14:02 UTC: reload to see it.',
    );
    expect(describeError(answered('Role does not exist.', { code: 'NOT_FOUND' }))).toBe('Role does not exist.');
  });

  it('an answer that is not JSON, and no answer at all', () => {
    const bodyText = '<html>oops</html>';
    const unreadable = new ServerParseError(new SyntaxError('Unexpected token <'), { response: new Response(bodyText, { status: 200 }), bodyText });
    expect(describeError(unreadable)).toBe("The server's answer could not be read (status 200). Reload the page and try again.");
    expect(describeError(new TypeError('Failed to fetch'))).toBe('Trellis could not reach the server. Check your connection and try again.');
  });
});

describe('field errors and "not found"', () => {
  it('are read from a 200 answer and from a 400 refusal alike', () => {
    const fields = { dueOn: 'A due date is a calendar date (YYYY-MM-DD).' };
    expect(fieldErrorsOf(answered('x', { code: 'BAD_USER_INPUT', fields }))).toEqual(fields);
    expect(fieldErrorsOf(refused(400, [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields } }]))).toEqual(fields);
  });

  it('a malformed id refused before GraphQL ran (400 BAD_USER_INPUT) is "not found", not a failure; other refusals are failures', () => {
    expect(isNotFoundError(refused(400, [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: { id: 'Not a valid id.' } } }]))).toBe(true);
    expect(isNotFoundError(answered('Role does not exist.', { code: 'NOT_FOUND' }))).toBe(true);
    expect(isNotFoundError(refused(400, [{ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]))).toBe(false);
    expect(isNotFoundError(answered('x', { code: 'INTERNAL' }))).toBe(false);
  });

  it('a form shows the fields it has beside them and the rest in one message', () => {
    const error = refused(400, [
      { message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: { title: 'Use at most 200 characters.', 'progress[0].note': 'Contains characters that cannot be stored.' } } },
    ]);
    expect(formErrorsOf(error, ['title'])).toEqual({ fields: { title: 'Use at most 200 characters.' }, message: 'Contains characters that cannot be stored.' });
    expect(formErrorsOf(refused(413, [{ message: 'x', extensions: { code: 'PAYLOAD_TOO_LARGE' } }]), ['title']).message).toMatch(/too large to send/);
  });
});
