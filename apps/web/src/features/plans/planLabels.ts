import type { PlanActionStatus, PlanActionType, PlanStatus } from '../../gql/graphql';

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: 'Draft',
  PROPOSED: 'Waiting for agreement',
  AGREED: 'Agreed',
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  ABANDONED: 'Abandoned',
};

export const ACTION_STATUS_LABELS: Record<PlanActionStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  DROPPED: 'Dropped',
};

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The readiness forecast in a sentence: the pace it rests on, or why there is none yet. */
/** A forecast's months as people say them: "about 7 months", "about 2½ years"; tenths of a month are false precision. */
export function aboutDuration(months: number): string {
  if (months < 1) return 'within a month';
  if (months < 18) {
    const whole = Math.round(months);
    return `about ${whole} ${whole === 1 ? 'month' : 'months'}`;
  }
  const halves = Math.round((months / 12) * 2) / 2;
  return `about ${Math.floor(halves)}${halves % 1 ? '½' : ''} years`;
}

/**
 * The readiness forecast in a sentence. `whose` is the reader's view: the person reads "your pace", their
 * manager, approver or mentor reads "their pace".
 */
export function forecastText(
  forecast: { kind: string; reason?: string | null; monthsToReady?: number | null; levelsGained?: number | null; historyMonths?: number | null },
  whose: 'your' | 'their' = 'your',
): string {
  if (forecast.kind === 'ready') return 'Ready now on what is known.';
  if (forecast.kind === 'forecast' && forecast.monthsToReady != null) {
    const pace = forecast.levelsGained != null && forecast.historyMonths != null ? ` (${forecast.levelsGained} ${forecast.levelsGained === 1 ? 'level' : 'levels'} gained in ${forecast.historyMonths} months)` : '';
    return `At ${whose} pace so far${pace}, ready in ${aboutDuration(forecast.monthsToReady)}.`;
  }
  return `No forecast yet: ${forecast.reason ?? 'not enough rating history'}.`;
}

/** How the person's levels are known, for people reading a readiness figure. */
export const BASIS_LABELS: Record<string, string> = {
  RATED: 'rated',
  ASSUMED: 'assumed from your current role',
  UNKNOWN: 'not rated',
};

export const FOCUS_PROGRESS_LABELS = {
  NOT_STARTED: 'Not started',
  SOME_PROGRESS: 'Some progress',
  GOOD_PROGRESS: 'Good progress',
  AIM_REACHED: 'Aim reached',
} as const;

export const ACTION_TYPE_LABELS: Record<PlanActionType, string> = {
  QUALIFICATION: 'Qualification',
  COURSE: 'Course',
  ON_THE_JOB: 'On the job',
  READING: 'Reading',
  MENTORING: 'Mentoring',
  OTHER: 'Other',
};

export const ACTION_STATUS_OPTIONS = Object.entries(ACTION_STATUS_LABELS).map(([value, label]) => ({ value, label }));
