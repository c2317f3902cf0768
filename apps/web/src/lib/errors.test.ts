import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { describeError, fieldErrorsOf, fieldLabel, formErrorsOf, isNotFoundError, requestIdOf } from './errors';

const graphqlError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });

/** A refusal the API answers with an HTTP error status: Apollo hands it over as a ServerError with the body as text. */
function refusal(status: number, errors: { message: string; extensions: Record<string, unknown> }[]) {
  const bodyText = JSON.stringify({ data: null, errors });
  return new ServerError('refused', { response: new Response(bodyText, { status }), bodyText });
}

describe('describeError', () => {
  it('an INTERNAL error gives the reference to quote', () => {
    const error = graphqlError('Something went wrong on our side; it has been logged.', { code: 'INTERNAL', requestId: 'f0e1d2c3-0000-4000-8000-000000000001' });
    expect(requestIdOf(error)).toBe('f0e1d2c3-0000-4000-8000-000000000001');
    expect(describeError(error)).toMatch(/reference f0e1d2c3-0000-4000-8000-000000000001/);
  });

  it('an oversize upload (HTTP 413) says to send less, not "status 413"', () => {
    const error = refusal(413, [{ message: 'The request is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }]);
    expect(describeError(error)).toMatch(/too large to send in one go/);
  });

  it('a request the server could not read asks for a reload', () => {
    expect(describeError(refusal(400, [{ message: 'Syntax Error: Expected Name', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }]))).toMatch(/Reload the page/);
    expect(describeError(refusal(400, [{ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]))).toMatch(/out of date/);
    expect(describeError(refusal(400, [{ message: 'The query is too complex', extensions: { code: 'QUERY_TOO_COMPLEX' } }]))).toMatch(/too large/);
  });

  it('a status without a GraphQL body still says the status', () => {
    const bodyText = '<html>Bad gateway</html>';
    expect(describeError(new ServerError('x', { response: new Response(bodyText, { status: 502 }), bodyText }))).toBe('The server answered with status 502.');
  });
});

describe('field errors', () => {
  it('are read from a 200 answer and from a refusal with an HTTP error status alike', () => {
    const fields = { dueOn: 'A due date is a calendar date (YYYY-MM-DD).' };
    expect(fieldErrorsOf(graphqlError('x', { code: 'BAD_USER_INPUT', fields }))).toEqual(fields);
    expect(fieldErrorsOf(refusal(400, [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields } }]))).toEqual(fields);
    expect(isNotFoundError(refusal(400, [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: { id: 'Not a valid id.' } } }]))).toBe(true);
  });

  it('a problem with a field the form does not show is named in the message', () => {
    const error = graphqlError('x', { code: 'BAD_USER_INPUT', fields: { title: 'Use at most 200 characters.', 'progress[0].note': 'Contains characters that cannot be stored.' } });
    expect(formErrorsOf(error, ['title'])).toEqual({
      fields: { title: 'Use at most 200 characters.' },
      message: 'Progress 1, note: Contains characters that cannot be stored.',
    });
  });

  it('labels', () => {
    expect(fieldLabel('dueOn')).toBe('Due on');
    expect(fieldLabel('operations[2].name')).toBe('Operations 3, name');
    expect(fieldLabel('expectedVersion')).toBe('Expected version');
  });
});
