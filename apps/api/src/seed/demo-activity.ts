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

/** Who is rated (everyone), from how long ago their history starts, and how much of their role they rated. */
export const RATING_HISTORY_DAYS = { first: [240, 330], raised: [20, 110] } as const;

/** Room for the next part of the living demo: mentoring (mentor profiles, pairs, sessions) is seeded after the plans. */
