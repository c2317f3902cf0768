import { z } from 'zod';
import type { FrameworkDocument } from '../framework/document.js';
import { descriptorSummary, levelNamer } from '../framework/scales.js';
import { PLAN_ACTION_STATUSES, type PlanActionStatus } from './lifecycle.js';

/**
 * The check-in asks about the plan's focus: one question per focus skill, with the actions that work
 * on it, and one more for open actions outside the focus. Each action appears once, under the first
 * focus skill it works on, so the form has a row per thing the person is really doing.
 */

/** A focus skill of the plan's current revision and the level it aims at. */
export interface PlanFocusSkill {
  skillKey: string;
  aimLevel: number;
}

export interface CheckInAction {
  id: string;
  title: string;
  status: PlanActionStatus;
  skillKeys: readonly string[];
}

export interface CheckInQuestion {
  /** The focus skill asked about; null for the actions outside the focus. */
  skillKey: string | null;
  title: string;
  prompt: string;
  aimLevel: number | null;
  aimLevelName: string | null;
  aimDescriptor: string | null;
  /** The actions to report progress on (dropped ones left out). */
  actions: { id: string; title: string; status: PlanActionStatus }[];
}

/** What checkInQuestions reads of a framework: skill names and descriptors, and each skill's scale (its level names). */
export type CheckInFramework = Pick<FrameworkDocument, 'skills' | 'proficiencyScale' | 'scales' | 'skillCategories'>;

/** The questions of a check-in, focus skills in the plan's order, then the other open actions (if any). */
export function checkInQuestions(doc: CheckInFramework, focus: readonly PlanFocusSkill[], actions: readonly CheckInAction[]): CheckInQuestion[] {
  const skills = new Map(doc.skills.map((s) => [s.key, s]));
  const names = levelNamer(doc);
  const live = actions.filter((a) => a.status !== 'dropped');
  const asked = new Set<string>();
  const seenSkills = new Set<string>();
  const questions: CheckInQuestion[] = [];
  for (const f of focus) {
    if (seenSkills.has(f.skillKey)) continue;
    seenSkills.add(f.skillKey);
    const skill = skills.get(f.skillKey);
    const name = skill?.name ?? f.skillKey;
    const descriptor = descriptorSummary(skill?.levels[String(f.aimLevel)]);
    const levelName = names(f.skillKey, f.aimLevel);
    const own = live.filter((a) => !asked.has(a.id) && a.skillKeys.includes(f.skillKey));
    own.forEach((a) => asked.add(a.id));
    questions.push({
      skillKey: f.skillKey,
      title: name,
      prompt: `How is ${name} going? You are working towards level ${f.aimLevel}${levelName ? ` (${levelName})` : ''}${descriptor ? `: “${descriptor}”` : '.'}`,
      aimLevel: f.aimLevel,
      aimLevelName: levelName,
      aimDescriptor: descriptor,
      actions: own.map(({ id, title, status }) => ({ id, title, status })),
    });
  }
  const others = live.filter((a) => !asked.has(a.id) && a.status !== 'done');
  if (others.length > 0) {
    questions.push({
      skillKey: null,
      title: 'Other actions',
      prompt: 'How are your other actions going?',
      aimLevel: null,
      aimLevelName: null,
      aimDescriptor: null,
      actions: others.map(({ id, title, status }) => ({ id, title, status })),
    });
  }
  return questions;
}

/** How a focus skill went since the last check-in. */
export const FOCUS_PROGRESS = ['not-started', 'some-progress', 'good-progress', 'aim-reached'] as const;
export type FocusProgress = (typeof FOCUS_PROGRESS)[number];

const actionAnswerSchema = z.object({
  actionId: z.string().trim().min(1, 'must not be empty'),
  status: z.enum(PLAN_ACTION_STATUSES),
  note: z.string().trim().max(2000, 'at most 2000 characters').nullish(),
});

const focusAnswerSchema = z.object({
  /** The focus skill answered about; null for the other actions. */
  skillKey: z.string().trim().min(1).nullable(),
  progress: z.enum(FOCUS_PROGRESS).nullish(),
  note: z.string().trim().max(2000, 'at most 2000 characters').nullish(),
  actions: z.array(actionAnswerSchema).max(50).default([]),
});

/** A check-in's answers, one per question (checkInAnswerProblems checks them against the questions). */
export const checkInAnswersSchema = z.object({
  reflection: z.string().trim().max(5000, 'at most 5000 characters').default(''),
  answers: z.array(focusAnswerSchema).max(20),
  privateNote: z.string().trim().max(5000, 'at most 5000 characters').nullish(),
});
export type CheckInAnswersInput = z.input<typeof checkInAnswersSchema>;
export type CheckInAnswers = z.infer<typeof checkInAnswersSchema>;

/**
 * Why parsed answers do not fit the questions, by field path ("answers.1.progress"); {} when they do.
 * Every focus skill needs an answer with its progress; an answer must be about a question asked, and
 * report only that question's actions, each once.
 */
export function checkInAnswerProblems(questions: readonly CheckInQuestion[], answers: CheckInAnswers): Record<string, string> {
  const problems: Record<string, string> = {};
  const byKey = new Map(questions.map((q) => [q.skillKey, q]));
  const answered = new Set<string | null>();
  const reported = new Set<string>();
  answers.answers.forEach((answer, i) => {
    const question = byKey.get(answer.skillKey);
    if (!question) {
      problems[`answers.${i}.skillKey`] = answer.skillKey ? `"${answer.skillKey}" is not a focus skill of this plan.` : 'This plan has no other actions to report on.';
      return;
    }
    if (answered.has(answer.skillKey)) problems[`answers.${i}.skillKey`] = `${question.title} is answered twice.`;
    answered.add(answer.skillKey);
    if (question.skillKey !== null && !answer.progress) problems[`answers.${i}.progress`] = `Say how ${question.title} went.`;
    const own = new Set(question.actions.map((a) => a.id));
    answer.actions.forEach((action, j) => {
      if (!own.has(action.actionId)) problems[`answers.${i}.actions.${j}.actionId`] = `This action is not asked about under ${question.title}.`;
      else if (reported.has(action.actionId)) problems[`answers.${i}.actions.${j}.actionId`] = 'This action is reported twice.';
      reported.add(action.actionId);
    });
  });
  const missing = questions.filter((q) => q.skillKey !== null && !answered.has(q.skillKey)).map((q) => q.title);
  if (missing.length > 0) problems.answers = `Say how ${missing.join(', ')} went.`;
  return problems;
}
