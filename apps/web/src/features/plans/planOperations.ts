/** Operations both My career and My plan send. */
import { graphql } from '../../gql';

export const ClosestToProfileQuery = graphql(`
  query ClosestToProfile($frameworkVersionId: ID!, $profile: [SkillLevelInput!]!, $limit: Int!) {
    closestRoles(frameworkVersionId: $frameworkVersionId, profile: $profile, limit: $limit) {
      assumedFrom {
        id
        title
      }
      roles {
        fit
        shortfall
        metSkillCount
        expectedSkillCount
        ratedSkillCount
        assumedSkillCount
        unknownSkillCount
        explanation
        role {
          id
          title
        }
      }
    }
  }
`);

export const ChangePlanDirectionMutation = graphql(`
  mutation ChangePlanDirection($input: ChangePlanDirectionInput!) {
    changePlanDirection(input: $input) {
      id
    }
  }
`);
