import { z } from 'zod';
import { daysBetween, type CalendarDate } from '../plans/cadence.js';
import { PLAN_ACTION_TYPES, type PlanActionType } from '../plans/gaps.js';
import { isClosedPlan, type PlanStatus } from '../plans/lifecycle.js';
import { calendarDateSchema, distinct, idSchema, multilineText, singleLineText, skillKeySchema } from './text.js';

/**
 * Mentoring sessions: either side logs one (the day, how long, agenda items linked to focus skills
 * or plan actions, shared notes both read, private notes only their author reads) and may propose
 * next steps, which the mentee accepts into their plan as actions or declines.
 */

export const MIN_SESSION_MINUTES = 5;
export const MAX_SESSION_MINUTES = 480;
export const MAX_AGENDA_ITEMS = 20;
export const MAX_AGENDA_ITEM_LENGTH = 200;
export const MAX_SESSION_NOTES_LENGTH = 10_000;
export const MAX_NEXT_STEPS = 10;
/** The same limits the plan's own actions have (plans.service). */
export const MAX_ACTION_TITLE_LENGTH = 200;
export const MAX_ACTION_DESCRIPTION_LENGTH = 2000;
export const MAX_ACTION_SKILLS = 10;

/** One agenda item: what was discussed, linked to at most one focus skill or plan action (or neither). */
export const agendaItemSchema = z
  .object({
    text: singleLineText(MAX_AGENDA_ITEM_LENGTH),
    focusSkillKey: skillKeySchema.nullable().default(null),
    planActionId: idSchema.nullable().default(null),
  })
  .refine((item) => item.focusSkillKey === null || item.planActionId === null, {
    message: 'link an agenda item to a focus skill or a plan action, not both',
    path: ['planActionId'],
  });
export type AgendaItem = z.output<typeof agendaItemSchema>;

/**
 * A next step proposed for the mentee's plan: the fields of a plan action (type, title,
 * description, skills, due date), so accepting it adds exactly this action (see {@link toPlanAction}).
 * The type defaults to "mentoring".
 */
export const proposedPlanActionSchema = z.object({
  type: z.enum(PLAN_ACTION_TYPES, { message: `choose one of ${PLAN_ACTION_TYPES.join(', ')}` }).default('mentoring'),
  title: singleLineText(MAX_ACTION_TITLE_LENGTH),
  description: multilineText(MAX_ACTION_DESCRIPTION_LENGTH).default(''),
  skillKeys: distinct(skillKeySchema, { max: MAX_ACTION_SKILLS, what: 'skill' }).default([]),
  dueOn: calendarDateSchema.nullable().default(null),
});
export type ProposedPlanAction = z.output<typeof proposedPlanActionSchema>;

/** What a logged session carries. */
export const sessionInputSchema = z.object({
  heldOn: calendarDateSchema,
  minutes: z
    .number({ message: 'must be a whole number of minutes' })
    .int({ message: 'must be a whole number of minutes' })
    .min(MIN_SESSION_MINUTES, { message: `a session lasts at least ${MIN_SESSION_MINUTES} minutes` })
    .max(MAX_SESSION_MINUTES, { message: `a session lasts at most ${MAX_SESSION_MINUTES} minutes (8 hours)` }),
  agenda: z.array(agendaItemSchema).max(MAX_AGENDA_ITEMS, { message: `at most ${MAX_AGENDA_ITEMS} agenda items` }).default([]),
  /** Both sides read these. */
  sharedNotes: multilineText(MAX_SESSION_NOTES_LENGTH).default(''),
  /** Only the person who logged the session reads these. */
  privateNotes: multilineText(MAX_SESSION_NOTES_LENGTH).default(''),
  nextSteps: z.array(proposedPlanActionSchema).max(MAX_NEXT_STEPS, { message: `at most ${MAX_NEXT_STEPS} next steps` }).default([]),
});
export type SessionInput = z.output<typeof sessionInputSchema>;

export interface SessionContext {
  /** Today in the time zone sessions are dated in (the mentee's). */
  today: CalendarDate;
  /** The local day the relationship started (a session cannot be before it). */
  startedOn: CalendarDate;
  /** The relationship's agreed focus skills. */
  focusSkillKeys: readonly string[];
  /** Ids of the actions in the mentee's plan the mentor may see (none when the plan is not shared). */
  planActionIds: readonly string[];
  /** Skill keys of the plan's framework version, for next steps' skills. */
  frameworkSkillKeys: Iterable<string>;
}

/**
 * Field errors (path → message, paths as the form names them: "heldOn", "agenda.2.focusSkillKey",
 * "nextSteps.0.dueOn") for a parsed session that does not fit its relationship; empty when it fits.
 */
export function sessionProblems(session: SessionInput, context: SessionContext): Record<string, string> {
  const fields: Record<string, string> = {};
  if (daysBetween(session.heldOn, context.today) < 0) fields.heldOn = 'a session cannot be logged ahead of the day it is held';
  else if (daysBetween(context.startedOn, session.heldOn) < 0) fields.heldOn = `the mentorship started on ${context.startedOn}: a session cannot be earlier`;
  const focus = new Set(context.focusSkillKeys);
  const actions = new Set(context.planActionIds);
  session.agenda.forEach((item, i) => {
    if (item.focusSkillKey !== null && !focus.has(item.focusSkillKey)) fields[`agenda.${i}.focusSkillKey`] = 'not one of this mentorship’s focus skills';
    if (item.planActionId !== null && !actions.has(item.planActionId)) fields[`agenda.${i}.planActionId`] = 'not an action of the plan shared with this mentorship';
  });
  const skills = new Set(context.frameworkSkillKeys);
  session.nextSteps.forEach((step, i) => {
    const unknown = step.skillKeys.filter((k) => !skills.has(k));
    if (unknown.length > 0) fields[`nextSteps.${i}.skillKeys`] = `not in the plan’s framework: ${unknown.map((k) => `"${k}"`).join(', ')}`;
    if (step.dueOn !== null && daysBetween(session.heldOn, step.dueOn) < 0) fields[`nextSteps.${i}.dueOn`] = 'a next step cannot be due before the session';
  });
  return fields;
}

export const NEXT_STEP_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export type NextStepStatus = (typeof NEXT_STEP_STATUSES)[number];

/** The plan action a next step becomes when the mentee accepts it (the fields the plan's add-action takes). */
export function toPlanAction(step: ProposedPlanAction): { type: PlanActionType; title: string; description: string; skillKeys: string[]; dueOn: string | null } {
  return { type: step.type, title: step.title, description: step.description, skillKeys: [...step.skillKeys], dueOn: step.dueOn };
}

/**
 * Why a next step cannot be accepted or declined now, or null. Only the mentee answers, and once.
 * Accepting needs a plan that is not finished: it adds the action to the plan in whatever open
 * status it is (the mentee's own choice; the plans module decides how an addition to an agreed plan
 * is recorded). Declining needs no plan.
 */
export function nextStepAnswerProblem(
  step: { status: NextStepStatus },
  answer: 'accept' | 'decline',
  answeredBy: 'mentee' | 'mentor' | 'other',
  planStatus: PlanStatus | null,
): string | null {
  if (answeredBy !== 'mentee') return 'only the mentee accepts or declines a next step for their plan';
  if (step.status !== 'proposed') return `this next step was already ${step.status}`;
  if (answer === 'decline') return null;
  if (planStatus === null) return 'there is no plan to add it to: start a plan first';
  if (isClosedPlan(planStatus)) return `the plan is ${planStatus}: start a new plan to add actions`;
  return null;
}
