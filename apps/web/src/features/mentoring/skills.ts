import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

export const PublishedSkillsQuery = graphql(`
  query MentoringSkills {
    frameworks {
      id
      currentVersion {
        id
        skills {
          key
          name
        }
      }
    }
  }
`);

/** The published frameworks' skills (key → name), for choosing and naming skills on the mentoring pages. */
export function usePublishedSkills(): { skills: { key: string; name: string }[]; nameOf: (key: string) => string; loading: boolean } {
  const { data, loading } = useQuery(PublishedSkillsQuery);
  const seen = new Map<string, string>();
  for (const framework of data?.frameworks ?? []) for (const skill of framework.currentVersion?.skills ?? []) if (!seen.has(skill.key)) seen.set(skill.key, skill.name);
  return { skills: [...seen].map(([key, name]) => ({ key, name })), nameOf: (key) => seen.get(key) ?? key, loading: loading && !data };
}
