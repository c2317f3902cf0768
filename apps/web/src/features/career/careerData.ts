import { skipToken, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { levelLabel, type ScaledSkill } from '../../components/levels/levels';
import type { CareerFrameworkQuery as CareerFrameworkData, MyCareerQuery as MyCareerData } from '../../gql/graphql';

/** Who I am, my current role, my assessments (current profile and the whole dated history) and my plan. */
export const MyCareerQuery = graphql(`
  query MyCareer {
    ...MyStandingFields
    frameworks {
      id
      currentVersion {
        id
      }
    }
    myAssessments {
      assessments {
        id
        skillKey
        level
        source
        assessedAt
        evidenceNote
        evidenceUrl
        assessedBy {
          id
          name
        }
      }
    }
    myPlan {
      id
      status
      version
      targetRole {
        id
        title
      }
    }
  }
`);

/**
 * The published version my career is measured on: its scale, skills, roles and expectations; each skill's
 * description and level descriptors only when asked (`skillDetails`: a skill's own page), not for My career,
 * which does not show them (they were half of its answer).
 */
export const CareerFrameworkQuery = graphql(`
  query CareerFramework($frameworkId: ID!, $skillDetails: Boolean!) {
    framework(id: $frameworkId) {
      id
      name
      currentVersion {
        id
        proficiencyScale {
          level
          name
          summary
        }
        levelling {
          levels {
            minPoints
            name
            subLevels {
              name
              minPoints
            }
          }
        }
        skills {
          id
          key
          name
          category {
            id
            name
          }
          ...SkillRatingFields
          description @include(if: $skillDetails)
          levels @include(if: $skillDetails) {
            level
            name
            descriptor
            criteria
            examples
          }
        }
        roles {
          id
          title
          summary
          level
          track {
            id
            name
          }
          expectations {
            id
            level
            skill {
              id
            }
          }
        }
      }
    }
  }
`);

export const RecordMyAssessmentMutation = graphql(`
  mutation RecordMyAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      id
      level
      assessedAt
    }
  }
`);

export type CareerVersion = NonNullable<NonNullable<CareerFrameworkData['framework']>['currentVersion']>;
export type MyAssessments = MyCareerData['myAssessments'];
export type MyPlanSummary = MyCareerData['myPlan'];
export type CareerRole = CareerVersion['roles'][number];

/**
 * My career's data in two steps: who I am and what I rated, then the published version of my current role's
 * framework (or the first published framework when I have no current role; the person's role follows each
 * publish, so it is in the current version).
 */
export function useCareer({ skillDetails = false }: { skillDetails?: boolean } = {}) {
  const me = useQuery(MyCareerQuery);
  const currentRole = me.data?.viewer?.person.currentRole ?? null;
  const frameworkId =
    currentRole?.frameworkVersion.framework.id ?? me.data?.frameworks.find((framework) => framework.currentVersion)?.id ?? null;
  const framework = useQuery(CareerFrameworkQuery, frameworkId ? { variables: { frameworkId, skillDetails } } : skipToken);
  const error = me.error ?? framework.error;
  return {
    loading: me.loading || framework.loading,
    error: error && !(me.data && (framework.data || !frameworkId)) ? error : undefined,
    ready: !!me.data && (!frameworkId || !!framework.data),
    refetch: () => Promise.all([me.refetch(), frameworkId ? framework.refetch() : null]),
    currentRole,
    personId: me.data?.viewer?.person.id ?? null,
    frameworkId,
    version: framework.data?.framework?.currentVersion ?? null,
    assessments: me.data?.myAssessments ?? null,
    plan: me.data?.myPlan ?? null,
  };
}

/** My assessed profile in a version's skill ids: the latest level of each skill I (or my manager) rated. */
export function assessedProfile(version: CareerVersion, current: MyAssessments['current']): Map<string, number> {
  const idByKey = new Map(version.skills.map((skill) => [skill.key, skill.id]));
  const profile = new Map<string, number>();
  for (const entry of current) {
    const skillId = idByKey.get(entry.skillKey);
    if (skillId) profile.set(skillId, entry.level);
  }
  return profile;
}

/** "Level 2 · Practising": the level's name on the skill's own scale (the API resolves it, so it is never empty). */
export function skillLevelLabel(_version: unknown, skill: ScaledSkill | undefined, level: number): string {
  return levelLabel(level, skill?.scale.levels ?? []);
}

/** A role's expected level of each skill (skill id → level). */
export function expectedLevels(role: CareerRole | null | undefined): Map<string, number> {
  return new Map((role?.expectations ?? []).map((expectation) => [expectation.skill.id, expectation.level]));
}

export function isOpenPlan(plan: MyPlanSummary): plan is NonNullable<MyPlanSummary> {
  return !!plan && plan.status !== 'COMPLETED' && plan.status !== 'ABANDONED';
}
