import { z } from 'zod';
import { MAX_FIZZLE_WEEKS, MIN_FIZZLE_WEEKS, DEFAULT_FIZZLE_WEEKS } from './fizzling.js';
import { CROSS_TEAM_POLICIES } from './matching.js';

/**
 * The organisation's mentoring settings: after how many weeks without a session a pair fizzles, and
 * whether mentors from other teams are preferred when suggesting and on the matching board.
 */
export const mentoringSettingsSchema = z.object({
  fizzleWeeks: z
    .number({ message: 'must be a whole number of weeks' })
    .int({ message: 'must be a whole number of weeks' })
    .min(MIN_FIZZLE_WEEKS, { message: `at least ${MIN_FIZZLE_WEEKS} week` })
    .max(MAX_FIZZLE_WEEKS, { message: `at most ${MAX_FIZZLE_WEEKS} weeks` })
    .default(DEFAULT_FIZZLE_WEEKS),
  crossTeam: z.enum(CROSS_TEAM_POLICIES, { message: `choose one of ${CROSS_TEAM_POLICIES.join(', ')}` }).default('no-preference'),
});
export type MentoringSettings = z.output<typeof mentoringSettingsSchema>;

/** An organisation that never saved its settings has these. */
export const DEFAULT_MENTORING_SETTINGS: Readonly<MentoringSettings> = mentoringSettingsSchema.parse({});

/** Saving the settings: both values, and the version read (0: never saved). A stale version is refused. */
export const mentoringSettingsInputSchema = z.object({
  fizzleWeeks: mentoringSettingsSchema.shape.fizzleWeeks.unwrap(),
  crossTeam: mentoringSettingsSchema.shape.crossTeam.unwrap(),
  expectedVersion: z.number({ message: 'must be a version number' }).int({ message: 'must be a version number' }).min(0, { message: 'must be a version number' }),
});
export type MentoringSettingsInput = z.output<typeof mentoringSettingsInputSchema>;
