import { z } from 'zod';
import { currentProfile, type Assessment } from '../plans/assessments.js';
import { distinct, multilineText, skillKeySchema } from './text.js';

/**
 * Mentor profiles: a person offers to mentor, with a capacity (mentees at once), the skills they
 * offer, how they like to meet, whether they take mentees from other teams, and a pause switch.
 * The skills offered are suggested from the person's own assessments (see {@link suggestOfferedSkills}).
 */

export const MIN_MENTOR_CAPACITY = 1;
export const MAX_MENTOR_CAPACITY = 20;
export const DEFAULT_MENTOR_CAPACITY = 2;
export const MAX_OFFERED_SKILLS = 50;
export const MAX_MENTOR_ABOUT_LENGTH = 1000;
export const MAX_MEETING_NOTE_LENGTH = 500;
/** A skill is suggested for mentoring at this level or above (on a 1..5 scale: "4 or above"). */
export const MENTOR_SKILL_LEVEL = 4;

export const MEETING_MODES = ['in-person', 'video', 'phone', 'chat'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const MEETING_FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'as-needed'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];

export interface MeetingPreferences {
  /** Ways the mentor is happy to meet; empty when they have not said. */
  modes: MeetingMode[];
  /** How often they like to meet; null when they have not said. */
  frequency: MeetingFrequency | null;
  /** Anything else ("Tuesday mornings, London time"). */
  note: string;
}

/** A mentor profile as the rules use it (the API adds ids, the person and a version). */
export interface MentorProfile {
  /** Mentees at once: relationships that occupy a place (see `OCCUPYING_STATUSES`), 1..20. */
  capacity: number;
  /** Framework skill keys the mentor offers; matching credits only these (at their assessed levels). */
  offeredSkillKeys: string[];
  meeting: MeetingPreferences;
  /** false: only mentees from the mentor's own team are suggested to (and may request) them. */
  acceptsOtherTeams: boolean;
  /** Paused: not suggested and not requestable; current relationships go on. */
  paused: boolean;
  /** A short introduction shown to mentees. */
  about: string;
}

const meetingPreferencesFields = {
  modes: distinct(z.enum(MEETING_MODES, { message: `choose from ${MEETING_MODES.join(', ')}` }), { max: MEETING_MODES.length, what: 'way to meet' }),
  frequency: z.enum(MEETING_FREQUENCIES, { message: `choose one of ${MEETING_FREQUENCIES.join(', ')}` }).nullable(),
  note: multilineText(MAX_MEETING_NOTE_LENGTH),
};

const profileFields = {
  capacity: z
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(MIN_MENTOR_CAPACITY, { message: `take at least ${MIN_MENTOR_CAPACITY} mentee` })
    .max(MAX_MENTOR_CAPACITY, { message: `take at most ${MAX_MENTOR_CAPACITY} mentees at once` }),
  offeredSkillKeys: distinct(skillKeySchema, { max: MAX_OFFERED_SKILLS, what: 'skill' }),
  meeting: z.object({
    modes: meetingPreferencesFields.modes.default([]),
    frequency: meetingPreferencesFields.frequency.default(null),
    note: meetingPreferencesFields.note.default(''),
  }),
  acceptsOtherTeams: z.boolean(),
  paused: z.boolean(),
  about: multilineText(MAX_MENTOR_ABOUT_LENGTH),
};

/**
 * Creating a mentor profile. Only the offered skills are required (they may be empty while the
 * person decides); the rest default: capacity 2, meets any way, takes mentees from other teams,
 * not paused. Check the skill keys against the framework with {@link offeredSkillProblems}.
 */
export const mentorProfileInputSchema = z.object({
  capacity: profileFields.capacity.default(DEFAULT_MENTOR_CAPACITY),
  offeredSkillKeys: profileFields.offeredSkillKeys,
  meeting: profileFields.meeting.default({ modes: [], frequency: null, note: '' }),
  acceptsOtherTeams: profileFields.acceptsOtherTeams.default(true),
  paused: profileFields.paused.default(false),
  about: profileFields.about.default(''),
});
export type MentorProfileInput = z.input<typeof mentorProfileInputSchema>;

/**
 * Changing a mentor profile: any of its fields, at least one; fields left out stay as they are.
 * `meeting` is replaced whole when given. (The API's own version check guards stale updates.)
 */
export const mentorProfileUpdateSchema = z
  .object({
    capacity: profileFields.capacity,
    offeredSkillKeys: profileFields.offeredSkillKeys,
    meeting: z.object(meetingPreferencesFields),
    acceptsOtherTeams: profileFields.acceptsOtherTeams,
    paused: profileFields.paused,
    about: profileFields.about,
  })
  .partial()
  .refine((update) => Object.values(update).some((v) => v !== undefined), { message: 'change at least one field' });
export type MentorProfileUpdate = z.output<typeof mentorProfileUpdateSchema>;

