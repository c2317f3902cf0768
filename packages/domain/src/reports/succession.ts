import type { FrameworkDocument, TransitionKind } from '../framework/document.js';
import type { Readiness } from '../plans/readiness.js';
import type { TeamLike } from '../people/teams.js';
import { teamHierarchy, type TeamHierarchy } from './organisation.js';
import { cellKey, figure, rollUp, suppressMeasure, type AdditiveRow, type Figure, type RolledCell } from './rollup.js';
import { drillRows } from './skills.js';
import type { SuppressionReason } from './suppression.js';

/**
 * Promotion readiness and succession (point 3): per target role, how many candidates could step in
 * now, within 6 months, within a year, later, or cannot be told yet; per team; and the gaps that block
 * most of them. A person's place comes from their readiness for the role ({@link readinessOutlook});
 * the database keeps the outlooks as rollup rows ({@link SuccessionRow}, {@link BlockerRow}), so the
 * report never recomputes readiness for everyone on a read.
 */

export const READINESS_BUCKETS = ['now', 'within-6-months', 'within-12-months', 'later', 'unknown'] as const;
export type ReadinessBucket = (typeof READINESS_BUCKETS)[number];

/** Why a person is in their bucket. */
export type OutlookReason =
  /** Every expected skill rated and met, required qualifications held. */
  | 'ready'
  /** Skills ready, a required qualification missing or expired. */
  | 'qualification'
  /** Months to ready from the forecast. */
  | 'forecast'
  /** Fewer of the role's expectations rated than `minRatedShare`. */
  | 'too-few-rated'
  /** What is known is met, but some expectations are unknown: whether they are ready cannot be told. */
  | 'unrated-skills'
  /** Gaps remain and the forecast has no pace to go on. */
  | 'not-enough-history';

export interface ReadinessOutlook {
  bucket: ReadinessBucket;
  reason: OutlookReason;
  /** From the forecast, when there is one. */
  monthsToReady: number | null;
  /** Rated ÷ expected skills of the role (1 when it expects none). */
  ratedShare: number;
  /** Skills known (rated or assumed) below the role's level, largest shortfall first, with the shortfall. */
  blockingSkills: { skillId: string; shortfall: number }[];
  /** Required qualifications missing or expired. */
  missingQualificationIds: string[];
}

export interface OutlookOptions {
  /**
   * Below this share of the role's expectations rated, the outlook is unknown (default 0.5): levels
   * assumed from the current role count as known, but are not evidence of readiness on their own.
   */
  minRatedShare?: number;
  /**
   * The months assumed to gain a missing required qualification (default 6): someone whose skills are
   * ready but who lacks one is placed by this, never "now".
   */
  qualificationMonths?: number;
}

function bucketOf(months: number): ReadinessBucket {
  if (months <= 0) return 'now';
  if (months <= 6) return 'within-6-months';
  if (months <= 12) return 'within-12-months';
  return 'later';
}

/**
 * Where a person stands for a role, from their readiness (`readiness`: unrated skills unknown, or
 * assumed at the current role's level). "Now" needs nothing unknown, nothing known to fall short and
 * the required qualifications held; with too few skills rated, or gaps and no pace to forecast from,
 * the outlook is "unknown", its own bucket; otherwise the forecast's months place the person.
 */
export function readinessOutlook(readiness: Readiness, options: OutlookOptions = {}): ReadinessOutlook {
  const minRatedShare = options.minRatedShare ?? 0.5;
  const qualificationMonths = options.qualificationMonths ?? 6;
  const { coverage } = readiness;
  const ratedShare = coverage.share;
  const blockingSkills = readiness.blockingGaps.map((s) => ({ skillId: s.skillKey, shortfall: s.shortfall }));
  const missingQualificationIds = readiness.qualifications
    .filter((q) => q.required && (q.state === 'missing' || q.state === 'expired'))
    .map((q) => q.key);
  const base = { ratedShare, blockingSkills, missingQualificationIds };
  const forecastMonths = readiness.forecast.kind === 'forecast' ? readiness.forecast.monthsToReady : null;

  if (ratedShare < minRatedShare) return { ...base, bucket: 'unknown', reason: 'too-few-rated', monthsToReady: null };
  if (blockingSkills.length === 0) {
    if (coverage.unknown > 0) return { ...base, bucket: 'unknown', reason: 'unrated-skills', monthsToReady: null };
    if (missingQualificationIds.length > 0) {
      return { ...base, bucket: bucketOf(Math.max(qualificationMonths, 0.01)), reason: 'qualification', monthsToReady: null };
    }
    return { ...base, bucket: 'now', reason: 'ready', monthsToReady: 0 };
  }
  if (forecastMonths === null) return { ...base, bucket: 'unknown', reason: 'not-enough-history', monthsToReady: null };
  const months = missingQualificationIds.length > 0 ? Math.max(forecastMonths, qualificationMonths) : forecastMonths;
  return { ...base, bucket: bucketOf(Math.max(months, 0.01)), reason: 'forecast', monthsToReady: forecastMonths };
}

