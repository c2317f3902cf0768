/**
 * The living demo organisation (issue 9, point 10): who has rated what, and the plan each person is
 * following, so My team, My plan, My career and the publish preview show real content on the first
 * `npm start`. Ratings and texts come from faker with a fixed seed (demo-activity.seeder.ts); the
 * plans below are created through the plans service, so they follow the focused rules.
 *
 * Dan Kowalski (the demo PMO Analyst, DEMO.employee) has ratings with history but no plan: he is the
 * one who chooses a target in the demo (and in the browser suite).
 */

export type DemoPlanState = 'draft' | 'proposed' | 'agreed' | 'active' | 'completed' | 'abandoned';

export interface DemoPlan {
  email: string;
  target: string;
  state: DemoPlanState;
  /** When the plan was created, in days before the seed runs. */
  createdDaysAgo: number;
  reviewRhythmWeeks: 4 | 6 | 8 | 12;
  /** Check-ins, in days before the seed runs (oldest first); the last one sets the next review. */
  checkInsDaysAgo: number[];
  /** Suggestions added beyond the starting choice ("Add to plan"). */
  extraSuggestions: number;
}

export const DEMO_FAKER_SEED = 20_260_906;

/** Every state a plan can be in, with overdue reviews (Chloe, Ben) among the active ones. */
export const demoPlans: DemoPlan[] = [
  { email: 'ella.nguyen@demo.example', target: 'pmo-analyst', state: 'draft', createdDaysAgo: 9, reviewRhythmWeeks: 8, checkInsDaysAgo: [], extraSuggestions: 1 },
  { email: 'isla.brown@demo.example', target: 'project-manager', state: 'proposed', createdDaysAgo: 16, reviewRhythmWeeks: 6, checkInsDaysAgo: [], extraSuggestions: 1 },
  { email: 'jack.wilson@demo.example', target: 'project-coordinator', state: 'agreed', createdDaysAgo: 35, reviewRhythmWeeks: 6, checkInsDaysAgo: [], extraSuggestions: 0 },
  { email: 'chloe.martin@demo.example', target: 'pmo-manager', state: 'active', createdDaysAgo: 190, reviewRhythmWeeks: 6, checkInsDaysAgo: [150, 105], extraSuggestions: 2 },
  { email: 'hugo.silva@demo.example', target: 'senior-project-manager', state: 'active', createdDaysAgo: 170, reviewRhythmWeeks: 8, checkInsDaysAgo: [120, 66, 12], extraSuggestions: 1 },
  { email: 'ben.okafor@demo.example', target: 'head-of-pmo', state: 'active', createdDaysAgo: 160, reviewRhythmWeeks: 4, checkInsDaysAgo: [118, 80], extraSuggestions: 1 },
  { email: 'kemi.adeyemi@demo.example', target: 'business-change-manager', state: 'completed', createdDaysAgo: 300, reviewRhythmWeeks: 8, checkInsDaysAgo: [240, 180, 120], extraSuggestions: 1 },
  { email: 'leo.fischer@demo.example', target: 'programme-manager', state: 'abandoned', createdDaysAgo: 220, reviewRhythmWeeks: 8, checkInsDaysAgo: [170], extraSuggestions: 0 },
];

/** What a crowd member in each role aims at next (a move the PMO framework describes). */
const CROWD_NEXT_ROLE: Record<string, string | readonly [string, string]> = {
  'pmo-administrator': 'pmo-analyst',
  'pmo-analyst': 'senior-pmo-analyst',
  'senior-pmo-analyst': 'pmo-manager',
  'pmo-manager': 'head-of-pmo',
  'project-support-officer': 'project-coordinator',
  'project-coordinator': 'project-manager',
  'project-manager': 'senior-project-manager',
  'senior-project-manager': 'programme-manager',
  'business-analyst': ['business-change-manager', 'workstream-lead'],
  'agile-delivery-manager': 'programme-manager',
  'programme-manager': 'portfolio-manager',
  'head-of-pmo': 'portfolio-manager',
};

/** A crowd member's plan by their place in their team: most have one, in every state; some have none yet. */
const CROWD_PLAN_STATES: readonly (DemoPlanState | null)[] = ['active', 'proposed', 'agreed', null, 'active', 'draft', 'completed', 'active', null, 'proposed', 'agreed', 'active', 'abandoned', 'draft', null, 'active'];

/**
 * The plans of the demo crowd (demo-crowd.ts), so each demo manager's team (4 to 8 people) shows plans in
 * every state, some waiting for agreement, some overdue, a few people with none yet.
 */
export function demoCrowdPlans(members: readonly { n: number; i: number; email: string; roleKey: string }[]): DemoPlan[] {
  const plans: DemoPlan[] = [];
  for (const m of members) {
    const state = CROWD_PLAN_STATES[m.i % CROWD_PLAN_STATES.length];
    const next = CROWD_NEXT_ROLE[m.roleKey];
    if (!state || !next) continue;
    const target = typeof next === 'string' ? next : next[m.i % 2]!;
    const closed = state === 'completed' || state === 'abandoned';
    const createdDaysAgo = closed ? 200 + (m.n % 60) : 30 + ((m.n * 37) % 170);
    const checkInsDaysAgo = state === 'active' || closed ? (createdDaysAgo > 100 ? [createdDaysAgo - 30, createdDaysAgo - 75] : [Math.max(3, createdDaysAgo - 20)]) : [];
    plans.push({ email: m.email, target, state, createdDaysAgo, reviewRhythmWeeks: ([4, 6, 8, 12] as const)[m.n % 4]!, checkInsDaysAgo, extraSuggestions: m.n % 3 === 0 ? 1 : 0 });
  }
  return plans;
}

/** Who is rated (everyone), from how long ago their history starts, and how much of their role they rated. */
export const RATING_HISTORY_DAYS = { first: [240, 330], raised: [20, 110] } as const;

/** Room for the next part of the living demo: mentoring (mentor profiles, pairs, sessions) is seeded after the plans. */
