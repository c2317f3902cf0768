import type { TeamLike } from '../people/teams.js';
import { DEFAULT_STALE_DAYS, isStale, reviewState, type CalendarDate } from '../plans/cadence.js';
import { isClosedPlan, type PlanActionStatus, type PlanStatus } from '../plans/lifecycle.js';
import type { PlanActionType } from '../plans/gaps.js';
import { ORGANISATION, teamHierarchy, type PeopleFilter, type ReportCatalogue, type TeamHierarchy } from './organisation.js';
import { cellKey, figure, ratio, rollUp, suppressMeasure, type Figure, type RolledCell } from './rollup.js';
import { checkFilter, drillRows } from './skills.js';
import type { SuppressionReason } from './suppression.js';

/**
 * Participation and plan health (point 5): the share of people with an open plan, with an agreed one,
 * an active one, reviews on time and overdue, plans gone stale; training demand (qualifications and
 * courses wanted across open plans); mentoring coverage (mentees, waiting, active mentors of people
 * with a plan, active and fizzling pairs) when mentoring data is given. All from
 * additive rollup rows per (team, role), like the skill figures.
 */

/** Plan health of the people directly in a team with a role. */
export interface PlanHealthRow {
  teamId: string | null;
  roleId: string | null;
  /** Active people. */
  people: number;
  /** With an open plan (draft, proposed, agreed or active). */
  withPlan: number;
  /** Whose open plan has been agreed (agreed or active). */
  agreed: number;
  /** Whose plan is active. */
  active: number;
  /** Agreed or active plans with a review due date. */
  inReview: number;
  /** ...whose review is not overdue. */
  reviewedOnTime: number;
  /** ...whose review is overdue. */
  overdue: number;
  /** Open plans with no activity for the organisation's stale threshold. */
  stale: number;
}

export interface PlanHealthPerson {
  teamId: string | null;
  roleId: string | null;
  /** Their latest plan, as it stood at the moment reported on (null: none). */
  plan: {
    status: PlanStatus;
    reviewDueOn: CalendarDate | null;
    lastActivityAt: Date;
    timeZone: string;
  } | null;
}

/** The plan-health rollup of a list of people at `now`, stale after `staleDays` (default 30). */
export function planHealthRowsFromPeople(people: readonly PlanHealthPerson[], now: Date, staleDays = DEFAULT_STALE_DAYS): PlanHealthRow[] {
  const rows = new Map<string, PlanHealthRow>();
  for (const person of people) {
    const key = `${person.teamId ?? ''}\u0000${person.roleId ?? ''}`;
    const row = rows.get(key) ?? {
      teamId: person.teamId,
      roleId: person.roleId,
      people: 0,
      withPlan: 0,
      agreed: 0,
      active: 0,
      inReview: 0,
      reviewedOnTime: 0,
      overdue: 0,
      stale: 0,
    };
    rows.set(key, row);
    row.people++;
    const plan = person.plan;
    if (!plan || isClosedPlan(plan.status)) continue;
    row.withPlan++;
    if (isStale(now, plan.lastActivityAt, staleDays, plan.timeZone)) row.stale++;
    if (plan.status !== 'agreed' && plan.status !== 'active') continue;
    row.agreed++;
    if (plan.status === 'active') row.active++;
    if (plan.reviewDueOn === null) continue;
    row.inReview++;
    if (reviewState(now, { reviewDueOn: plan.reviewDueOn, timeZone: plan.timeZone }) === 'overdue') row.overdue++;
    else row.reviewedOnTime++;
  }
  return [...rows.values()];
}

/** Training wanted by people directly in a team: one qualification or course across their open plans. */
export interface TrainingDemandRow {
  teamId: string | null;
  kind: 'qualification' | 'course';
  /** The qualification's id, or the course's normalised title ({@link courseId}). */
  itemId: string;
  title: string;
  /** People with at least one open action for it (not done, not dropped). */
  people: number;
}

/** Courses are free text: the same course written differently counts once. */
export function courseId(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, ' ');
}

export interface TrainingDemandPerson {
  teamId: string | null;
  plan: {
    status: PlanStatus;
    actions: readonly { type: PlanActionType; title: string; qualificationId?: string | null; status: PlanActionStatus }[];
  } | null;
}