/** The roles from which a move leads into `roleId` (by default promotions and lateral moves). */
export function successionSourceRoles(doc: FrameworkDocument, roleId: string, kinds: readonly TransitionKind[] = ['promotion', 'lateral']): string[] {
  return [...new Set(doc.transitions.filter((t) => t.toRoleKey === roleId && kinds.includes(t.kind)).map((t) => t.fromRoleKey))];
}

/** A person considered for a role (aiming at it in an open plan, or one move away from it). */
export interface SuccessionCandidate {
  personId: string;
  teamId: string | null;
  targetRoleId: string;
  outlook: ReadinessOutlook;
}

// ---------------------------------------------------------------------------------------------
// Rollups

/** Candidates directly in a team for a target role, per bucket (values aligned with READINESS_BUCKETS). */
export interface SuccessionRow {
  teamId: string | null;
  targetRoleId: string;
  /** Candidates in each bucket, in {@link READINESS_BUCKETS} order. */
  byBucket: readonly number[];
}

/** Candidates directly in a team for a target role blocked by one skill or qualification. */
export interface BlockerRow {
  teamId: string | null;
  targetRoleId: string;
  kind: 'skill' | 'qualification';
  id: string;
  people: number;
  /** Σ shortfall in levels (skills; 0 for qualifications). */
  shortfallSum: number;
}

/** The rollup rows of a list of candidates. */
export function successionRowsFromCandidates(candidates: readonly SuccessionCandidate[]): { succession: SuccessionRow[]; blockers: BlockerRow[] } {
  const succession = new Map<string, SuccessionRow & { byBucket: number[] }>();
  const blockers = new Map<string, BlockerRow>();
  for (const c of candidates) {
    const key = `${c.teamId ?? ''}\u0000${c.targetRoleId}`;
    const row = succession.get(key) ?? { teamId: c.teamId, targetRoleId: c.targetRoleId, byBucket: READINESS_BUCKETS.map(() => 0) };
    row.byBucket[READINESS_BUCKETS.indexOf(c.outlook.bucket)] = (row.byBucket[READINESS_BUCKETS.indexOf(c.outlook.bucket)] as number) + 1;
    succession.set(key, row);
    const block = (kind: BlockerRow['kind'], id: string, shortfall: number) => {
      const blockerKey = `${key}\u0000${kind}\u0000${id}`;
      const b = blockers.get(blockerKey) ?? { teamId: c.teamId, targetRoleId: c.targetRoleId, kind, id, people: 0, shortfallSum: 0 };
      b.people++;
      b.shortfallSum += shortfall;
      blockers.set(blockerKey, b);
    };
    for (const s of c.outlook.blockingSkills) block('skill', s.skillId, s.shortfall);
    for (const q of c.outlook.missingQualificationIds) block('qualification', q, 0);
  }
  return { succession: [...succession.values()], blockers: [...blockers.values()] };
}

// ---------------------------------------------------------------------------------------------
// The report

export interface SuccessionInput {
  teams: readonly TeamLike[];
  succession: readonly SuccessionRow[];
  blockers: readonly BlockerRow[];
  k: number;
}

export interface SuccessionReport {
  hierarchy: TeamHierarchy;
  k: number;
  roleIds: string[];
  cells: ReadonlyMap<string, RolledCell>;
  /** Blocker cells per (team, target role) cell key. */
  blockerCells: ReadonlyMap<string, RolledCell[]>;
  suppressed: ReadonlyMap<string, SuppressionReason>;
}

const NO_FILTER = { skills: [], categories: [], tracks: [], roles: [], levels: [] };

