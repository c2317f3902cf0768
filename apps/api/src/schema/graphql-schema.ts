import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { frameworkPathsResolvers } from '../frameworks/framework-paths.resolvers.js';
import { frameworkResolvers } from '../frameworks/framework.resolvers.js';
import { frameworkDraftResolvers } from '../frameworks/drafts/framework-draft.resolvers.js';
import { frameworkVersionResolvers } from '../frameworks/versions/framework-versions.resolvers.js';
import { auditResolvers } from '../audit/audit.module.js';
import { identityResolvers } from '../identity/identity.resolvers.js';
import { organisationResolvers } from '../organisations/organisations.module.js';
import { peopleResolvers } from '../people/people.resolvers.js';
import { assessmentResolvers } from '../assessments/assessments.resolvers.js';
import { planResolvers } from '../plans/plans.resolvers.js';
import { reportResolvers } from '../reports/reports.resolvers.js';
import { mentoringResolvers } from '../mentoring/mentoring.module.js';
import { onboardingResolvers } from '../onboarding/getting-started.resolvers.js';
import { planFocusResolvers } from '../plans/plan-focus.resolvers.js';
import { planReviewResolvers } from '../plans/plan-review.resolvers.js';

/** Every resolver class of the API: the schema is generated from these (code first). */
export const allResolvers = [
  ...organisationResolvers,
  ...frameworkResolvers,
  ...frameworkDraftResolvers,
  ...frameworkPathsResolvers,
  ...frameworkVersionResolvers,
  ...identityResolvers,
  ...peopleResolvers,
  ...auditResolvers,
  ...assessmentResolvers,
  ...planResolvers,
  ...reportResolvers,
  ...mentoringResolvers,
  ...onboardingResolvers,
  ...planFocusResolvers,
  ...planReviewResolvers,
];

const HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# ------------------------------------------------------
`;

/** Prints a schema as committed in apps/api/schema.gql: sorted, so diffs stay readable. */
export function printCommittedSchema(schema: Parameters<typeof printSchema>[0]): string {
  return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** Builds the schema from the resolvers alone: no database, no server. */
export async function buildSchemaText(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(allResolvers);
    return printCommittedSchema(schema);
  } finally {
    await app.close();
  }
}