/** The profile after an update (pure: the input is not changed). */
export function applyMentorProfileUpdate(profile: MentorProfile, update: MentorProfileUpdate): MentorProfile {
  const next: MentorProfile = { ...profile, meeting: { ...profile.meeting, modes: [...profile.meeting.modes] }, offeredSkillKeys: [...profile.offeredSkillKeys] };
  if (update.capacity !== undefined) next.capacity = update.capacity;
  if (update.offeredSkillKeys !== undefined) next.offeredSkillKeys = [...update.offeredSkillKeys];
  if (update.meeting !== undefined) next.meeting = { ...update.meeting, modes: [...update.meeting.modes] };
  if (update.acceptsOtherTeams !== undefined) next.acceptsOtherTeams = update.acceptsOtherTeams;
  if (update.paused !== undefined) next.paused = update.paused;
  if (update.about !== undefined) next.about = update.about;
  return next;
}

/**
 * Field errors for offered skills that are not in the framework version ({ offeredSkillKeys: "..." }),
 * or an empty object when every key is known.
 */
export function offeredSkillProblems(offeredSkillKeys: readonly string[], frameworkSkillKeys: Iterable<string>): Record<string, string> {
  const known = new Set(frameworkSkillKeys);
  const unknown = offeredSkillKeys.filter((k) => !known.has(k));
  if (unknown.length === 0) return {};
  return { offeredSkillKeys: `not in the framework: ${unknown.map((k) => `"${k}"`).join(', ')}` };
}

/** Whether a capacity fits the rule (a whole number 1..20). */
export function isMentorCapacity(capacity: number): boolean {
  return Number.isInteger(capacity) && capacity >= MIN_MENTOR_CAPACITY && capacity <= MAX_MENTOR_CAPACITY;
}

// ---------------------------------------------------------------------------------------------
// A mentor's assessed levels

/**
 * A mentor's level in one skill, as matching uses it.
 * - `level`: the level that counts, by the rule used everywhere (`currentProfile`): the later of the
 *   latest self and latest manager rating, the manager's on a tie.
 * - `confirmedLevel`: how much of that the line manager backs: the manager's latest rating, capped
 *   at `level` (a later, lower self rating is the latest word); null when the manager never rated it.
 */
export interface MentorSkillLevel {
  level: number;
  confirmedLevel: number | null;
}

/**
 * The mentor's levels per skill key from their assessments. With `offeredSkillKeys`, only those
 * skills (matching credits a mentor only for what they offer); an offered skill never assessed is
 * left out (it has no assessed level to cover anything with).
 */
export function mentorSkillLevels(assessments: readonly Assessment[], offeredSkillKeys?: Iterable<string>): Record<string, MentorSkillLevel> {
  const offered = offeredSkillKeys ? new Set(offeredSkillKeys) : null;
  const levels: Record<string, MentorSkillLevel> = {};
  for (const [skillKey, current] of currentProfile(assessments)) {
    if (offered && !offered.has(skillKey)) continue;
    levels[skillKey] = { level: current.level, confirmedLevel: current.manager ? Math.min(current.manager.level, current.level) : null };
  }
  return levels;
}

export interface OfferedSkillSuggestion {
  skillKey: string;
  /** The level that counts (see {@link MentorSkillLevel}). */
  level: number;
  /** The manager's latest rating backs the mentoring level (their rating, capped at `level`, is at or above it). */
  managerConfirmed: boolean;
  selfLevel: number | null;
  managerLevel: number | null;
}

export interface OfferedSkillOptions {
  /** The level to suggest from; default {@link MENTOR_SKILL_LEVEL}, lowered to the top of `scale` when that is lower. */
  minLevel?: number;
  /** The framework's proficiency scale. */
  scale?: readonly { level: number }[];
  /** Skill keys in the framework's order, for ordering within equal levels (default: by key). */
  skillOrder?: readonly string[];
}

/** The level from which skills are suggested for mentoring on this scale. */
export function mentorSkillThreshold(options: Pick<OfferedSkillOptions, 'minLevel' | 'scale'> = {}): number {
  const wanted = options.minLevel ?? MENTOR_SKILL_LEVEL;
  const top = options.scale && options.scale.length > 0 ? Math.max(...options.scale.map((l) => l.level)) : Infinity;
  return Math.min(wanted, top);
}

/**
 * The skills to suggest a person offers as a mentor: those whose counted level is at or above the
 * threshold (4 on a 1..5 scale). Manager-confirmed ones first, then higher levels, then the
 * framework's order (or key). The person may add or remove skills before saving.
 */
export function suggestOfferedSkills(assessments: readonly Assessment[], options: OfferedSkillOptions = {}): OfferedSkillSuggestion[] {
  const threshold = mentorSkillThreshold(options);
  const order = new Map((options.skillOrder ?? []).map((k, i) => [k, i]));
  const suggestions: OfferedSkillSuggestion[] = [];
  for (const [skillKey, current] of currentProfile(assessments)) {
    if (current.level < threshold) continue;
    const confirmedLevel = current.manager ? Math.min(current.manager.level, current.level) : null;
    suggestions.push({
      skillKey,
      level: current.level,
      managerConfirmed: confirmedLevel !== null && confirmedLevel >= threshold,
      selfLevel: current.self?.level ?? null,
      managerLevel: current.manager?.level ?? null,
    });
  }
  const position = (k: string) => order.get(k) ?? Infinity;
  return suggestions.sort(
    (a, b) =>
      Number(b.managerConfirmed) - Number(a.managerConfirmed) ||
      b.level - a.level ||
      position(a.skillKey) - position(b.skillKey) ||
      (a.skillKey < b.skillKey ? -1 : a.skillKey > b.skillKey ? 1 : 0),
  );
}
