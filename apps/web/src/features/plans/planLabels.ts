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

/** The readiness forecast in a sentence. */
export function forecastText(forecast: { kind: string; reason?: string | null; monthsToReady?: number | null }): string {
  if (forecast.kind === 'ready') return 'Ready now.';
  if (forecast.kind === 'forecast' && forecast.monthsToReady != null) return `At your pace so far, ready in about ${forecast.monthsToReady} months.`;
  return 'Not enough history yet to forecast when you will be ready.';
}

export const ACTION_TYPE_LABELS: Record<PlanActionType, string> = {
  QUALIFICATION: 'Qualification',
  COURSE: 'Course',
  ON_THE_JOB: 'On the job',
  READING: 'Reading',
  MENTORING: 'Mentoring',
  OTHER: 'Other',
};

export const ACTION_STATUS_OPTIONS = Object.entries(ACTION_STATUS_LABELS).map(([value, label]) => ({ value, label }));
