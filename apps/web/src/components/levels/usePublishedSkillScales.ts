import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ScaledSkill } from './levels';

export const PublishedSkillScalesQuery = graphql(`
  query PublishedSkillScales {
    frameworks {
      id
      currentVersion {
        id
        skills {
          id
          ...SkillScaleFields
        }
      }
    }
  }
`);

/**
 * Every published skill's own scale by skill id, for pages whose figures name a skill by id only (reports):
 * until it has loaded (or if it fails) levels read as their numbers, which is still true.
 */
export function usePublishedSkillScales(): (skillId: string) => ScaledSkill | undefined {
  const { data } = useQuery(PublishedSkillScalesQuery);
  const byId = new Map<string, ScaledSkill>();
  for (const framework of data?.frameworks ?? []) for (const skill of framework.currentVersion?.skills ?? []) byId.set(skill.id, skill);
  return (skillId) => byId.get(skillId);
}
