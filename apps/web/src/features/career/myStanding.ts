import { graphql } from '../../gql';

/**
 * Where I stand: my current role (and the framework it is in) and my current ratings. My career and My plan
 * both start from it, so they ask for the same fields in one place (and Apollo's cache serves both).
 */
export const MyStandingFields = graphql(`
  fragment MyStandingFields on Query {
    viewer {
      person {
        id
        currentRole {
          id
          title
          frameworkVersion {
            id
            framework {
              id
            }
          }
        }
      }
    }
    myAssessments {
      personId
      current {
        skillKey
        skillName
        selfLevel
        managerLevel
        level
      }
      mentorRatings {
        skillKey
        level
        mentorName
      }
    }
  }
`);

/**
 * The framework version my plan pages are on: the plan's target role's, else my current role's framework's,
 * else the one most of my ratings are in (another framework of the organisation, a new one being tried out
 * say, must not take over someone's plan page).
 */
export function myPlanVersion<V extends { id: string; skills: readonly { key: string }[]; roles: readonly { id: string }[] }>(
  frameworks: readonly { id: string; currentVersion?: V | null }[],
  { targetRoleId, currentFrameworkId, ratedSkillKeys }: { targetRoleId?: string | null; currentFrameworkId?: string | null; ratedSkillKeys: Iterable<string> },
): V | null {
  const versions = frameworks.flatMap((f) => (f.currentVersion ? [{ frameworkId: f.id, version: f.currentVersion }] : []));
  const byTarget = targetRoleId ? versions.find((v) => v.version.roles.some((role) => role.id === targetRoleId)) : undefined;
  if (byTarget) return byTarget.version;
  const byCurrentRole = currentFrameworkId ? versions.find((v) => v.frameworkId === currentFrameworkId) : undefined;
  if (byCurrentRole) return byCurrentRole.version;
  const rated = new Set(ratedSkillKeys);
  const overlap = (v: V) => v.skills.filter((skill) => rated.has(skill.key)).length;
  return versions.reduce<V | null>((best, { version }) => (best === null || overlap(version) > overlap(best) ? version : best), null);
}