export function trainingDemandRowsFromPeople(people: readonly TrainingDemandPerson[], titles: ReadonlyMap<string, string> = new Map()): TrainingDemandRow[] {
  const rows = new Map<string, TrainingDemandRow>();
  for (const person of people) {
    if (!person.plan || isClosedPlan(person.plan.status)) continue;
    const items = new Map<string, { kind: TrainingDemandRow['kind']; itemId: string; title: string }>();
    for (const action of person.plan.actions) {
      if (action.status === 'done' || action.status === 'dropped') continue;
      if (action.type === 'qualification' && action.qualificationId) {
        items.set(`q\u0000${action.qualificationId}`, {
          kind: 'qualification',
          itemId: action.qualificationId,
          title: titles.get(action.qualificationId) ?? action.title,
        });
      } else if (action.type === 'course' && action.title.trim()) {
        items.set(`c\u0000${courseId(action.title)}`, { kind: 'course', itemId: courseId(action.title), title: action.title.trim() });
      }
    }
    for (const [itemKey, item] of items) {
      const key = `${person.teamId ?? ''}\u0000${itemKey}`;
      const row = rows.get(key) ?? { teamId: person.teamId, ...item, people: 0 };
      row.people++;
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

/** Mentoring coverage of the people directly in a team with a role (pairs counted at the mentee's team). */
export interface MentoringRow {
  teamId: string | null;
  roleId: string | null;
  people: number;
  /** People with an active mentor or waiting for one. */
  mentees: number;
  /** People with at least one active mentorship. */
  withActiveMentor: number;
  /** Requested a mentor, none active yet. */
  waiting: number;
  /** People with an open plan... */
  withPlan: number;
  /** ...of whom with an active mentor. */
  withPlanAndMentor: number;
  /** Active mentorships (a mentee may have more than one). */
  activePairs: number;
  /** ...of which fizzling (no session for the organisation's N weeks). */
  fizzlingPairs: number;
}

/** One person as mentoring coverage needs them, at the moment reported on. */
export interface MentoringPerson {
  teamId: string | null;
  roleId: string | null;
  hasOpenPlan: boolean;
  /** Their relationships as mentee that were open then (requested or active; paused and ended ones left out). */
  mentorships: readonly { status: 'requested' | 'active'; fizzling: boolean }[];
}

/** The mentoring rollup of a list of people. */
export function mentoringRowsFromPeople(people: readonly MentoringPerson[]): MentoringRow[] {
  const rows = new Map<string, MentoringRow>();
  for (const person of people) {
    const key = `${person.teamId ?? ''}\u0000${person.roleId ?? ''}`;
    const row = rows.get(key) ?? {
      teamId: person.teamId,
      roleId: person.roleId,
      people: 0,
      mentees: 0,
      withActiveMentor: 0,
      waiting: 0,
      withPlan: 0,
      withPlanAndMentor: 0,
      activePairs: 0,
      fizzlingPairs: 0,
    };
    rows.set(key, row);
    row.people++;
    const active = person.mentorships.filter((m) => m.status === 'active');
    const requested = person.mentorships.some((m) => m.status === 'requested');
    if (active.length > 0) row.withActiveMentor++;
    else if (requested) row.waiting++;
    if (active.length > 0 || requested) row.mentees++;
    if (person.hasOpenPlan) {
      row.withPlan++;
      if (active.length > 0) row.withPlanAndMentor++;
    }
    row.activePairs += active.length;
    row.fizzlingPairs += active.filter((m) => m.fizzling).length;
  }
  return [...rows.values()];
}

// ---------------------------------------------------------------------------------------------
// The report

export interface ParticipationInput {
  catalogue: ReportCatalogue;
  teams: readonly TeamLike[];
  planHealth: readonly PlanHealthRow[];
  trainingDemand?: readonly TrainingDemandRow[];
  mentoring?: readonly MentoringRow[] | null;
  k: number;
  /** Also by track and role (default true). */
  filters?: boolean;
}

const HEALTH = ['people', 'withPlan', 'agreed', 'active', 'inReview', 'reviewedOnTime', 'overdue', 'stale'] as const;
const MENTORING = ['people', 'mentees', 'withActiveMentor', 'waiting', 'withPlan', 'withPlanAndMentor', 'activePairs', 'fizzlingPairs'] as const;

export interface ParticipationReport {
  catalogue: ReportCatalogue;
  hierarchy: TeamHierarchy;
  k: number;
  filters: boolean;
  health: ReadonlyMap<string, RolledCell>;
  /** Per base: people, people with a plan, plans in review. */
  healthSuppressed: { people: ReadonlyMap<string, SuppressionReason>; withPlan: ReadonlyMap<string, SuppressionReason>; inReview: ReadonlyMap<string, SuppressionReason> };
  training: ReadonlyMap<string, RolledCell>;
  trainingTitles: ReadonlyMap<string, string>;
  trainingSuppressed: ReadonlyMap<string, SuppressionReason>;
  mentoring: ReadonlyMap<string, RolledCell> | null;
  /**
   * Per base: people, mentees, people with a plan, and people with an active mentor (pairs are
   * shown only over at least k mentees: a pair count is never over fewer people than that).
   */
  mentoringSuppressed: {
    people: ReadonlyMap<string, SuppressionReason>;
    mentees: ReadonlyMap<string, SuppressionReason>;
    withPlan: ReadonlyMap<string, SuppressionReason>;
    withActiveMentor: ReadonlyMap<string, SuppressionReason>;
  } | null;
}

export function participationReport(input: ParticipationInput): ParticipationReport {
  const { catalogue, k } = input;
  const filters = input.filters ?? true;
  const hierarchy = teamHierarchy(input.teams);
  const health = rollUp(
    input.planHealth.map((r) => ({ teamId: r.teamId, roleId: r.roleId, key: '', values: HEALTH.map((f) => r[f]) })),
    HEALTH.length,
    hierarchy,
    catalogue,
    { filters },
  );
  const noFilter = { ...catalogue, tracks: [], roles: [] };
  const trainingKey = (r: TrainingDemandRow) => `${r.kind}:${r.itemId}`;
  const training = rollUp(
    (input.trainingDemand ?? []).map((r) => ({ teamId: r.teamId, roleId: null, key: trainingKey(r), values: [r.people] })),
    1,
    hierarchy,
    noFilter,
    { filters: false },
  );
  const mentoring = input.mentoring
    ? rollUp(
        input.mentoring.map((r) => ({ teamId: r.teamId, roleId: r.roleId, key: '', values: MENTORING.map((f) => r[f]) })),
        MENTORING.length,
        hierarchy,
        catalogue,
        { filters },
      )
    : null;
  return {
    catalogue,
    hierarchy,
    k,
    filters,
    health,
    healthSuppressed: {
      people: suppressMeasure(health, HEALTH.indexOf('people'), hierarchy, catalogue, k),
      withPlan: suppressMeasure(health, HEALTH.indexOf('withPlan'), hierarchy, catalogue, k),
      inReview: suppressMeasure(health, HEALTH.indexOf('inReview'), hierarchy, catalogue, k),
    },
    training,
    trainingTitles: new Map((input.trainingDemand ?? []).map((r) => [trainingKey(r), r.title])),
    trainingSuppressed: suppressMeasure(training, 0, hierarchy, noFilter, k),
    mentoring,
    mentoringSuppressed: mentoring
      ? {
          people: suppressMeasure(mentoring, MENTORING.indexOf('people'), hierarchy, catalogue, k),
          mentees: suppressMeasure(mentoring, MENTORING.indexOf('mentees'), hierarchy, catalogue, k),
          withPlan: suppressMeasure(mentoring, MENTORING.indexOf('withPlan'), hierarchy, catalogue, k),
          withActiveMentor: suppressMeasure(mentoring, MENTORING.indexOf('withActiveMentor'), hierarchy, catalogue, k),
        }
      : null,
  };
}

export interface ParticipationRow {
  teamId: string;
  /** Active people (value = people). */
  people: Figure;
  /** Shares of the people. */
  withPlan: Figure;
  agreed: Figure;
  active: Figure;
  /** Shares of the agreed or active plans with a review date. */
  reviewedOnTime: Figure;
  overdue: Figure;
  /** Share of the open plans. */
  stale: Figure;
  /** Null when no mentoring data was given. */
  mentoring: {
    /** Share of the people with an active mentor or waiting for one. */
    mentees: Figure;
    /** Shares of the mentees. */
    withActiveMentor: Figure;
    waiting: Figure;
    /** Mentees waiting (value = people, over the mentees). */
    waitingPeople: Figure;
    /** Share of the people with an open plan who have an active mentor. */
    planCoverage: Figure;
    /** Active pairs (value = pairs, over the mentees with an active mentor). */
    activePairs: Figure;
    /** Fizzling pairs (value = pairs, over the mentees with an active mentor). */
    fizzlingPairs: Figure;
    /** Share of the active pairs fizzling. */
    fizzling: Figure;
  } | null;
}

/** Per team drilled into and each sub-team, under one filter. */
export function participationView(report: ParticipationReport, options: { teamId?: string | null; filter?: PeopleFilter | null } = {}): ParticipationRow[] {
  const filter = checkFilter(report, options.filter);
  return drillRows(report.hierarchy, options.teamId).map((teamId) => {
    const key = cellKey(teamId, filter, '');
    const v = report.health.get(key)?.values;
    const get = (f: (typeof HEALTH)[number]) => (v?.[HEALTH.indexOf(f)] as number | undefined) ?? 0;
    const byPeople = report.healthSuppressed.people.get(key);
    const byPlans = report.healthSuppressed.withPlan.get(key);
    const byReview = report.healthSuppressed.inReview.get(key);
    const share = (f: (typeof HEALTH)[number], base: (typeof HEALTH)[number], hidden: SuppressionReason | undefined) =>
      figure(ratio(get(f), get(base)), get(base), hidden);
    let mentoring: ParticipationRow['mentoring'] = null;
    if (report.mentoring && report.mentoringSuppressed) {
      const m = report.mentoring.get(key)?.values;
      const mget = (f: (typeof MENTORING)[number]) => (m?.[MENTORING.indexOf(f)] as number | undefined) ?? 0;
      const byMentees = report.mentoringSuppressed.mentees.get(key);
      mentoring = {
        mentees: figure(ratio(mget('mentees'), mget('people')), mget('people'), report.mentoringSuppressed.people.get(key)),
        withActiveMentor: figure(ratio(mget('withActiveMentor'), mget('mentees')), mget('mentees'), byMentees),
        waiting: figure(ratio(mget('waiting'), mget('mentees')), mget('mentees'), byMentees),
        waitingPeople: byMentees ? figure(null, mget('mentees'), byMentees) : { value: mget('waiting'), people: mget('mentees'), suppressed: null },
        planCoverage: figure(ratio(mget('withPlanAndMentor'), mget('withPlan')), mget('withPlan'), report.mentoringSuppressed.withPlan.get(key)),
        ...pairFigures(mget('activePairs'), mget('fizzlingPairs'), mget('withActiveMentor'), report.mentoringSuppressed.withActiveMentor.get(key)),
      };
    }
    return {
      teamId,
      people: byPeople ? figure(null, get('people'), byPeople) : { value: get('people'), people: get('people'), suppressed: null },
      withPlan: share('withPlan', 'people', byPeople),
      agreed: share('agreed', 'people', byPeople),
      active: share('active', 'people', byPeople),
      reviewedOnTime: share('reviewedOnTime', 'inReview', byReview),
      overdue: share('overdue', 'inReview', byReview),
      stale: share('stale', 'withPlan', byPlans),
      mentoring,
    };
  });
}

function pairFigures(active: number, fizzling: number, mentees: number, hidden: SuppressionReason | undefined) {
  if (hidden) return { activePairs: figure(null, mentees, hidden), fizzlingPairs: figure(null, mentees, hidden), fizzling: figure(null, mentees, hidden) };
  return {
    activePairs: { value: active, people: mentees, suppressed: null },
    fizzlingPairs: { value: fizzling, people: mentees, suppressed: null },
    fizzling: figure(ratio(fizzling, active), mentees, null),
  };
}

export interface TrainingDemand {
  kind: 'qualification' | 'course';
  itemId: string;
  title: string;
  /** People wanting it, per team of the drill (the team drilled into first). */
  byTeam: { teamId: string; people: Figure }[];
}

/** Training demand across open plans: each item wanted, most wanted (in the team drilled into) first. */
export function trainingDemand(report: ParticipationReport, options: { teamId?: string | null } = {}): TrainingDemand[] {
  const teams = drillRows(report.hierarchy, options.teamId);
  const items = [...report.trainingTitles.keys()];
  const result = items
    .map((item): TrainingDemand => {
      const [kind, ...rest] = item.split(':');
      return {
        kind: kind as TrainingDemand['kind'],
        itemId: rest.join(':'),
        title: report.trainingTitles.get(item) as string,
        byTeam: teams.map((teamId) => {
          const key = cellKey(teamId, 'all', item);
          const people = (report.training.get(key)?.values[0] as number | undefined) ?? 0;
          const hidden = report.trainingSuppressed.get(key);
          return { teamId, people: hidden ? figure(null, people, hidden) : { value: people, people, suppressed: null } };
        }),
      };
    })
    // A course is free text: one wanted by fewer than k people in the whole organisation is not listed,
    // since its title alone could say who wants it.
    .filter((d) => d.kind !== 'course' || !report.trainingSuppressed.has(cellKey(ORGANISATION, 'all', `course:${d.itemId}`)))
    .filter((d) => d.byTeam[0]?.people.suppressed !== null || (d.byTeam[0]?.people.value ?? 0) > 0);
  return result.sort(
    (a, b) => ((b.byTeam[0]?.people.value ?? -1) - (a.byTeam[0]?.people.value ?? -1)) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  );
}
