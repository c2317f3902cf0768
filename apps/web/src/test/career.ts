import type { MockLink } from '@apollo/client/testing';
import { CareerFrameworkQuery, MyCareerQuery } from '../features/career/careerData';
import { PMO_LEVELS, scaleOnly } from '../components/levels/fixtures';

/** Fixtures for My career: a small published version (three skills, three roles) and my assessments. */
export const roleRef = (id: string, title: string) => ({ __typename: 'Role' as const, id, title });
export const skillRef = (id: string, name: string) => ({ __typename: 'Skill' as const, id, name, ...scaleOnly(id === 'skill-mentoring' ? ['Learning', 'Coaching', 'Leading'] : PMO_LEVELS) });

const scaleNames = ['Aware', 'Practised', 'Competent', 'Proficient', 'Expert'];
// Coaching is on a scale of its own: three levels with their own names.
const mentoringScale = ['Learning', 'Coaching', 'Leading'];
const skill = (id: string, key: string, name: string) => ({
  __typename: 'Skill' as const,
  id,
  key,
  name,
  category: { __typename: 'SkillCategory' as const, id: key === 'mentoring' ? 'cat-people' : 'cat-delivery', name: key === 'mentoring' ? 'People' : 'Delivery' },
  scale: {
    __typename: 'SkillScale' as const,
    key: key === 'mentoring' ? 'people' : null,
    name: key === 'mentoring' ? 'People' : null,
    levels: (key === 'mentoring' ? mentoringScale : scaleNames).map((levelName, index) => ({ __typename: 'ScaleLevel' as const, level: index + 1, name: levelName, summary: null })),
  },
  description: `How well you do ${name.toLowerCase()}.`,
  levels: (key === 'mentoring' ? mentoringScale : scaleNames).map((levelName, index) => ({
    __typename: 'SkillLevel' as const,
    level: index + 1,
    name: levelName,
    descriptor: `${name} at ${levelName.toLowerCase()}: descriptor ${index + 1}.`,
    criteria: index === 0 ? [`Follows the ${name.toLowerCase()} checklist`] : [],
    examples: [],
  })),
});
const role = (id: string, title: string, level: number, track: string, expectations: [string, number][]) => ({
  __typename: 'Role' as const,
  id,
  title,
  summary: `${title}: what the role is for.`,
  level,
  track: { __typename: 'Track' as const, id: `track-${track}`, name: track },
  expectations: expectations.map(([skillId, expected]) => ({
    __typename: 'Expectation' as const,
    id: `${id}/${skillId}`,
    level: expected,
    skill: { __typename: 'Skill' as const, id: skillId },
  })),
});

export const careerVersion = {
  __typename: 'FrameworkVersion' as const,
  id: 'v1',
  proficiencyScale: scaleNames.map((name, index) => ({ __typename: 'ProficiencyLevel' as const, level: index + 1, name, summary: `${name}.` })),
  levelling: null as null | { __typename: 'PointsLevellingRule'; levels: { __typename: 'PointsLevel'; minPoints: number; name: string; subLevels: { __typename: 'PointsSubLevel'; name: string; minPoints: number }[] }[] },
  skills: [skill('skill-planning', 'planning', 'Planning & scheduling'), skill('skill-risk', 'risk', 'Risk management'), skill('skill-mentoring', 'mentoring', 'Coaching & mentoring')],
  roles: [
    role('role-analyst', 'PMO Analyst', 2, 'PMO', [['skill-planning', 3], ['skill-risk', 1]]),
    role('role-senior', 'Senior PMO Analyst', 3, 'PMO', [['skill-planning', 4], ['skill-risk', 2], ['skill-mentoring', 2]]),
    role('role-pm', 'Project Manager', 3, 'Projects', [['skill-planning', 3], ['skill-risk', 4]]),
  ],
};

/** The version as My career reads it: no skill descriptions or level descriptors. */
const leanVersion = { ...careerVersion, skills: careerVersion.skills.map(({ description: _description, levels: _levels, ...skill }) => skill) };

export const careerFramework: MockLink.MockedResponse = {
  request: { query: CareerFrameworkQuery, variables: { frameworkId: 'fw-pmo', skillDetails: false } },
  result: { data: { framework: { __typename: 'Framework', id: 'fw-pmo', name: 'PMO career framework', currentVersion: leanVersion } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** The version as a skill's own page reads it: with each skill's description and level descriptors. */
export const careerFrameworkWithSkillDetails: MockLink.MockedResponse = {
  request: { query: CareerFrameworkQuery, variables: { frameworkId: 'fw-pmo', skillDetails: true } },
  result: { data: { framework: { __typename: 'Framework', id: 'fw-pmo', name: 'PMO career framework', currentVersion: careerVersion } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

interface Rating {
  skillKey: string;
  selfLevel?: number | null;
  managerLevel?: number | null;
}

interface HistoryEntry {
  id: string;
  skillKey: string;
  level: number;
  source: 'SELF' | 'MANAGER';
  assessedAt: string;
  evidenceNote?: string | null;
  evidenceUrl?: string | null;
  assessedBy?: { id: string; name: string };
}

export function myCareer({
  rated,
  history = [],
  currentRole = roleRef('role-analyst', 'PMO Analyst'),
  plan = null,
  published = true,
}: {
  rated: Rating[];
  history?: HistoryEntry[];
  currentRole?: ReturnType<typeof roleRef> | null;
  plan?: { id: string; status: string; version: number; targetRole: ReturnType<typeof roleRef> } | null;
  published?: boolean;
}): MockLink.MockedResponse {
  const names = new Map(careerVersion.skills.map((s) => [s.key, s.name]));
  return {
    request: { query: MyCareerQuery },
    result: {
      data: {
        viewer: {
          __typename: 'Viewer',
          person: {
            __typename: 'Person',
            id: 'p-dan',
            currentRole: currentRole
              ? {
                  ...currentRole,
                  frameworkVersion: { __typename: 'FrameworkVersion', id: 'v1', framework: { __typename: 'Framework', id: 'fw-pmo' } },
                }
              : null,
          },
        },
        frameworks: [{ __typename: 'Framework', id: 'fw-pmo', currentVersion: published ? { __typename: 'FrameworkVersion', id: 'v1' } : null }],
        myAssessments: {
          __typename: 'PersonAssessments',
          personId: 'p-dan',
          current: rated.map((entry) => ({
            __typename: 'ProfileEntry',
            skillKey: entry.skillKey,
            skillName: names.get(entry.skillKey) ?? entry.skillKey,
            selfLevel: entry.selfLevel ?? null,
            managerLevel: entry.managerLevel ?? null,
            level: entry.managerLevel ?? entry.selfLevel ?? 0,
          })),
          assessments: history.map((entry) => ({
            __typename: 'Assessment',
            evidenceNote: null,
            evidenceUrl: null,
            ...entry,
            assessedBy: entry.assessedBy ? { __typename: 'Person', ...entry.assessedBy } : null,
          })),
        },
        myPlan: plan ? { __typename: 'Plan', ...plan, targetRole: plan.targetRole } : null,
      },
    },
  };
}
