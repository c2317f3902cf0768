/** GraphQL answers for the plan pages' tests: a PMO framework, a plan towards Project Manager, sharing. */
import type { MockLink } from '@apollo/client/testing';
import { MyPlanQuery } from './MyPlanPage';
import { PlanSharingQuery } from './PlanSharing';
import { MyPlanApproverQuery } from './PlanLifecycle';
import { PlanCommentsQuery } from './PlanReview';
import { PMO_LEVELS, scaleFields } from '../../components/levels/fixtures';

export const frameworks = [
  {
    __typename: 'Framework' as const,
    id: 'fw-pmo',
    name: 'PMO career framework',
    currentVersion: {
      __typename: 'FrameworkVersion' as const,
      id: 'v1',
      skills: [
        { __typename: 'Skill' as const, id: 'skill-planning', key: 'planning-scheduling', name: 'Planning & scheduling', ...scaleFields(PMO_LEVELS, { descriptors: { 3: 'Builds a **full** schedule' } }) },
        { __typename: 'Skill' as const, id: 'skill-risk', key: 'risk-management', name: 'Risk management', ...scaleFields(PMO_LEVELS) },
        // A skill on its own 3-level scale: its levels are named, and rated, on it.
        { __typename: 'Skill' as const, id: 'skill-mentoring', key: 'coaching-mentoring', name: 'Coaching & mentoring', ...scaleFields(['Aware', 'Working', 'Leading'], { key: 'people', name: 'People' }) },
      ],
      roles: [
        { __typename: 'Role' as const, id: 'role-pm', title: 'Project Manager' },
        { __typename: 'Role' as const, id: 'role-spa', title: 'Senior PMO Analyst' },
      ],
    },
  },
];

export const readiness = (shareMet: number) => ({
  __typename: 'Readiness' as const,
  shareMet,
  totalShortfall: 12,
  assumption: '1 of 3 expectations rated; 1 assumed at the level your current role (PMO Analyst) expects; 1 unknown, not counted.',
  coverage: { __typename: 'ProfileCoverage' as const, expected: 3, rated: 1, assumed: 1, unknown: 1 },
  skills: [
    { __typename: 'ExpectationGap' as const, skillKey: 'planning-scheduling', requiredLevel: 4 },
    { __typename: 'ExpectationGap' as const, skillKey: 'risk-management', requiredLevel: 4 },
  ],
  forecast: {
    __typename: 'ReadinessForecast' as const,
    kind: 'not-enough-history',
    reason: 'ratings of this role’s skills go back 12 days (to 2026-05-20); a forecast needs 90',
    monthsToReady: null,
    levelsGained: null,
    historyMonths: null,
  },
});

const PMP = 'Gain the Project Management Professional (PMP)';
const MENTOR = 'Find a mentor for Risk management';

/** The plan's focus: Planning & scheduling (the PMP in the plan, a suggestion not added yet); Risk management later. */
export const focus = (pmpActionId: string | null = 'a-pmp') => [
  {
    __typename: 'FocusSkill' as const,
    skillKey: 'planning-scheduling',
    skillName: 'Planning & scheduling',
    currentLevel: 2,
    basis: 'RATED',
    targetLevel: 4,
    aimLevel: 3,
    aimLevelName: 'Competent',
    aimDescriptor: 'Builds and baselines schedules independently',
    blocking: true,
    reason: 'Your next step, Project Manager, expects level 4; you are at 2 (rated).',
    suggestions: [
      { __typename: 'PlanSuggestion' as const, id: 'qualification:pmp', type: 'QUALIFICATION', title: PMP, description: 'Recommended for Project Manager.', actionId: pmpActionId },
      {
        __typename: 'PlanSuggestion' as const,
        id: 'practise:planning-scheduling:3:1',
        type: 'ON_THE_JOB',
        title: 'Build and baseline a schedule for a project',
        description: 'Planning & scheduling, level 3 (Competent): “Builds and baselines schedules independently”.',
        actionId: null,
      },
    ],
  },
];

