import { z } from 'zod';
import { calendarDate, intBetween, multiLineText, singleLineText, TEXT_LIMITS, uuidSchema, versionSchema } from './text.js';

/**
 * The shape of the plans module's inputs. The lifecycle rules (what may change in which status,
 * whose plan it is, which skills belong to its framework) are checked by the API against the plan.
 */

export const MAX_ACTION_TITLE_LENGTH = 200;
/** Action descriptions, evidence and check-in notes. */
export const MAX_ACTION_TEXT_LENGTH = 2000;
export const DUE_DATE_MESSAGE = 'A due date is a calendar date (YYYY-MM-DD).';

const skillKeys = z.array(singleLineText(TEXT_LIMITS.name)).max(200, 'Link at most 200 skills.');
const dueOn = calendarDate(DUE_DATE_MESSAGE);
const actionText = multiLineText(MAX_ACTION_TEXT_LENGTH);

export const planVersionInputSchema = z.object({ planId: uuidSchema, expectedVersion: versionSchema });

export const createPlanInputSchema = z.object({
  targetRoleId: uuidSchema,
  reviewRhythmWeeks: intBetween(0, 1000, 'Review every 4, 6, 8 or 12 weeks.').nullish(),
  timeZone: singleLineText(100).nullish(),
});

export const sendBackPlanInputSchema = planVersionInputSchema.extend({ comment: multiLineText(TEXT_LIMITS.note) });

export const updatePlanActionInputSchema = z.object({
  actionId: uuidSchema,
  expectedPlanVersion: versionSchema,
  status: z.string().nullish(),
  evidence: actionText.nullish(),
  dueOn: dueOn.nullish(),
  type: z.string().nullish(),
  skillKeys: skillKeys.nullish(),
});

export const addPlanActionInputSchema = planVersionInputSchema.extend({
  type: z.string(),
  title: singleLineText(MAX_ACTION_TITLE_LENGTH),
  description: actionText.nullish(),
  skillKeys: skillKeys.nullish(),
  dueOn: dueOn.nullish(),
});

export const setReviewRhythmInputSchema = planVersionInputSchema.extend({
  reviewRhythmWeeks: intBetween(0, 1000, 'Review every 4, 6, 8 or 12 weeks.'),
});

export const removePlanActionInputSchema = z.object({ actionId: uuidSchema, expectedPlanVersion: versionSchema });

export const checkInProgressInputSchema = z.object({ actionId: uuidSchema, status: z.string(), note: actionText.nullish() });

/** How one focus skill went since the last check-in (progress: one of FOCUS_PROGRESS, checked by the API). */
export const checkInFocusInputSchema = z.object({ skillKey: singleLineText(TEXT_LIMITS.name), progress: z.string(), note: actionText.nullish() });

export const recordCheckInInputSchema = planVersionInputSchema.extend({
  reflection: multiLineText(TEXT_LIMITS.note),
  progress: z.array(checkInProgressInputSchema).max(500).nullish(),
  focus: z.array(checkInFocusInputSchema).max(20, 'A plan has at most 5 focus skills.').nullish(),
  privateNote: multiLineText(TEXT_LIMITS.note).nullish(),
});

export const changePlanDirectionInputSchema = planVersionInputSchema.extend({
  targetRoleId: uuidSchema,
  reason: z.string(),
  note: multiLineText(TEXT_LIMITS.note).nullish(),
});

/** Suggestions of the plan's proposal the person adds to the plan as actions ("Add to plan"). */
export const addPlanSuggestionsInputSchema = planVersionInputSchema.extend({
  suggestionIds: z
    .array(singleLineText(300))
    .min(1, 'Choose at least one suggestion.')
    .max(10, 'Choose at most 10 suggestions.')
    .refine((ids) => new Set(ids).size === ids.length, 'Choose each suggestion once.'),
});
