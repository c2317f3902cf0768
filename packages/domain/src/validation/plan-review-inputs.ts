import { z } from 'zod';
import { MAX_EVIDENCE_NOTE_LENGTH, recordAssessmentInputSchema } from './assessments-inputs.js';
import { multiLineText, TEXT_LIMITS } from './text.js';

/**
 * The forms of a plan's review (the web's; the API checks the same inputs with the schemas they
 * extend): a send-back always says why, and a manager's rating carries a comment.
 */
export const sendBackCommentSchema = z.object({
  comment: multiLineText(TEXT_LIMITS.note).refine((value) => value.trim().length > 0, 'Say why the plan is sent back: a comment is required.'),
});
export type SendBackComment = z.infer<typeof sendBackCommentSchema>;

export const managerRatingSchema = recordAssessmentInputSchema.extend({
  evidenceNote: multiLineText(MAX_EVIDENCE_NOTE_LENGTH).refine((value) => value.trim().length > 0, 'Say what the rating is based on: a comment is required.'),
});
export type ManagerRating = z.infer<typeof managerRatingSchema>;