export const plan = (status: string, version: number, checkIns: { id: string; reflection: string; recordedAt: string; progress?: unknown[]; privateNote?: string | null }[] = []) => ({
  __typename: 'Plan' as const,
  id: 'plan-1',
  status,
  version,
  revision: 1,
  planVsActual: [
    { __typename: 'RevisionOutcome' as const, number: 1, reason: 'INITIAL', plannedShortfall: 14, closedShortfall: 2, actionsPlanned: 9, actionsDone: 1 },
  ],
  reviewDueOn: status === 'DRAFT' ? null : '2026-08-12',
  reviewState: status === 'DRAFT' ? null : 'UPCOMING',
  reviewRhythmWeeks: 8,
  stale: false,
  lastActivityAt: '2026-06-01T09:00:00.000Z',
  lastChange: null,
  sentBackComment: null,
  targetRole: { __typename: 'Role' as const, id: 'role-pm', title: 'Project Manager' },
  actions: [
    {
      __typename: 'PlanAction' as const,
      id: 'a-pmp',
      type: 'QUALIFICATION',
      title: 'Gain the Project Management Professional (PMP)',
      description: 'Offered by PMI; covers Planning & scheduling, Risk management.',
      status: 'NOT_STARTED',
      skillKeys: ['planning-scheduling', 'risk-management'],
      dueOn: null,
      evidence: null,
      suggestionId: 'qualification:pmp',
      signOff: null,
    },
    {
      __typename: 'PlanAction' as const,
      id: 'a-mentor',
      type: 'MENTORING',
      title: 'Find a mentor for Risk management',
      description: 'Ask a Project Manager who is strong at it.',
      status: 'IN_PROGRESS',
      skillKeys: ['risk-management'],
      dueOn: '2026-09-30',
      evidence: null,
      suggestionId: null,
      signOff: null,
    },
  ],
  focus: focus(),
  later: [
    { __typename: 'RankedGap' as const, skillKey: 'risk-management', skillName: 'Risk management', currentLevel: 3, basis: 'ASSUMED', targetLevel: 4, blocking: false },
  ],
  unknownExpectations: [{ __typename: 'UnknownExpectation' as const, skillKey: 'coaching-mentoring', skillName: 'Coaching & mentoring', requiredLevel: 2 }],
  checkInQuestions: [
    {
      __typename: 'CheckInQuestion' as const,
      skillKey: 'planning-scheduling',
      title: 'Planning & scheduling',
      prompt: 'How is Planning & scheduling going? You are working towards level 3 (Competent): “Builds and baselines schedules independently”',
      actions: [{ __typename: 'CheckInQuestionAction' as const, id: 'a-pmp', title: PMP, status: 'NOT_STARTED' }],
    },
    {
      __typename: 'CheckInQuestion' as const,
      skillKey: null,
      title: 'Other actions',
      prompt: 'How are your other actions going?',
      actions: [{ __typename: 'CheckInQuestionAction' as const, id: 'a-mentor', title: MENTOR, status: 'IN_PROGRESS' }],
    },
  ],
  checkIns: checkIns.map((c) => ({ __typename: 'CheckIn' as const, progress: [], focus: [], privateNote: null, ...c })),
  readiness: readiness(0.25),
});

const skillNames = new Map(frameworks[0]!.currentVersion.skills.map((skill) => [skill.key, skill.name]));

export const assessments = (current: { skillKey: string; selfLevel: number | null; managerLevel: number | null }[] = []) => ({
  __typename: 'PersonAssessments' as const,
  personId: 'p-dan',
  current: current.map((entry) => ({ __typename: 'ProfileEntry' as const, level: entry.selfLevel ?? entry.managerLevel ?? 0, skillName: skillNames.get(entry.skillKey) ?? entry.skillKey, ...entry })),
  mentorRatings: [] as { __typename: 'MentorRating'; skillKey: string; level: number; mentorName: string }[],
});

/** Me: Dan, a PMO Analyst in the PMO framework (`currentFrameworkId` null: no current role). */
export const me = (currentFrameworkId: string | null = 'fw-pmo') => ({
  __typename: 'Viewer' as const,
  person: {
    __typename: 'Person' as const,
    id: 'p-dan',
    currentRole: currentFrameworkId
      ? {
          __typename: 'Role' as const,
          id: 'role-analyst',
          title: 'PMO Analyst',
          frameworkVersion: { __typename: 'FrameworkVersion' as const, id: `${currentFrameworkId}-v`, framework: { __typename: 'Framework' as const, id: currentFrameworkId } },
        }
      : null,
  },
});

export const myPlan = (value: unknown, current = assessments(), { viewer = me(), all = frameworks }: { viewer?: ReturnType<typeof me>; all?: unknown[] } = {}) => ({
  request: { query: MyPlanQuery },
  result: { data: { viewer, myPlan: value, myAssessments: current, frameworks: all } },
});


const person = (id: string, name: string) => ({ __typename: 'Person' as const, id, name });

/** Who can see my plan (the panel on "My plan"), as often as it is asked. */
export function sharingMock({ shared = [] as { id: string; name: string }[], accesses = [] as unknown[] } = {}): MockLink.MockedResponse {
  return {
    request: { query: PlanSharingQuery },
    result: {
      data: {
        viewer: { __typename: 'Viewer', person: { __typename: 'Person', id: 'p-dan', manager: person('p-ben', 'Ben Okafor') } },
        mySharing: shared.map((p) => person(p.id, p.name)),
        people: [person('p-dan', 'Dan Okafor'), person('p-ben', 'Ben Okafor'), person('p-cara', 'Cara Lind'), person('p-eve', 'Eve Moss')],
        myDataAccess: accesses,
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** Who agrees my plan (asked while it is a draft): my manager Ben unless a test says otherwise. */
export function approverMock(
  approver: { kind: string; personId: string | null; name: string | null; explanation: string } = {
    kind: 'MANAGER',
    personId: 'p-ben',
    name: 'Ben Okafor',
    explanation: 'Your manager, Ben Okafor, agrees your plan.',
  },
): MockLink.MockedResponse {
  return { request: { query: MyPlanApproverQuery }, result: { data: { myPlanApprover: { __typename: 'PlanApprover', ...approver } } }, maxUsageCount: Number.POSITIVE_INFINITY };
}

/** The comments on my plan (none), as often as they are asked, whatever the plan. */
export function planCommentsMock(comments: unknown[] = []): MockLink.MockedResponse {
  return { request: { query: PlanCommentsQuery, variables: () => true }, result: { data: { planComments: comments } }, maxUsageCount: Number.POSITIVE_INFINITY };
}
