import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * What one GraphQL request may ask for, checked when the document is validated (before anything
 * runs, and cached per document by Mercurius). The web app's own operations stay well inside
 * (test/query-limits.test.ts runs every one of them through these rules); 1,000 aliases of
 * `planOf` in one request are refused instead of running for half a minute.
 */
export const QUERY_LIMITS = {
  /** Aliased fields in one operation: the web app uses none today. */
  maxAliases: 10,
  /** Nesting of selections (fragment spreads count as a level); the web app's deepest is 10 (the publish preview). */
  maxDepth: 14,
  /** @include/@skip and the like in one operation: the web app uses none today. */
  maxDirectives: 10,
  /** graphql-armor's cost (objects 2, scalars 1, times 1.5 per level); the web app's costliest is about 1,500. */
  maxCost: 5_000,
  /** Lexical tokens in one document, enforced by the parser (it stops reading past it); the web app's largest has under 130. */
  maxTokens: 2_000,
  /** Characters of one document (its text, not its variables: imports travel in variables); the web app's largest has about 1,200. */
  maxSourceLength: 50_000,
} as const;

export const TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** graphql-armor reports "Syntax Error: <limit>"; it is not a syntax error: say what it is, with our code. */
function reportTooComplex(context: ValidationContext | null, error: GraphQLError): void {
  const detail = error.message
    .replace(/^Syntax Error:\s*/, '')
    .toLowerCase()
    .replace(/found (\d+)\.\d+/, 'found $1');
  context?.reportError(
    new GraphQLError(`The query is too complex: ${detail} Ask for less in one request.`, {
      extensions: { code: TOO_COMPLEX },
    }),
  );
}

const reject = { onReject: [reportTooComplex], propagateOnRejection: false };

/** The validation rules added to GraphQL's own: the limits, and no introspection outside development. */
export function queryLimitRules(options: { introspection: boolean }): ValidationRule[] {
  const rules: ValidationRule[] = [
    maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...reject }),
    maxDepthRule({ n: QUERY_LIMITS.maxDepth, ...reject }),
    maxDirectivesRule({ n: QUERY_LIMITS.maxDirectives, ...reject }),
    costLimitRule({ maxCost: QUERY_LIMITS.maxCost, ...reject }),
  ] as ValidationRule[];
  // The schema is public in the repository (apps/api/schema.gql); a running production server
  // does not hand a map of itself to anyone who asks.
  if (!options.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}

/** The parser stops past these: a megabyte of `{a{a{a...` is refused before it is parsed. */
export const parseOptions = { maxTokens: QUERY_LIMITS.maxTokens, maxSourceLength: QUERY_LIMITS.maxSourceLength };

/** How GraphQL's parser words a refusal at those limits (QUERY_TOO_COMPLEX, not a syntax error). */
export const isParserLimitMessage = (message: string) => message.endsWith('Parsing aborted.');
