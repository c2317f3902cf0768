import { z } from 'zod';
import { intBetween, multiLineText, singleLineText, TEXT_LIMITS, uuidSchema } from './text.js';

/** The longest evidence note an assessment keeps. */
export const MAX_EVIDENCE_NOTE_LENGTH = 2000;

/** A rating of one skill; whether the level is on the framework's scale is checked against it by the API. */
export const recordAssessmentInputSchema = z.object({
  skillId: uuidSchema,
  level: intBetween(0, 100, 'Choose a level on the scale.'),
  evidenceNote: multiLineText(MAX_EVIDENCE_NOTE_LENGTH).nullish(),
  evidenceUrl: singleLineText(TEXT_LIMITS.url).nullish(),
});
