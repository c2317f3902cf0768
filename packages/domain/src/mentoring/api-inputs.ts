import { z } from 'zod';
import { findMentorsQuerySchema } from './matching.js';
import { MEETING_FREQUENCIES, MEETING_MODES, MAX_MEETING_NOTE_LENGTH, mentorProfileInputSchema } from './profiles.js';
import { CLOSING_REASONS, DECLINE_REASONS, MAX_MOVE_NOTE_LENGTH, MAX_RELATIONSHIP_FOCUS_SKILLS, RELATIONSHIP_MOVES, relationshipMoveSchema, type RelationshipMoveInput } from './relationships.js';
import { MAX_NEXT_STEPS, sessionInputSchema } from './sessions.js';
import { sharingInputSchema } from './sharing.js';
import { distinct, idSchema, multilineText, skillKeySchema } from './text.js';

/**
 * The shapes the API's GraphQL inputs take (flat objects whose fields are exactly the input type's),
 * built from the rules' own schemas: the version a change starts from, the relationship it is on.
 */

const expectedVersion = z.number({ message: 'must be a version number' }).int().min(0).max(2_147_483_647);

export const meetingPreferencesInputSchema = z.object({
  modes: distinct(z.enum(MEETING_MODES, { message: `choose from ${MEETING_MODES.join(', ')}` }), { max: MEETING_MODES.length, what: 'way to meet' }).default([]),
  frequency: z.enum(MEETING_FREQUENCIES, { message: `choose one of ${MEETING_FREQUENCIES.join(', ')}` }).nullable().default(null),
  note: multilineText(MAX_MEETING_NOTE_LENGTH).default(''),
});

/** Saving my mentor profile: the profile, and the version I read (null when I have none yet). */
export const saveMentorProfileSchema = mentorProfileInputSchema.extend({ expectedVersion: expectedVersion.nullable().default(null) });
export type SaveMentorProfileInput = z.output<typeof saveMentorProfileSchema>;

export const findMentorsInputSchema = findMentorsQuerySchema;

/** A move as one flat input (GraphQL has no input unions); {@link toRelationshipMove} checks it against the move's own schema. */
export const mentorshipMoveInputSchema = z.object({
  mentorshipId: idSchema,
  expectedVersion,
  move: z.enum(RELATIONSHIP_MOVES, { message: `choose one of ${RELATIONSHIP_MOVES.join(', ')}` }),
  focusSkillKeys: distinct(skillKeySchema, { min: 1, max: MAX_RELATIONSHIP_FOCUS_SKILLS, what: 'focus skill' }).nullish(),
  declineReason: z.enum(DECLINE_REASONS, { message: `choose one of ${DECLINE_REASONS.join(', ')}` }).nullish(),
  endReason: z.enum(CLOSING_REASONS, { message: `choose one of ${CLOSING_REASONS.join(', ')}` }).nullish(),
  note: multilineText(MAX_MOVE_NOTE_LENGTH).nullish(),
});
export type MentorshipMoveInput = z.output<typeof mentorshipMoveInputSchema>;

/** The move's own shape, or field errors (a decline needs its reason, an end its reason). */
export function toRelationshipMove(input: MentorshipMoveInput): { ok: true; move: RelationshipMoveInput } | { ok: false; fields: Record<string, string> } {
  const parsed = relationshipMoveSchema.safeParse({
    move: input.move,
    note: input.note ?? '',
    ...(input.focusSkillKeys ? { focusSkillKeys: input.focusSkillKeys } : {}),
    ...(input.declineReason ? { declineReason: input.declineReason } : {}),
    ...(input.endReason ? { endReason: input.endReason } : {}),
  });
  if (parsed.success) return { ok: true, move: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'move')] ??= issue.message;
  return { ok: false, fields };
}

/** The mentee answers one proposed next step of a session (by its position in the session). */
export const answerNextStepInputSchema = z.object({
  sessionId: idSchema,
  index: z.number({ message: 'must be a whole number' }).int().min(0).max(MAX_NEXT_STEPS - 1),
  answer: z.enum(['accept', 'decline'], { message: 'choose accept or decline' }),
});
export type AnswerNextStepInput = z.output<typeof answerNextStepInputSchema>;

export const mentorshipSharingInputSchema = sharingInputSchema.extend({ expectedVersion });
export const logSessionInputSchema = sessionInputSchema.extend({ mentorshipId: idSchema });
