import { z } from 'zod';
import { MAX_EVIDENCE_NOTE_LENGTH, recordAssessmentInputSchema } from './assessments-inputs.js';
import { multiLineText, TEXT_LIMITS } from './text.js';

/**
 * The forms of a plan's review (the web's; the API checks the same inputs with the schemas they
 * extend): a send-back always says why, and a manager's rating that differs from the person's own carries a comment.
 */
export const sendBackCommentSchema = z.object({
  comment: multiLineText(TEXT_LIMITS.note).refine((value) => value.trim().length > 0, 'Say why the plan is sent back: a comment is required.'),
});
export type SendBackComment = z.infer<typeof sendBackCommentSchema>;

/**
 * A manager's rating needs a comment when it differs from the person's own latest rating of the skill, or
 * when they have not rated it (there is nothing to agree with): the person reads why beside their own. A
 * rating that agrees with theirs may go without one. The form and the API (AssessmentsService) both ask this.
 */
export function managerRatingCommentProblem(input: { level: number; evidenceNote?: string | null }, selfLevel: number | null | undefined): string | null {
  if ((input.evidenceNote ?? '').trim().length > 0) return null;
  if (selfLevel == null) return 'Say what the rating is based on: they have not rated this skill themselves, so a comment is required.';
  if (input.level !== selfLevel) return `Say what the rating is based on: it differs from their own rating (${selfLevel}), so a comment is required.`;
  return null;
}

const withComment =
  (selfLevel: number | null | undefined) =>
  (value: { level: number; evidenceNote?: string | null }, context: z.RefinementCtx): void => {
    const problem = managerRatingCommentProblem(value, selfLevel);
    if (problem) context.addIssue({ code: 'custom', path: ['evidenceNote'], message: problem });
  };

/** A manager's rating of a report's skill whose own latest rating is `selfLevel` (null: not rated). */
export function managerRatingSchemaFor(selfLevel: number | null | undefined) {
  return recordAssessmentInputSchema.superRefine(withComment(selfLevel));
}

/** The manager's rating form (level and comment; the skill is the dialog's), with the same rule. */
export function managerRatingFormSchemaFor(selfLevel: number | null | undefined) {
  return z.object({ level: recordAssessmentInputSchema.shape.level, evidenceNote: multiLineText(MAX_EVIDENCE_NOTE_LENGTH) }).superRefine(withComment(selfLevel));
}
export type ManagerRating = z.infer<ReturnType<typeof managerRatingSchemaFor>>;