/** Rolls the succession rollups up the team tree; figures over fewer than k candidates are suppressed. */
export function successionReport(input: SuccessionInput): SuccessionReport {
  const hierarchy = teamHierarchy(input.teams);
  const rows: AdditiveRow[] = input.succession.map((r) => ({
    teamId: r.teamId,
    roleId: null,
    key: r.targetRoleId,
    values: [r.byBucket.reduce((a, b) => a + b, 0), ...r.byBucket],
  }));
  const cells = rollUp(rows, 1 + READINESS_BUCKETS.length, hierarchy, NO_FILTER, { filters: false });
  const blockerCells = rollUp(
    input.blockers.map((b) => ({ teamId: b.teamId, roleId: null, key: `${b.targetRoleId}\u0000${b.kind}\u0000${b.id}`, values: [b.people, b.shortfallSum] })),
    2,
    hierarchy,
    NO_FILTER,
    { filters: false },
  );
  const byCell = new Map<string, RolledCell[]>();
  for (const cell of blockerCells.values()) {
    const key = cellKey(cell.team, 'all', cell.key.split('\u0000')[0] as string);
    const list = byCell.get(key);
    if (list) list.push(cell);
    else byCell.set(key, [cell]);
  }
  return {
    hierarchy,
    k: input.k,
    roleIds: [...new Set(input.succession.map((r) => r.targetRoleId))].sort(),
    cells,
    blockerCells: byCell,
    suppressed: suppressMeasure(cells, 0, hierarchy, NO_FILTER, input.k),
  };
}

export interface Blocker {
  kind: 'skill' | 'qualification';
  id: string;
  /** Candidates it blocks (value = people; over the cell's candidates). */
  people: Figure;
  /** Their mean shortfall in levels (skills). */
  meanShortfall: Figure;
}

export interface SuccessionCell {
  teamId: string;
  targetRoleId: string;
  /** Candidates (value = people). */
  candidates: Figure;
  /** Candidates per bucket (value = people, over the candidates). */
  byBucket: Record<ReadinessBucket, Figure>;
  /** The gaps blocking most candidates first. */
  blockers: Blocker[];
}

/** Per target role: the team drilled into and each sub-team. */
export function successionView(report: SuccessionReport, options: { teamId?: string | null; targetRoleId?: string | null } = {}): SuccessionCell[] {
  const teams = drillRows(report.hierarchy, options.teamId);
  const roles = options.targetRoleId ? [options.targetRoleId] : report.roleIds;
  const result: SuccessionCell[] = [];
  for (const targetRoleId of roles) {
    for (const teamId of teams) {
      const key = cellKey(teamId, 'all', targetRoleId);
      const values = report.cells.get(key)?.values;
      const total = (values?.[0] as number | undefined) ?? 0;
      const suppressed = report.suppressed.get(key) ?? null;
      const count = (v: number) => (suppressed ? figure(null, total, suppressed) : { value: v, people: total, suppressed: null });
      const byBucket = Object.fromEntries(
        READINESS_BUCKETS.map((bucket, i) => [bucket, count((values?.[i + 1] as number | undefined) ?? 0)]),
      ) as Record<ReadinessBucket, Figure>;
      const blockers: Blocker[] = [];
      if (!suppressed) {
        for (const cell of report.blockerCells.get(key) ?? []) {
          const [, kind, id] = cell.key.split('\u0000') as [string, Blocker['kind'], string];
          const people = cell.values[0] as number;
          blockers.push({
            kind,
            id,
            people: { value: people, people: total, suppressed: null },
            meanShortfall: kind === 'skill' ? figure((cell.values[1] as number) / people, total, null) : figure(null, total, null),
          });
        }
        blockers.sort((a, b) => (b.people.value as number) - (a.people.value as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      }
      result.push({ teamId, targetRoleId, candidates: count(total), byBucket, blockers });
    }
  }
  return result;
}

/**
 * The people in each bucket per target role, for a manager's view of their own reports (the caller
 * passes only those): not an aggregate, so never shown to leadership as such.
 */
export function successionPeople(candidates: readonly SuccessionCandidate[]): Map<string, Record<ReadinessBucket, string[]>> {
  const result = new Map<string, Record<ReadinessBucket, string[]>>();
  for (const c of candidates) {
    let buckets = result.get(c.targetRoleId);
    if (!buckets) {
      buckets = Object.fromEntries(READINESS_BUCKETS.map((b) => [b, [] as string[]])) as unknown as Record<ReadinessBucket, string[]>;
      result.set(c.targetRoleId, buckets);
    }
    buckets[c.outlook.bucket].push(c.personId);
  }
  for (const buckets of result.values()) for (const list of Object.values(buckets)) list.sort();
  return result;
}
