import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { MentoringSkillsQuery } from '../../gql/graphql';
import { skillLevelShort } from '../../components/levels/levels';

export const PublishedSkillsQuery = graphql(`
  query MentoringSkills {
    frameworks {
      id
      currentVersion {
        id
        skills {
          id
          key
          name
          ...SkillRatingFields
        }
      }
    }
  }
`);

type PublishedSkill = NonNullable<MentoringSkillsQuery['frameworks'][number]['currentVersion']>['skills'][number];

/**
 * The published frameworks' skills by key, for choosing and naming skills on the mentoring pages; each with its own
 * scale (`skillOf`), so a level is named, and rated, on the skill's scale.
 */
export function usePublishedSkills(): {
  skills: { key: string; name: string }[];
  nameOf: (key: string) => string;
  skillOf: (key: string) => PublishedSkill | undefined;
  levelOf: (key: string, level: number | null | undefined) => string;
  loading: boolean;
} {
  const { data, loading } = useQuery(PublishedSkillsQuery);
  const seen = new Map<string, PublishedSkill>();
  for (const framework of data?.frameworks ?? []) for (const skill of framework.currentVersion?.skills ?? []) if (!seen.has(skill.key)) seen.set(skill.key, skill);
  return {
    skills: [...seen.values()].map(({ key, name }) => ({ key, name })),
    nameOf: (key) => seen.get(key)?.name ?? key,
    skillOf: (key) => seen.get(key),
    levelOf: (key, level) => skillLevelShort(seen.get(key), level, '–'),
    loading: loading && !data,
  };
}
